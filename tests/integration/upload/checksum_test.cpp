// Checksums as S3 reports them, against moto (RGW ignores x-amz-checksum-*): the value S3
// stored and echoes equals ours, for single PUTs and multipart uploads.
#include "upload_fixture.hpp"

#include "crypto/checksum.hpp"

using namespace quiltup;
using namespace quiltup::upload;

namespace {

std::string checksum_of(crypto::checksum_algorithm a, std::string_view data) {
  crypto::checksum_accumulator acc(a);
  acc.update(data);
  return acc.finish().base64();
}

}  // namespace

TEST_CASE("upload checksums: single PUT values match what moto stores", "[integration][upload][moto]") {
  test::upload_session s(test::moto());
  auto bucket = s.make_bucket("cksum");
  auto body = test::pattern_bytes(70'000, 12);
  using C = crypto::checksum_algorithm;
  for (auto alg : {C::crc32c, C::crc64nvme, C::sha256, C::sha1, C::crc32}) {
    DYNAMIC_SECTION("algorithm " << crypto::to_string(alg)) {
      upload_options options;
      options.checksum = alg;
      uploader up(s.engine_client(), options);
      auto key = "single-" + std::string(crypto::to_string(alg));
      auto r = s.run(up.put(test::data_item(bucket, key, body)));
      INFO((r.error ? test::describe(*r.error) : "ok"));
      REQUIRE(r.ok());
      CHECK(r.checksum.algorithm == crypto::s3_algorithm_name(alg));
      CHECK(r.checksum.value == checksum_of(alg, body));
      auto head = s.run(s.direct().head_object({bucket, key}));
      REQUIRE(head.has_value());
      auto stored = head->checksums.find(s3::parse_checksum_algorithm(crypto::s3_algorithm_name(alg)).value());
      REQUIRE(stored);
      CHECK(*stored == r.checksum.value);
      CHECK(r.checksum.confirmed_by_server);
    }
  }
}

TEST_CASE("upload checksums: md5 mode sends Content-MD5 and none sends no checksum", "[integration][upload][moto]") {
  test::upload_session s(test::moto());
  auto bucket = s.make_bucket("md5");
  for (auto alg : {crypto::checksum_algorithm::md5, crypto::checksum_algorithm::none}) {
    upload_options options;
    options.checksum = alg;
    uploader up(s.engine_client(), options);
    auto key = std::string("obj-") + std::string(crypto::to_string(alg));
    auto r = s.run(up.put(test::text_item(bucket, key, "some bytes")));
    INFO((r.error ? test::describe(*r.error) : "ok"));
    REQUIRE(r.ok());
    CHECK(r.etag == test::md5_hex("some bytes"));
    if (alg == crypto::checksum_algorithm::md5) {
      CHECK(r.checksum.algorithm == "MD5");
      CHECK(r.checksum.value == crypto::base64_encode(crypto::md5_of("some bytes")));
    } else {
      CHECK(r.checksum.algorithm.empty());
    }
    CHECK(s.get(bucket, key) == "some bytes");
  }
}

TEST_CASE("upload checksums: multipart objects carry per-part checksums moto stores", "[integration][upload][moto]") {
  test::upload_session s(test::moto());
  auto bucket = s.make_bucket("mpcksum");
  test::temp_dir dir("mpcksum");
  auto body = test::pattern_bytes(11 * 1024 * 1024, 77);
  auto path = dir.write("big.bin", body);
  using C = crypto::checksum_algorithm;
  for (auto alg : {C::crc32c, C::crc64nvme, C::sha256}) {
    DYNAMIC_SECTION("algorithm " << crypto::to_string(alg)) {
      upload_options options;
      options.checksum = alg;
      options.part_size = 5 * 1024 * 1024;
      options.multipart_threshold = 5 * 1024 * 1024;
      uploader up(s.engine_client(), options);
      auto key = "mp-" + std::string(crypto::to_string(alg));
      auto r = s.run(up.put(test::file_item(bucket, key, path)));
      INFO((r.error ? test::describe(*r.error) : "ok"));
      REQUIRE(r.ok());
      CHECK(r.parts == 3);
      CHECK(r.etag == test::multipart_etag_of(body, 5 * 1024 * 1024));
      CHECK(r.checksum.type == (alg == C::crc64nvme ? "FULL_OBJECT" : "COMPOSITE"));
      if (alg == C::crc64nvme) CHECK(r.checksum.value == checksum_of(alg, body));
      else CHECK(r.checksum.value.ends_with("-3"));
      CHECK(s.get(bucket, key) == body);
    }
  }
}

TEST_CASE("upload checksums: trailer mode (STREAMING-UNSIGNED-PAYLOAD-TRAILER) lands on moto, single and multipart", "[integration][upload][moto]") {
  test::upload_session s(test::moto());
  auto bucket = s.make_bucket("trailer");
  test::temp_dir dir("trailer");
  auto big = test::pattern_bytes(11 * 1024 * 1024 + 3, 31);
  auto path = dir.write("big.bin", big);
  auto small = test::pattern_bytes(70'000, 32);
  upload_options options;
  options.payload = payload_signing::trailer;
  options.checksum = crypto::checksum_algorithm::crc32c;
  options.part_size = 5 * 1024 * 1024;
  options.multipart_threshold = 5 * 1024 * 1024;
  uploader up(s.engine_client(), options);

  auto one = s.run(up.put(test::data_item(bucket, "trailer/small.bin", small)));
  INFO((one.error ? test::describe(*one.error) : "ok"));
  REQUIRE(one.ok());
  CHECK(one.checksum.value == checksum_of(crypto::checksum_algorithm::crc32c, small));
  // The stored bytes are the data, not the aws-chunked framing around it.
  CHECK(s.get(bucket, "trailer/small.bin") == small);
  CHECK(one.etag == test::md5_hex(small));

  auto multi = s.run(up.put(test::file_item(bucket, "trailer/big.bin", path)));
  INFO((multi.error ? test::describe(*multi.error) : "ok"));
  REQUIRE(multi.ok());
  CHECK(multi.parts == 3);
  CHECK(multi.etag == test::multipart_etag_of(big, 5 * 1024 * 1024));
  CHECK(s.get(bucket, "trailer/big.bin") == big);
}

TEST_CASE("upload options: trailer mode needs an x-amz-checksum-* algorithm", "[integration][upload][options]") {
  upload_options options;
  options.payload = payload_signing::trailer;
  for (auto alg : {crypto::checksum_algorithm::none, crypto::checksum_algorithm::md5}) {
    options.checksum = alg;
    auto checked = check_options(options);
    REQUIRE_FALSE(checked.has_value());
    CHECK(checked.error().field == "payload_signing");
    CHECK(checked.error().hint.find("crc32c") != std::string::npos);
  }
  options.checksum = crypto::checksum_algorithm::crc64nvme;
  CHECK(check_options(options).has_value());
  CHECK(parse_payload_signing("trailer").value() == payload_signing::trailer);
  CHECK(to_string(payload_signing::trailer) == "trailer");
}
