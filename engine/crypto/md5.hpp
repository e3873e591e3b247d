#pragma once
// Incremental MD5 over OpenSSL EVP: Content-MD5 and the multipart ETag check. Not for security.
#include "core/bytes.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>

namespace quiltup::crypto {

using md5_digest = std::array<std::uint8_t, 16>;

class md5 {
 public:
  md5();
  ~md5();
  md5(md5&&) noexcept;
  md5& operator=(md5&&) noexcept;

  void update(bytes_view data);
  void update(std::string_view data) { update(as_bytes(data)); }
  // Ends this hash; the object may be reused after reset().
  md5_digest finish();
  void reset();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

md5_digest md5_of(bytes_view data);
inline md5_digest md5_of(std::string_view data) { return md5_of(as_bytes(data)); }

}  // namespace quiltup::crypto
