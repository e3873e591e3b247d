#pragma once
// A query string in SigV4 canonical form (names sorted, RFC 3986 encoding, "uploads=" for a
// bare flag), sent exactly as signed so the two can never disagree.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace quiltup::s3 {

class query_builder {
 public:
  query_builder& add(std::string_view name, std::string_view value);
  query_builder& add_flag(std::string_view name) { return add(name, {}); }
  // Skips the parameter when value is empty.
  query_builder& add_if(std::string_view name, std::string_view value);
  std::string str() const;

 private:
  std::vector<std::pair<std::string, std::string>> params_;  // encoded
};

}  // namespace quiltup::s3
