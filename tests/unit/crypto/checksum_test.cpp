#include "crypto/checksum.hpp"
#include "crypto/crc32c.hpp"
#include "crypto/encoding.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace quiltup;
using namespace quiltup::crypto;

namespace {
constexpr checksum_algorithm all_algorithms[] = {
    checksum_algorithm::none,   checksum_algorithm::crc32,  checksum_algorithm::crc32c,
    checksum_algorithm::crc64nvme, checksum_algorithm::sha1, checksum_algorithm::sha256,
    checksum_algorithm::md5,
};
}  // namespace

TEST_CASE("checksum_algorithm: parses user text case-insensitively", "[crypto][checksum]") {
  CHECK(parse_checksum_algorithm("crc32c").value() == checksum_algorithm::crc32c);
  CHECK(parse_checksum_algorithm("CRC32C").value() == checksum_algorithm::crc32c);
  CHECK(parse_checksum_algorithm("Crc64Nvme").value() == checksum_algorithm::crc64nvme);
  CHECK(parse_checksum_algorithm("SHA256").value() == checksum_algorithm::sha256);
  CHECK(parse_checksum_algorithm("None").value() == checksum_algorithm::none);
  for (auto a : all_algorithms) CHECK(parse_checksum_algorithm(to_string(a)).value() == a);
}

TEST_CASE("checksum_algorithm: unknown text is an error naming the field and the allowed values", "[crypto][checksum]") {
  for (std::string_view bad : {"", "crc", "sha-256", "crc32c ", "xxhash64", "sha512"}) {
    INFO("'" << bad << "'");
    auto r = parse_checksum_algorithm(bad, "items[3].checksum");
    REQUIRE(r.has_error());
    CHECK(r.error().code == "InvalidArgument");
    CHECK(r.error().field == "items[3].checksum");
    CHECK(r.error().message.find(std::string(bad) + "'") != std::string::npos);
    CHECK(r.error().hint == "use one of: none, crc32, crc32c, crc64nvme, sha1, sha256, md5");
  }
}

TEST_CASE("checksum_algorithm: S3 names, headers, sizes and multipart types", "[crypto][checksum]") {
  using a = checksum_algorithm;
  CHECK(s3_header_name(a::crc32) == "x-amz-checksum-crc32");
  CHECK(s3_header_name(a::crc32c) == "x-amz-checksum-crc32c");
  CHECK(s3_header_name(a::crc64nvme) == "x-amz-checksum-crc64nvme");
  CHECK(s3_header_name(a::sha1) == "x-amz-checksum-sha1");
  CHECK(s3_header_name(a::sha256) == "x-amz-checksum-sha256");
  CHECK(s3_header_name(a::md5) == "Content-MD5");
  CHECK(s3_header_name(a::none).empty());

  CHECK(s3_algorithm_name(a::crc32c) == "CRC32C");
  CHECK(s3_algorithm_name(a::crc64nvme) == "CRC64NVME");
  CHECK(s3_algorithm_name(a::sha256) == "SHA256");
  CHECK(s3_algorithm_name(a::none).empty());
  CHECK(s3_checksum_type_name(checksum_type::composite) == "COMPOSITE");
  CHECK(s3_checksum_type_name(checksum_type::full_object) == "FULL_OBJECT");

  CHECK(checksum_size(a::crc32) == 4);
  CHECK(checksum_size(a::crc64nvme) == 8);
  CHECK(checksum_size(a::sha1) == 20);
  CHECK(checksum_size(a::sha256) == 32);
  CHECK(checksum_size(a::md5) == 16);
  CHECK(checksum_size(a::none) == 0);

  // s3-facts.md §3.1
  CHECK(supports_composite(a::crc32));
  CHECK(supports_composite(a::crc32c));
  CHECK_FALSE(supports_composite(a::crc64nvme));
  CHECK(supports_composite(a::sha1));
  CHECK(supports_composite(a::sha256));
  CHECK_FALSE(supports_composite(a::md5));
  CHECK(supports_full_object(a::crc32));
  CHECK(supports_full_object(a::crc32c));
  CHECK(supports_full_object(a::crc64nvme));
  CHECK_FALSE(supports_full_object(a::sha1));
  CHECK_FALSE(supports_full_object(a::sha256));
  CHECK_FALSE(supports_full_object(a::none));
}

TEST_CASE("checksum_accumulator: digests match the direct functions for every algorithm", "[crypto][checksum]") {
  const std::string text = "hello world";
  for (auto alg : all_algorithms) {
    INFO(to_string(alg));
    checksum_accumulator acc(alg);
    acc.update(std::string_view(text).substr(0, 4));
    acc.update(std::string_view(text).substr(4));
    const auto v = acc.finish();
    CHECK(v.algorithm == alg);
    CHECK(v.size == checksum_size(alg));
    switch (alg) {
      case checksum_algorithm::crc32: CHECK(v.base64() == "DUoRhQ=="); break;
      case checksum_algorithm::crc32c: CHECK(v.base64() == "yZRlqg=="); break;
      case checksum_algorithm::crc64nvme: CHECK(v.base64() == "jSnVw/bqjr4="); break;
      case checksum_algorithm::sha1: CHECK(v.hex() == hex_encode(sha1_of(std::string_view(text)))); break;
      case checksum_algorithm::sha256: CHECK(v.hex() == hex_encode(sha256_of(std::string_view(text)))); break;
      case checksum_algorithm::md5: CHECK(v.base64() == "XrY7u+Ae7tCTyyK7j1rNww=="); break;
      case checksum_algorithm::none: CHECK(v.base64().empty()); break;
    }
    // reset() starts a fresh checksum.
    acc.reset();
    CHECK(acc.bytes_seen() == 0);
    acc.update(text);
    CHECK(acc.finish() == v);
  }
}

TEST_CASE("checksum_value: CRC bytes are big-endian", "[crypto][checksum]") {
  const auto v = checksum_value::from_crc(checksum_algorithm::crc32c, 0xc1d04330);
  CHECK(v.hex() == "c1d04330");
  CHECK(v.base64() == "wdBDMA==");
  CHECK(v.crc() == 0xc1d04330);
  CHECK(checksum_value::from_crc(checksum_algorithm::crc64nvme, 0x0102030405060708).hex() == "0102030405060708");
}

TEST_CASE("checksum_from_base64: reads S3 values and rejects malformed ones", "[crypto][checksum]") {
  auto ok = checksum_from_base64(checksum_algorithm::crc32c, "wdBDMA==");
  REQUIRE(ok.has_value());
  CHECK(ok->crc() == 0xc1d04330);

  auto wrong_size = checksum_from_base64(checksum_algorithm::crc64nvme, "wdBDMA==", "ChecksumCRC64NVME");
  REQUIRE(wrong_size.has_error());
  CHECK(wrong_size.error().field == "ChecksumCRC64NVME");
  CHECK(wrong_size.error().message.find("8 bytes, got 4") != std::string::npos);

  auto composite = checksum_from_base64(checksum_algorithm::crc32c, "2oP66A==-2");
  REQUIRE(composite.has_error());
  CHECK(composite.error().message.find("not strict base64") != std::string::npos);

  CHECK(checksum_from_base64(checksum_algorithm::crc32c, "wdBDMA").has_error());
  CHECK(checksum_from_base64(checksum_algorithm::none, "").has_error());
}

TEST_CASE("composite_checksum: rejects algorithms and parts S3 would reject", "[crypto][checksum]") {
  const auto part = checksum_value::from_crc(checksum_algorithm::crc32c, crc32c(0, "a"));
  const std::vector<checksum_value> one{part};

  auto c = composite_checksum(one, checksum_algorithm::crc32c);
  REQUIRE(c.has_value());
  // One part: the CRC of its 4 raw bytes, then "-1".
  CHECK(*c == checksum_value::from_crc(checksum_algorithm::crc32c, crc32c(0, part.raw())).base64() + "-1");

  auto no_composite = composite_checksum(one, checksum_algorithm::crc64nvme);
  REQUIRE(no_composite.has_error());
  CHECK(no_composite.error().field == "checksum_algorithm");
  CHECK(no_composite.error().hint.find("crc32c") != std::string::npos);

  auto mixed = composite_checksum(std::vector{part, checksum_value::from_crc(checksum_algorithm::crc32, 1)},
                                  checksum_algorithm::crc32c);
  REQUIRE(mixed.has_error());
  CHECK(mixed.error().field == "parts[1]");

  CHECK(composite_checksum({}, checksum_algorithm::sha256).has_error());
}

TEST_CASE("full_object_crc and multipart_etag: refuse what has no meaning", "[crypto][checksum]") {
  auto sha = full_object_crc({}, checksum_algorithm::sha256);
  REQUIRE(sha.has_error());
  CHECK(sha.error().hint.find("crc64nvme") != std::string::npos);
  CHECK(full_object_crc({}, checksum_algorithm::crc64nvme).has_error());

  const std::vector<part_crc> wrong{{checksum_value::from_crc(checksum_algorithm::crc32, 5), 10}};
  auto mismatch = full_object_crc(wrong, checksum_algorithm::crc32c);
  REQUIRE(mismatch.has_error());
  CHECK(mismatch.error().field == "parts[0]");

  CHECK(multipart_etag({}).has_error());
  const std::vector<md5_digest> one{md5_of(std::string_view("x"))};
  auto etag = multipart_etag(one);
  REQUIRE(etag.has_value());
  // The ETag of one part is still the MD5 of its MD5, with "-1".
  CHECK(*etag == hex_encode(md5_of(std::as_bytes(std::span(one[0])))) + "-1");
}
