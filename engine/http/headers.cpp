#include "http/headers.hpp"

#include <algorithm>

namespace quiltup::http {

bool iequals(std::string_view a, std::string_view b) noexcept {
  auto lower = [](unsigned char c) { return (c >= 'A' && c <= 'Z') ? static_cast<unsigned char>(c + 32) : c; };
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(),
                    [&](char x, char y) { return lower(x) == lower(y); });
}

void headers::set(std::string name, std::string value) {
  remove(name);
  add(std::move(name), std::move(value));
}

std::optional<std::string_view> headers::get(std::string_view name) const {
  for (const auto& [n, v] : list_)
    if (iequals(n, name)) return std::string_view(v);
  return std::nullopt;
}

void headers::remove(std::string_view name) {
  std::erase_if(list_, [&](const entry& e) { return iequals(e.first, name); });
}

}  // namespace quiltup::http
