#pragma once
// Where a package lives in its bucket (quilt3 registry V1, the layout the catalog and pkgpush
// read):
//   .quilt/packages/<top_hash>                         the manifest
//   .quilt/named_packages/<ns>/<name>/<unix seconds>   pointer: the 64 hex chars, no newline
//   .quilt/named_packages/<ns>/<name>/latest           pointer to the newest revision
// Write order: manifest, timestamp pointer, latest (the pkgevents lambda fires on the timestamp
// pointer and requires exactly 64 bytes).
#include "core/error.hpp"
#include "quilt/package_name.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace quiltup::quilt {

inline constexpr std::string_view packages_prefix = ".quilt/packages/";
inline constexpr std::string_view named_packages_prefix = ".quilt/named_packages/";

std::string manifest_key(std::string_view top_hash);
// ".quilt/named_packages/<ns>/<name>/": list it for revisions; delete it to delete the package.
std::string pointer_prefix(const package_name& name);
std::string timestamp_pointer_key(const package_name& name, std::int64_t unix_seconds);
std::string latest_pointer_key(const package_name& name);

bool is_top_hash(std::string_view text);  // 64 lowercase hex digits
// The body of a pointer object: the top hash it holds (surrounding whitespace tolerated, as
// quilt3 strips it on read).
result<std::string> parse_pointer(std::string_view body);

}  // namespace quiltup::quilt
