// Slice-by-8: eight bytes per step through eight 256-entry tables (16 KiB, fits L1).
// The portable fallback, about 2 GB/s (s3-facts.md §7).
#include "crypto/crc64nvme_kernels.hpp"
#include "crypto/crc_polynomial.hpp"

#include <array>
#include <bit>
#include <cstring>

namespace quiltup::crypto::detail {

namespace {

static_assert(std::endian::native == std::endian::little,
              "the slice-by-8 kernel loads 8 message bytes as one little-endian word");

using table_set = std::array<std::array<std::uint64_t, 256>, 8>;

constexpr table_set make_tables() {
  table_set t{};
  for (unsigned b = 0; b < 256; ++b) {
    std::uint64_t v = b;
    for (int i = 0; i < 8; ++i) v = crc64nvme_polynomial::times_x(v);
    t[0][b] = v;
  }
  // t[k][b]: byte b followed by k zero bytes.
  for (std::size_t k = 1; k < t.size(); ++k)
    for (unsigned b = 0; b < 256; ++b) t[k][b] = (t[k - 1][b] >> 8) ^ t[0][t[k - 1][b] & 0xff];
  return t;
}

constexpr table_set tables = make_tables();

}  // namespace

std::uint64_t crc64nvme_table_update(std::uint64_t reg, const unsigned char* p, std::size_t n) noexcept {
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    v ^= reg;
    reg = tables[7][v & 0xff] ^ tables[6][(v >> 8) & 0xff] ^ tables[5][(v >> 16) & 0xff] ^
          tables[4][(v >> 24) & 0xff] ^ tables[3][(v >> 32) & 0xff] ^ tables[2][(v >> 40) & 0xff] ^
          tables[1][(v >> 48) & 0xff] ^ tables[0][v >> 56];
  }
  for (; n != 0; ++p, --n) reg = tables[0][(reg ^ *p) & 0xff] ^ (reg >> 8);
  return reg;
}

}  // namespace quiltup::crypto::detail
