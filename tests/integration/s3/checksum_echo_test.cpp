// moto stores x-amz-checksum-* and answers them on HEAD with x-amz-checksum-mode (RGW 16
// ignores them): the value we send is the value S3 keeps.
#include "s3_session.hpp"

#include "crypto/crc32c.hpp"

#include <boost/endian/conversion.hpp>

using namespace quiltup;

namespace {

std::string crc32c_base64(std::string_view data) {
  auto crc = boost::endian::native_to_big(crypto::crc32c(0, data));
  return crypto::base64_encode(bytes_view{reinterpret_cast<const std::byte*>(&crc), sizeof crc});
}

}  // namespace

TEST_CASE("checksum: crc32c sent on PutObject comes back equal on HEAD", "[integration][s3][moto]") {
  REQUIRE(crc32c_base64("a") == "wdBDMA==");  // s3-facts §3.1
  test::s3_session s(test::moto());
  auto bucket = s.make_bucket("checksum");
  auto body = test::pattern(70'000, 9);
  s3::put_object_request req;
  req.bucket = bucket;
  req.key = "sum.bin";
  req.body = http::body::from_string(body);
  req.checksum = {s3::checksum_algorithm::crc32c, crc32c_base64(body)};
  auto put = s.run(s.client().put_object(req));
  INFO((put.has_value() ? std::string() : test::describe(put.error())));
  REQUIRE(put.has_value());
  CHECK(put->checksums.find(s3::checksum_algorithm::crc32c) == req.checksum.value);

  auto head = s.run(s.client().head_object({bucket, "sum.bin"}));
  REQUIRE(head.has_value());
  CHECK(head->checksums.find(s3::checksum_algorithm::crc32c) == req.checksum.value);
  CHECK(s3::unquote_etag(head->etag) == test::md5_hex(body));
}
