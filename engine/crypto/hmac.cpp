#include "crypto/hmac.hpp"

#include <openssl/hmac.h>

#include <stdexcept>

namespace quiltup::crypto {

sha256_digest hmac_sha256(bytes_view key, bytes_view data) {
  sha256_digest d{};
  unsigned int len = 0;
  // HMAC() with a null md_ctx is one-shot; an empty key must still be a valid pointer.
  static const unsigned char empty = 0;
  const void* k = key.empty() ? &empty : static_cast<const void*>(key.data());
  const auto* p = data.empty() ? &empty : reinterpret_cast<const unsigned char*>(data.data());
  if (!HMAC(EVP_sha256(), k, static_cast<int>(key.size()), p, data.size(), d.data(), &len))
    throw std::runtime_error("HMAC(sha256) failed");
  return d;
}

}  // namespace quiltup::crypto
