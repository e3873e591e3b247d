#include "s3/attempt_request.hpp"

#include "support/testdata.hpp"

#include <catch2/catch.hpp>

using namespace quiltup;

namespace {

const auto docs = test::testdata_dir() / "sigv4" / "s3-aws-docs";

aws_credentials example_keys() {
  aws_credentials c;
  c.access_key_id = "AKIAIOSFODNN7EXAMPLE";
  c.secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  return c;
}

// 2013-05-24T00:00:00Z, the time of the S3 documentation examples.
std::chrono::system_clock::time_point example_time() { return std::chrono::system_clock::from_time_t(1369353600); }

std::string drain(http::body& b) {
  std::string out;
  char buf[7000];  // deliberately not a multiple of the chunk size
  while (auto n = b.read(buf, sizeof buf)) out.append(buf, n);
  return out;
}

// The S3 docs' aws-chunked examples: PUT examplebucket/chunkObject.txt, 66,560 × 'a'.
s3::operation_request chunk_object_example(s3::payload_mode payload) {
  s3::operation_request op;
  op.step = "PutObject";
  op.method = "PUT";
  op.bucket = "examplebucket";
  op.key = "chunkObject.txt";
  op.body = http::body::from_string(std::string(66560, 'a'));
  op.payload = payload;
  return op;
}

result<http::request> attempt_on_s3(const s3::operation_request& op) {
  auto ep = s3::endpoint::make({"https://s3.amazonaws.com", "us-east-1", s3::addressing_style::path});
  REQUIRE(ep.has_value());
  return s3::make_attempt_request(op, ep->locate(op.bucket, op.key, ""), ep->region(), example_keys(), example_time());
}

}  // namespace

TEST_CASE("attempt_request: the S3 docs PUT example signs to 98ad7217…", "[s3][attempt_request]") {
  auto ep = s3::endpoint::make({"https://s3.amazonaws.com", "us-east-1", s3::addressing_style::automatic});
  REQUIRE(ep.has_value());
  s3::operation_request op;
  op.step = "PutObject";
  op.method = "PUT";
  op.bucket = "examplebucket";
  op.key = "test$file.text";
  op.headers.add("Date", "Fri, 24 May 2013 00:00:00 GMT");
  op.headers.add("x-amz-storage-class", "REDUCED_REDUNDANCY");
  op.body = http::body::from_string("Welcome to Amazon S3.");
  s3::prepare_payload_hash(op);
  auto req = s3::make_attempt_request(op, ep->locate(op.bucket, op.key, op.query), ep->region(), example_keys(),
                                      example_time());
  REQUIRE(req.has_value());
  CHECK(req->url == "https://examplebucket.s3.amazonaws.com/test%24file.text");
  CHECK(req->headers.get("Host") == "examplebucket.s3.amazonaws.com");
  CHECK(req->headers.get("x-amz-content-sha256") == "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
  CHECK(req->headers.get("Authorization") == test::read_file(docs / "put-object" / "authorization.txt"));
  CHECK(req->body.bytes == "Welcome to Amazon S3.");
}

TEST_CASE("attempt_request: streaming_signed reproduces the aws-chunked example and rewinds", "[s3][attempt_request]") {
  auto op = chunk_object_example(s3::payload_mode::streaming_signed);
  op.headers.add("x-amz-storage-class", "REDUCED_REDUNDANCY");
  auto req = attempt_on_s3(op);
  REQUIRE(req.has_value());
  CHECK(req->url == "https://s3.amazonaws.com/examplebucket/chunkObject.txt");
  CHECK(req->headers.get("Content-Encoding") == "aws-chunked");
  CHECK(req->headers.get("x-amz-decoded-content-length") == "66560");
  CHECK(req->headers.get("Content-Length") == "66824");
  CHECK(req->headers.get("x-amz-content-sha256") == "STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
  CHECK(req->headers.get("Authorization") == test::read_file(docs / "chunked-upload" / "authorization.txt"));
  REQUIRE(req->body.is_streaming());
  CHECK(req->body.size() == 66824);
  auto expected = test::read_file(docs / "chunked-upload" / "encoded-body.bin");
  CHECK(drain(req->body) == expected);
  REQUIRE(req->body.rewind());
  CHECK(drain(req->body) == expected);
}

TEST_CASE("attempt_request: unsigned payload and session token", "[s3][attempt_request]") {
  auto ep = s3::endpoint::make({"http://127.0.0.1:9000", "", s3::addressing_style::automatic});
  REQUIRE(ep.has_value());
  s3::operation_request op;
  op.step = "UploadPart 1";
  op.method = "PUT";
  op.bucket = "b";
  op.key = "k";
  op.query = "partNumber=1&uploadId=u";
  op.payload = s3::payload_mode::unsigned_payload;
  op.body = http::body::from_string("x");
  auto keys = example_keys();
  keys.session_token = "TOKEN";
  auto req = s3::make_attempt_request(op, ep->locate("b", "k", op.query), ep->region(), keys, example_time());
  REQUIRE(req.has_value());
  CHECK(req->url == "http://127.0.0.1:9000/b/k?partNumber=1&uploadId=u");
  CHECK(req->headers.get("x-amz-content-sha256") == "UNSIGNED-PAYLOAD");
  CHECK(req->headers.get("X-Amz-Security-Token") == "TOKEN");
  CHECK(req->headers.get("Authorization")->find("x-amz-security-token") != std::string_view::npos);
}

TEST_CASE("attempt_request: a streamed body cannot be payload-signed without its hash", "[s3][attempt_request]") {
  auto ep = s3::endpoint::make({"http://127.0.0.1:9000", "", s3::addressing_style::automatic});
  s3::operation_request op;
  op.step = "PutObject";
  op.method = "PUT";
  op.bucket = "b";
  op.key = "k";
  op.body.read = [](char*, std::size_t) -> std::size_t { return 0; };
  op.body.length = 3;
  auto req = s3::make_attempt_request(op, ep->locate("b", "k", ""), ep->region(), example_keys(), example_time());
  REQUIRE_FALSE(req.has_value());
  CHECK(req.error().field == "payload_sha256");
}

TEST_CASE("attempt_request: trailer mode moves the checksum header into an unsigned aws-chunked trailer", "[s3][attempt_request]") {
  auto op = chunk_object_example(s3::payload_mode::streaming_unsigned_trailer);
  op.headers.add("x-amz-checksum-crc32c", "sOO8/Q==");  // CRC32C of 66,560 × 'a' (the AWS trailer example)
  op.headers.add("x-amz-sdk-checksum-algorithm", "CRC32C");
  auto req = attempt_on_s3(op);
  REQUIRE(req.has_value());
  CHECK(req->headers.get("x-amz-content-sha256") == "STREAMING-UNSIGNED-PAYLOAD-TRAILER");
  CHECK(req->headers.get("Content-Encoding") == "aws-chunked");
  CHECK(req->headers.get("x-amz-decoded-content-length") == "66560");
  CHECK(req->headers.get("x-amz-trailer") == "x-amz-checksum-crc32c");
  CHECK_FALSE(req->headers.contains("x-amz-checksum-crc32c"));
  CHECK(req->headers.get("x-amz-sdk-checksum-algorithm") == "CRC32C");
  auto authorization = std::string(*req->headers.get("Authorization"));
  CHECK(authorization.find("x-amz-trailer") != std::string::npos);
  CHECK(authorization.find("x-amz-decoded-content-length") != std::string::npos);
  // The unsigned framing of s3-facts §4: hex length, CRLF, data, CRLF; a zero chunk; the trailer.
  const std::string expected = "10000\r\n" + std::string(65536, 'a') + "\r\n" + "400\r\n" + std::string(1024, 'a') +
                               "\r\n" + "0\r\n" + "x-amz-checksum-crc32c:sOO8/Q==\r\n" + "\r\n";
  REQUIRE(req->body.is_streaming());
  CHECK(req->body.size() == expected.size());
  CHECK(req->headers.get("Content-Length") == std::to_string(expected.size()));
  CHECK(drain(req->body) == expected);
  REQUIRE(req->body.rewind());
  CHECK(drain(req->body) == expected);
}

TEST_CASE("attempt_request: trailer mode without a checksum is refused before sending", "[s3][attempt_request]") {
  auto op = chunk_object_example(s3::payload_mode::streaming_unsigned_trailer);
  op.step = "UploadPart 2";
  auto req = attempt_on_s3(op);
  REQUIRE_FALSE(req.has_value());
  CHECK(req.error().code == "InvalidArgument");
  CHECK(req.error().field == "checksum");
  CHECK(req.error().step == "UploadPart 2");
}
