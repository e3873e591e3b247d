#pragma once
// Incremental SHA-256 over OpenSSL EVP (SHA-NI where the CPU has it).
#include "core/bytes.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace quiltup::crypto {

using sha256_digest = std::array<std::uint8_t, 32>;

class sha256 {
 public:
  sha256();
  ~sha256();
  sha256(sha256&&) noexcept;
  sha256& operator=(sha256&&) noexcept;

  void update(bytes_view data);
  void update(std::string_view data) { update(as_bytes(data)); }
  // Ends this hash; the object may be reused after reset().
  sha256_digest finish();
  void reset();

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

sha256_digest sha256_of(bytes_view data);
inline sha256_digest sha256_of(std::string_view data) { return sha256_of(as_bytes(data)); }
// Lower-case hex, as SigV4 wants it.
std::string sha256_hex(std::string_view data);

}  // namespace quiltup::crypto
