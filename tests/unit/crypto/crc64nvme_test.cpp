#include "crypto/crc64nvme.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <vector>

using namespace quiltup;
using namespace quiltup::crypto;

namespace {

std::vector<std::byte> random_bytes(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::byte> v(n);
  for (auto& b : v) b = static_cast<std::byte>(rng());
  return v;
}

}  // namespace

TEST_CASE("crc64nvme: this x86-64 build has the PCLMUL kernel and dispatches to it", "[crypto][crc64nvme]") {
#if defined(__x86_64__)
  // Every x86-64 CPU since 2011 has PCLMULQDQ and AVX (s3-facts.md §7 lists them for the dev VM).
  REQUIRE(crc64nvme_pclmul_supported());
#endif
  CHECK(crc64nvme(0, "123456789") == 0xae8b14860a799888ull);
  CHECK(crc64nvme_table(0, as_bytes("123456789")) == 0xae8b14860a799888ull);
}

TEST_CASE("crc64nvme: PCLMUL and table kernels agree on random lengths and alignments", "[crypto][crc64nvme]") {
  REQUIRE(crc64nvme_pclmul_supported());
  constexpr std::size_t max_len = 300000;
  const auto buffer = random_bytes(max_len + 64, 42);
  std::mt19937_64 rng(7);
  std::vector<std::size_t> lengths;
  // Every length around the kernel's thresholds (16-byte blocks, 128-byte groups), then random.
  for (std::size_t n = 0; n <= 600; ++n) lengths.push_back(n);
  for (int i = 0; i < 300; ++i) lengths.push_back(rng() % (max_len + 1));
  lengths.push_back(max_len);

  for (std::size_t len : lengths) {
    const std::size_t offset = rng() % 64;  // odd and even misalignments
    const bytes_view data(buffer.data() + offset, len);
    const std::uint64_t prev = rng();  // also exercises a non-zero incoming CRC
    INFO("length " << len << ", offset " << offset);
    REQUIRE(crc64nvme_pclmul(prev, data) == crc64nvme_table(prev, data));
    REQUIRE(crc64nvme_pclmul(0, data) == crc64nvme_table(0, data));
  }
}

TEST_CASE("crc64nvme: incremental updates equal one pass, in both kernels", "[crypto][crc64nvme]") {
  const auto buffer = random_bytes(70001, 3);
  const bytes_view all(buffer);
  const auto expected = crc64nvme_table(0, all);
  for (std::size_t split : {0ul, 1ul, 15ul, 16ul, 127ul, 128ul, 129ul, 4096ul, 70000ul, 70001ul}) {
    INFO("split at " << split);
    CHECK(crc64nvme_table(crc64nvme_table(0, all.first(split)), all.subspan(split)) == expected);
    CHECK(crc64nvme(crc64nvme(0, all.first(split)), all.subspan(split)) == expected);
  }
}

TEST_CASE("crc64nvme_pclmul: refuses to run without the instruction rather than crash", "[crypto][crc64nvme]") {
  if (crc64nvme_pclmul_supported())
    CHECK_NOTHROW(crc64nvme_pclmul(0, as_bytes("x")));
  else
    CHECK_THROWS_AS(crc64nvme_pclmul(0, as_bytes("x")), std::logic_error);
}
