#include "upload/part_digest.hpp"

#include "crypto/encoding.hpp"
#include "crypto/md5.hpp"
#include "crypto/sha256.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace quiltup;
using namespace quiltup::upload;
using crypto::checksum_algorithm;

namespace {

std::string sample(std::size_t n) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 131) ^ (i >> 7));
  return s;
}

}  // namespace

TEST_CASE("part_digest: one pass gives the checksum, the MD5 and the payload SHA-256", "[upload][part_digest]") {
  auto data = sample(3 * 1024 * 1024 + 17);  // crosses the 1 MiB block boundary
  auto d = digest_of(as_bytes(data), {.checksum = checksum_algorithm::crc32c, .md5 = true, .sha256_hex = true});
  REQUIRE(d.checksum);
  crypto::checksum_accumulator acc(checksum_algorithm::crc32c);
  acc.update(data);
  CHECK(d.checksum->base64() == acc.finish().base64());
  REQUIRE(d.md5);
  CHECK(*d.md5 == crypto::md5_of(data));
  CHECK(d.sha256_hex == crypto::sha256_hex(data));
}

TEST_CASE("part_digest: the sha256 checksum doubles as the payload hash — md5 mode gives the MD5", "[upload][part_digest]") {
  auto data = sample(5000);
  auto d = digest_of(as_bytes(data), {.checksum = checksum_algorithm::sha256, .md5 = false, .sha256_hex = true});
  CHECK(d.sha256_hex == crypto::sha256_hex(data));
  CHECK(d.checksum->base64() == crypto::base64_encode(crypto::sha256_of(data)));
  auto m = digest_of(as_bytes(data), {.checksum = checksum_algorithm::md5, .md5 = true, .sha256_hex = false});
  REQUIRE(m.md5);
  CHECK(*m.md5 == crypto::md5_of(data));
  CHECK(m.sha256_hex.empty());
  auto none = digest_of(as_bytes(data), {});
  CHECK_FALSE(none.checksum);
  CHECK_FALSE(none.md5);
}

TEST_CASE("part_digest: reading a file range gives the same bytes and digests", "[upload][part_digest]") {
  auto data = sample(2 * 1024 * 1024 + 5);
  auto p = std::filesystem::temp_directory_path() / ("quiltup-digest-" + std::to_string(::getpid()));
  std::ofstream(p, std::ios::binary) << data;
  auto file = file_source::open(p);
  REQUIRE(file.has_value());
  std::vector<std::byte> buf(1024 * 1024 + 3);
  auto d = read_and_digest(**file, 1000, buf, {.checksum = checksum_algorithm::crc64nvme, .md5 = true, .sha256_hex = true});
  REQUIRE(d.has_value());
  auto expect = std::string_view(data).substr(1000, buf.size());
  CHECK(std::string_view(reinterpret_cast<const char*>(buf.data()), buf.size()) == expect);
  CHECK(d->sha256_hex == crypto::sha256_hex(expect));
  CHECK(*d->md5 == crypto::md5_of(expect));
  std::filesystem::remove(p);
}

#include "scheduler/cpu_pool.hpp"
#include "support/run_awaitable.hpp"

TEST_CASE("part_digest: the same digests when computed on the cpu_pool", "[upload][part_digest]") {
  auto data = std::make_shared<const std::string>(sample(100'000));
  scheduler::cpu_pool pool(1);
  auto d = test::run_awaitable(pool.run([data] {
    return digest_of(as_bytes(*data), {.checksum = checksum_algorithm::crc32c, .md5 = false, .sha256_hex = true});
  }));
  CHECK(d.sha256_hex == crypto::sha256_hex(*data));
  REQUIRE(d.checksum);
}
