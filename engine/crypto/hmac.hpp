#pragma once
#include "core/bytes.hpp"
#include "crypto/sha256.hpp"

#include <string_view>

namespace quiltup::crypto {

sha256_digest hmac_sha256(bytes_view key, bytes_view data);
inline sha256_digest hmac_sha256(bytes_view key, std::string_view data) {
  return hmac_sha256(key, as_bytes(data));
}
inline sha256_digest hmac_sha256(std::string_view key, std::string_view data) {
  return hmac_sha256(as_bytes(key), as_bytes(data));
}

}  // namespace quiltup::crypto
