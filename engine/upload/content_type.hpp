#pragma once
// Content-Type from a key's or path's extension, for items that do not name one. A fixed
// table (no /etc/mime.types: results must not depend on the machine).
#include <string>
#include <string_view>

namespace quiltup::upload {

inline constexpr std::string_view default_content_type = "application/octet-stream";

// Case-insensitive on the last extension of the last path segment ("a/B.CSV" → text/csv);
// default_content_type when unknown or absent.
std::string guess_content_type(std::string_view key_or_path);

}  // namespace quiltup::upload
