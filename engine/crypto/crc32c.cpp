#include "crypto/crc32c.hpp"

#include "crypto/crc_polynomial.hpp"

#include <isa-l/crc.h>

#include <algorithm>

namespace quiltup::crypto {

std::uint32_t crc32c(std::uint32_t prev, bytes_view data) {
  // crc32_iscsi works on the raw register (no inversion on entry or exit), so the zlib-style
  // value is complemented around it. Its length is an int: feed it at most 1 GiB at a time.
  constexpr std::size_t max_block = std::size_t{1} << 30;
  // ISA-L's signature takes a non-const pointer but only reads through it.
  auto* p = const_cast<unsigned char*>(reinterpret_cast<const unsigned char*>(data.data()));
  std::uint32_t reg = ~prev;
  for (std::size_t left = data.size(); left != 0;) {
    const std::size_t n = std::min(left, max_block);
    reg = crc32_iscsi(p, static_cast<int>(n), reg);
    p += n;
    left -= n;
  }
  return ~reg;
}

std::uint32_t crc32c_combine(std::uint32_t crc_a, std::uint32_t crc_b, std::uint64_t len_b) {
  return crc32c_polynomial::combine(crc_a, crc_b, len_b);
}

}  // namespace quiltup::crypto
