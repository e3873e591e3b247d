#include "s3/query_builder.hpp"

#include "crypto/encoding.hpp"

#include <algorithm>

namespace quiltup::s3 {

query_builder& query_builder::add(std::string_view name, std::string_view value) {
  params_.emplace_back(crypto::uri_encode(name, false), crypto::uri_encode(value, false));
  return *this;
}

query_builder& query_builder::add_if(std::string_view name, std::string_view value) {
  if (!value.empty()) add(name, value);
  return *this;
}

std::string query_builder::str() const {
  auto sorted = params_;
  std::sort(sorted.begin(), sorted.end());
  std::string out;
  for (const auto& [name, value] : sorted) {
    if (!out.empty()) out += '&';
    out += name;
    out += '=';
    out += value;
  }
  return out;
}

}  // namespace quiltup::s3
