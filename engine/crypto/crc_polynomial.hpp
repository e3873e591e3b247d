#pragma once
// Arithmetic modulo a reflected CRC polynomial, in the bit order the CRC register uses:
// bit 0 holds the highest power (x^(W-1)), bit W-1 holds x^0. Everything is constexpr so the
// combine tables and the PCLMUL folding constants are derived from the polynomial at compile
// time instead of being pasted in as magic numbers.
//
// combine() is zlib's crc32_combine rule, valid for any CRC with init = xorout = all-ones:
//   crc(a || b) = (crc(a) * x^(8 * len(b)) mod P) xor crc(b).
#include <array>
#include <cstdint>

namespace quiltup::crypto {

template <class Word, Word ReflectedPoly>
struct crc_polynomial {
  static constexpr int width = sizeof(Word) * 8;
  static constexpr Word one = Word{1} << (width - 1);  // x^0

  // a * b mod P.
  static constexpr Word multiply(Word a, Word b) {
    Word product = 0;
    for (Word m = one; m != 0; m >>= 1) {
      if (a & m) product ^= b;
      b = times_x(b);
    }
    return product;
  }

  static constexpr Word times_x(Word v) { return (v & 1) ? (v >> 1) ^ ReflectedPoly : v >> 1; }

  // x^n mod P by repeated multiplication by x: for compile-time folding constants (small n).
  static constexpr Word x_pow_small(unsigned n) {
    Word v = one;
    for (unsigned i = 0; i < n; ++i) v = times_x(v);
    return v;
  }

  // x^(2^k) mod P for k = 0..66, enough for x^(8 * n) with any 64-bit byte count n.
  static constexpr std::array<Word, 67> x_pow_2k = [] {
    std::array<Word, 67> t{};
    t[0] = times_x(one);
    for (std::size_t k = 1; k < t.size(); ++k) t[k] = multiply(t[k - 1], t[k - 1]);
    return t;
  }();

  // x^(8 * bytes) mod P in O(log bytes) multiplications.
  static constexpr Word x_pow_bytes(std::uint64_t bytes) {
    Word v = one;
    for (unsigned k = 3; bytes != 0; bytes >>= 1, ++k)
      if (bytes & 1) v = multiply(x_pow_2k[k], v);
    return v;
  }

  static constexpr Word combine(Word crc_a, Word crc_b, std::uint64_t len_b) {
    return multiply(x_pow_bytes(len_b), crc_a) ^ crc_b;
  }
};

using crc32_polynomial = crc_polynomial<std::uint32_t, 0xedb88320u>;
using crc32c_polynomial = crc_polynomial<std::uint32_t, 0x82f63b78u>;
using crc64nvme_polynomial = crc_polynomial<std::uint64_t, 0x9a6c9329ac4bc9b5ull>;

}  // namespace quiltup::crypto
