#pragma once
// Package names are "namespace/name", each part ASCII letters, digits, '-' and '_' (the form
// quilt-mcp-server's schema and quilt3's PACKAGE_NAME_FORMAT agree on; no dots).
#include "core/error.hpp"

#include <string>
#include <string_view>

namespace quiltup::quilt {

struct package_name {
  std::string ns;    // "demo-team"
  std::string name;  // "my-package"
  std::string str() const { return ns + "/" + name; }
  bool operator==(const package_name&) const = default;
};

// Errors say what is wrong and suggest a valid name, e.g. "Try: 'demo-team/my-package'".
result<package_name> parse_package_name(std::string_view text);

}  // namespace quiltup::quilt
