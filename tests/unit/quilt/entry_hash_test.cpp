#include "quilt/entry_hash.hpp"

#include "crypto/encoding.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace quiltup::quilt;
namespace crypto = quiltup::crypto;

namespace {

constexpr std::uint64_t mib = 1ull << 20;
constexpr std::uint64_t tib = 1ull << 40;

}  // namespace

TEST_CASE("entry_hash: an empty object is the SHA-256 of no bytes, not double-hashed", "[quilt][entry_hash]") {
  CHECK(quilt_hash_of(std::string_view{}) == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  CHECK(quilt_hash_from_part_digests({}) == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  CHECK(quilt_chunk_count(0) == 0);
}

TEST_CASE("entry_hash: one chunk up to exactly 8 MiB, two from 8 MiB + 1", "[quilt][entry_hash]") {
  CHECK(quilt_chunk_count(8 * mib) == 1);
  CHECK(quilt_chunk_count(8 * mib + 1) == 2);
  std::string data(8 * mib + 1, 'q');
  std::vector<crypto::sha256_digest> parts{crypto::sha256_of(std::string_view(data).substr(0, 8 * mib)),
                                           crypto::sha256_of(std::string_view(data).substr(8 * mib))};
  CHECK(quilt_hash_of(data) == quilt_hash_from_part_digests(parts));
}

TEST_CASE("entry_hash: feeding a different number of bytes than declared is an error", "[quilt][entry_hash]") {
  chunked_sha256 short_feed(10);
  short_feed.update(std::string_view("12345"));
  auto r = short_feed.finish();
  REQUIRE(r.has_error());
  CHECK(r.error().code == "SizeMismatch");
  CHECK(r.error().message.find("hashed 5 bytes") != std::string::npos);

  chunked_sha256 long_feed(1);
  long_feed.update(std::string_view("12"));
  CHECK(long_feed.finish().has_error());
}

TEST_CASE("entry_hash: Quilt-aligned part sizes, and none once a chunk would exceed 5 GiB", "[quilt][entry_hash]") {
  CHECK(quilt_part_size(1) == 8 * mib);
  CHECK(quilt_part_size(83'886'080'001ull) == 16 * mib);
  CHECK(quilt_part_size(10'000ull * 4096 * mib) == 4096 * mib);  // 39.06 TiB: 4 GiB parts still fit
  CHECK(quilt_part_size(10'000ull * 4096 * mib + 1) == std::nullopt);
  CHECK(quilt_part_size(48 * tib) == std::nullopt);
}

TEST_CASE("entry_hash: S3 composite ChecksumSHA256 of aligned parts is the Quilt value", "[quilt][entry_hash]") {
  const std::uint64_t size = 18 * mib;
  std::string data(size, 'z');
  std::vector<crypto::sha256_digest> parts;
  for (std::uint64_t at = 0; at < size; at += 8 * mib)
    parts.push_back(crypto::sha256_of(std::string_view(data).substr(at, 8 * mib)));
  auto expected = quilt_hash_of(data);
  auto composite = quilt_hash_from_part_digests(parts) + "-3";

  auto aligned = quilt_hash_from_s3_checksum(composite, size, 8 * mib);
  REQUIRE(aligned.has_value());
  CHECK(*aligned == expected);

  auto wrong_part_size = quilt_hash_from_s3_checksum(composite, size, 5 * mib);
  REQUIRE(wrong_part_size.has_error());
  CHECK(wrong_part_size.error().code == "ChecksumNotQuiltAligned");
  CHECK(wrong_part_size.error().message.find("needs 3 parts of 8388608 bytes") != std::string::npos);

  CHECK(quilt_hash_from_s3_checksum(quilt_hash_from_part_digests(parts) + "-4", size, 8 * mib).has_error());
  CHECK(quilt_hash_from_s3_checksum(quilt_hash_from_part_digests(parts) + "-x", size, 8 * mib).has_error());
}

TEST_CASE("entry_hash: S3 single-part checksums", "[quilt][entry_hash]") {
  std::string data = "Hello, World!";
  auto s3 = crypto::base64_encode(crypto::sha256_of(data));
  CHECK(quilt_hash_from_s3_checksum(s3, data.size(), 0).value() == quilt_hash_of(data));

  // A whole-object digest of a multi-chunk object cannot be turned into the chunked value.
  auto big = quilt_hash_from_s3_checksum(s3, 9 * mib, 0);
  REQUIRE(big.has_error());
  CHECK(big.error().field == "ChecksumSHA256");

  auto garbage = quilt_hash_from_s3_checksum("not base64!", 3, 0);
  REQUIRE(garbage.has_error());
  CHECK(garbage.error().message.find("32-byte SHA-256") != std::string::npos);
}
