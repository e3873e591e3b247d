#include "quilt/package_name.hpp"

#include <algorithm>

namespace quiltup::quilt {
namespace {

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

error invalid(std::string_view text, std::string why, std::string suggestion) {
  return make_error("InvalidArgument", "package name '" + std::string(text) + "' " + std::move(why), "name",
                    "use 'namespace/name' with letters, digits, '-' and '_'. Try: '" + std::move(suggestion) + "'");
}

// A valid name close to what the user typed, for the error message.
std::string suggest(std::string_view text) {
  std::string out;
  for (char c : text) out += name_char(c) || c == '/' ? c : '-';
  auto slash = out.find('/');
  if (slash == std::string::npos) return "demo-team/" + (out.empty() ? std::string("my-package") : out);
  std::replace(out.begin() + static_cast<std::ptrdiff_t>(slash) + 1, out.end(), '/', '-');
  if (slash == 0) out.insert(0, "demo-team");
  if (out.back() == '/') out += "my-package";
  return out;
}

}  // namespace

result<package_name> parse_package_name(std::string_view text) {
  if (text.empty()) return invalid(text, "is empty", "demo-team/my-package");
  auto slashes = std::count(text.begin(), text.end(), '/');
  if (slashes != 1)
    return invalid(text, "must contain exactly one '/' between namespace and name (found " + std::to_string(slashes) + ")",
                   suggest(text));
  auto slash = text.find('/');
  auto ns = text.substr(0, slash);
  auto name = text.substr(slash + 1);
  if (ns.empty()) return invalid(text, "has an empty namespace before '/'", suggest(text));
  if (name.empty()) return invalid(text, "has an empty name after '/'", suggest(text));
  if (text.find('.') != std::string_view::npos)
    return invalid(text, "contains '.', which package names do not allow; replace dots with hyphens", suggest(text));
  for (auto part : {ns, name}) {
    auto bad = std::find_if_not(part.begin(), part.end(), name_char);
    if (bad != part.end())
      return invalid(text, "contains '" + std::string(1, *bad) + "' in '" + std::string(part) +
                               "'; only ASCII letters, digits, '-' and '_' are allowed",
                     suggest(text));
  }
  return package_name{std::string(ns), std::string(name)};
}

}  // namespace quiltup::quilt
