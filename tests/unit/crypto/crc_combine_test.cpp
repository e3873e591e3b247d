#include "crypto/crc32.hpp"
#include "crypto/crc32c.hpp"
#include "crypto/crc64nvme.hpp"
#include "crypto/crc_polynomial.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <vector>

using namespace quiltup;
using namespace quiltup::crypto;

namespace {

struct crc_kind {
  const char* name;
  std::uint64_t (*crc)(std::uint64_t, bytes_view);
  std::uint64_t (*combine)(std::uint64_t, std::uint64_t, std::uint64_t);
};

const crc_kind kinds[] = {
    {"crc32", [](std::uint64_t p, bytes_view d) -> std::uint64_t { return crc32(std::uint32_t(p), d); },
     [](std::uint64_t a, std::uint64_t b, std::uint64_t n) -> std::uint64_t {
       return crc32_combine(std::uint32_t(a), std::uint32_t(b), n);
     }},
    {"crc32c", [](std::uint64_t p, bytes_view d) -> std::uint64_t { return crc32c(std::uint32_t(p), d); },
     [](std::uint64_t a, std::uint64_t b, std::uint64_t n) -> std::uint64_t {
       return crc32c_combine(std::uint32_t(a), std::uint32_t(b), n);
     }},
    {"crc64nvme", [](std::uint64_t p, bytes_view d) { return crc64nvme(p, d); },
     [](std::uint64_t a, std::uint64_t b, std::uint64_t n) { return crc64nvme_combine(a, b, n); }},
};

}  // namespace

TEST_CASE("crc combine: crc(a||b) from crc(a), crc(b), len(b) at random splits", "[crypto][crc_combine]") {
  std::mt19937_64 rng(11);
  std::vector<std::byte> data(100000);
  for (auto& b : data) b = static_cast<std::byte>(rng());
  const bytes_view all(data);
  for (const auto& k : kinds) {
    INFO(k.name);
    const auto whole = k.crc(0, all);
    for (int i = 0; i < 50; ++i) {
      const std::size_t split = rng() % (data.size() + 1);
      INFO("split at " << split);
      const auto a = k.crc(0, all.first(split));
      const auto b = k.crc(0, all.subspan(split));
      REQUIRE(k.combine(a, b, data.size() - split) == whole);
    }
  }
}

TEST_CASE("crc combine: identities", "[crypto][crc_combine]") {
  for (const auto& k : kinds) {
    INFO(k.name);
    const auto a = k.crc(0, as_bytes("some bytes"));
    // Appending nothing changes nothing; prepending nothing yields crc(b).
    CHECK(k.combine(a, 0, 0) == a);
    CHECK(k.combine(0, a, 10) == a);
    // Associative over three pieces, so parts can be folded in any grouping.
    const auto b = k.crc(0, as_bytes("more")), c = k.crc(0, as_bytes("and the rest"));
    CHECK(k.combine(k.combine(a, b, 4), c, 12) == k.combine(a, k.combine(b, c, 12), 16));
    CHECK(k.combine(k.combine(a, b, 4), c, 12) == k.crc(0, as_bytes("some bytesmoreand the rest")));
  }
}

TEST_CASE("crc combine: 10,000 parts of a multipart upload fold to the whole-object CRC", "[crypto][crc_combine]") {
  // Unequal part lengths, including 1-byte parts, like a last part.
  std::mt19937_64 rng(5);
  std::vector<std::byte> data(10000 * 9);
  for (auto& b : data) b = static_cast<std::byte>(rng());
  const bytes_view all(data);
  for (const auto& k : kinds) {
    INFO(k.name);
    std::uint64_t folded = 0;
    std::size_t pos = 0;
    for (int part = 0; part < 10000; ++part) {
      const std::size_t len = part % 17 + 1;
      folded = k.combine(folded, k.crc(0, all.subspan(pos, len)), len);
      pos += len;
    }
    CHECK(folded == k.crc(0, all.first(pos)));
  }
}

TEST_CASE("crc_polynomial: x^(8n) by squaring equals repeated multiplication by x", "[crypto][crc_combine]") {
  for (std::uint64_t n : {0u, 1u, 2u, 3u, 17u, 64u, 200u}) {
    INFO(n);
    CHECK(crc64nvme_polynomial::x_pow_bytes(n) == crc64nvme_polynomial::x_pow_small(unsigned(8 * n)));
    CHECK(crc32c_polynomial::x_pow_bytes(n) == crc32c_polynomial::x_pow_small(unsigned(8 * n)));
  }
}
