#pragma once
// Incremental SHA-1 over OpenSSL EVP, for the S3 SHA1 checksum mode. Not for security.
#include "core/bytes.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>

namespace quiltup::crypto {

using sha1_digest = std::array<std::uint8_t, 20>;

class sha1 {
 public:
  sha1();
  ~sha1();
  sha1(sha1&&) noexcept;
  sha1& operator=(sha1&&) noexcept;

  void update(bytes_view data);
  void update(std::string_view data) { update(as_bytes(data)); }
  // Ends this hash; the object may be reused after reset().
  sha1_digest finish();
  void reset();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

sha1_digest sha1_of(bytes_view data);
inline sha1_digest sha1_of(std::string_view data) { return sha1_of(as_bytes(data)); }

}  // namespace quiltup::crypto
