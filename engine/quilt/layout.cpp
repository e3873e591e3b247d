#include "quilt/layout.hpp"

#include <algorithm>

namespace quiltup::quilt {

std::string manifest_key(std::string_view top_hash) { return std::string(packages_prefix) + std::string(top_hash); }

std::string pointer_prefix(const package_name& name) {
  return std::string(named_packages_prefix) + name.ns + "/" + name.name + "/";
}

std::string timestamp_pointer_key(const package_name& name, std::int64_t unix_seconds) {
  return pointer_prefix(name) + std::to_string(unix_seconds);
}

std::string latest_pointer_key(const package_name& name) { return pointer_prefix(name) + "latest"; }

bool is_top_hash(std::string_view text) {
  return text.size() == 64 &&
         std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

result<std::string> parse_pointer(std::string_view body) {
  auto first = body.find_first_not_of(" \t\r\n");
  auto last = body.find_last_not_of(" \t\r\n");
  auto hash = first == std::string_view::npos ? std::string_view{} : body.substr(first, last - first + 1);
  if (!is_top_hash(hash))
    return make_error("InvalidPackagePointer",
                      "package pointer does not hold a top hash (expected 64 lowercase hex digits, got " +
                          std::to_string(hash.size()) + " characters)",
                      {}, "the pointer object may be damaged; point 'latest' at a revision again");
  return result<std::string>(boost::system::in_place_value, std::string(hash));
}

}  // namespace quiltup::quilt
