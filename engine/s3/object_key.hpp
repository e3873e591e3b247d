#pragma once
// S3 object key rules (s3-facts §1): non-empty, ≤ 1,024 bytes, valid UTF-8.
#include "core/error.hpp"

#include <string_view>

namespace quiltup::s3 {

inline constexpr std::size_t max_key_bytes = 1024;

// Error code "InvalidArgument" with `field` set to the given field name ("key", "items[3].key").
result<void> validate_object_key(std::string_view key, std::string_view field = "key");

bool is_valid_utf8(std::string_view s) noexcept;

}  // namespace quiltup::s3
