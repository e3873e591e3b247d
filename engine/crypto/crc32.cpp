#include "crypto/crc32.hpp"

#include "crypto/crc_polynomial.hpp"

#include <isa-l/crc.h>

namespace quiltup::crypto {

std::uint32_t crc32(std::uint32_t prev, bytes_view data) {
  // crc32_gzip_refl already follows the zlib convention (inverts on entry and exit).
  return crc32_gzip_refl(prev, reinterpret_cast<const unsigned char*>(data.data()), data.size());
}

std::uint32_t crc32_combine(std::uint32_t crc_a, std::uint32_t crc_b, std::uint64_t len_b) {
  return crc32_polynomial::combine(crc_a, crc_b, len_b);
}

}  // namespace quiltup::crypto
