#include "s3/complete_multipart_upload.hpp"

#include <catch2/catch.hpp>

using namespace quiltup;

namespace {

http::response respond(int status, std::string body) {
  http::response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

}  // namespace

TEST_CASE("complete_multipart_upload: body for the toy two-part split of s3-facts §2.1", "[s3][complete]") {
  std::vector<s3::completed_part> parts{
      {2, "\"c9a34cfc85d982698c6ac89f76071abd\"", {s3::checksum_algorithm::crc32c, "OrlqYg=="}},
      {1, "\"2d61aa54b58c2e94403fb092c3dbc027\"", {s3::checksum_algorithm::crc32c, "TpXtPw=="}},
  };
  auto op = s3::build_complete_multipart_upload({"b", "k", "upload-1", parts});
  REQUIRE(op.has_value());
  CHECK(op->method == "POST");
  CHECK(op->query == "uploadId=upload-1");
  CHECK(op->step == "CompleteMultipartUpload");
  CHECK(op->body.bytes ==
        "<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
        "<Part><PartNumber>1</PartNumber><ETag>&quot;2d61aa54b58c2e94403fb092c3dbc027&quot;</ETag>"
        "<ChecksumCRC32C>TpXtPw==</ChecksumCRC32C></Part>"
        "<Part><PartNumber>2</PartNumber><ETag>&quot;c9a34cfc85d982698c6ac89f76071abd&quot;</ETag>"
        "<ChecksumCRC32C>OrlqYg==</ChecksumCRC32C></Part>"
        "</CompleteMultipartUpload>");
}

TEST_CASE("complete_multipart_upload: 10,000 parts come out in ascending order", "[s3][complete]") {
  std::vector<s3::completed_part> parts;
  for (int n = 10'000; n >= 1; --n) parts.push_back({n, "\"e" + std::to_string(n) + "\"", {}});
  auto op = s3::build_complete_multipart_upload({"b", "k", "u", parts});
  REQUIRE(op.has_value());
  std::string_view body = op->body.bytes;
  std::size_t count = 0, pos = 0, last = 0;
  int expected = 1;
  bool ordered = true;
  while ((pos = body.find("<PartNumber>", pos)) != std::string_view::npos) {
    pos += 12;
    auto end = body.find('<', pos);
    ordered = ordered && std::stoi(std::string(body.substr(pos, end - pos))) == expected++;
    ++count;
    last = pos;
  }
  CHECK(count == 10'000);
  CHECK(ordered);
  CHECK(last > 0);
}

TEST_CASE("complete_multipart_upload: bad part lists are rejected naming the part", "[s3][complete]") {
  auto none = s3::build_complete_multipart_upload({"b", "k", "u", {}});
  REQUIRE_FALSE(none.has_value());
  CHECK(none.error().field == "parts");
  auto zero = s3::build_complete_multipart_upload({"b", "k", "u", {{1, "\"a\"", {}}, {0, "\"b\"", {}}}});
  REQUIRE_FALSE(zero.has_value());
  CHECK(zero.error().field == "parts[1].part_number");
  auto no_etag = s3::build_complete_multipart_upload({"b", "k", "u", {{1, "", {}}}});
  REQUIRE_FALSE(no_etag.has_value());
  CHECK(no_etag.error().field == "parts[0].etag");
  auto twice = s3::build_complete_multipart_upload({"b", "k", "u", {{3, "\"a\"", {}}, {3, "\"b\"", {}}}});
  REQUIRE_FALSE(twice.has_value());
  CHECK(twice.error().message.find("twice") != std::string::npos);
  CHECK_FALSE(s3::build_complete_multipart_upload({"b", "k", "", {{1, "\"a\"", {}}}}).has_value());
}

TEST_CASE("complete_multipart_upload: optional headers", "[s3][complete]") {
  s3::complete_multipart_upload_request r{"b", "k", "u", {{1, "\"a\"", {}}}};
  r.full_object_checksum = {s3::checksum_algorithm::crc64nvme, "pRf+emrnL+A="};
  r.checksum_type = s3::checksum_type::full_object;
  r.object_size = 66560;
  r.if_none_match = true;
  auto op = s3::build_complete_multipart_upload(r);
  REQUIRE(op.has_value());
  CHECK(op->headers.get("x-amz-checksum-crc64nvme") == "pRf+emrnL+A=");
  CHECK(op->headers.get("x-amz-checksum-type") == "FULL_OBJECT");
  CHECK(op->headers.get("x-amz-mp-object-size") == "66560");
  CHECK(op->headers.get("If-None-Match") == "*");
}

TEST_CASE("complete_multipart_upload: a 200 with an <Error> body is a failure", "[s3][complete]") {
  auto r = s3::parse_complete_multipart_upload(respond(
      200, "\n\n   <?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>InternalError</Code>"
           "<Message>We encountered an internal error. Please try again.</Message><RequestId>ABC</RequestId></Error>"));
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == "InternalError");
  CHECK(r.error().retryable);
  CHECK(r.error().http_status == 200);
  CHECK(r.error().request_id == "ABC");
  CHECK(r.error().step == "CompleteMultipartUpload");
}

TEST_CASE("complete_multipart_upload: results from S3, RGW (empty ETag) and moto", "[s3][complete]") {
  auto aws = respond(200,
                     "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<CompleteMultipartUploadResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                     "<Location>http://b.s3.amazonaws.com/k</Location><Bucket>b</Bucket><Key>k</Key>"
                     "<ETag>\"0b02658b99c76c13e6d9874280c89469-2\"</ETag><ChecksumCRC32C>2oP66A==-2</ChecksumCRC32C>"
                     "<ChecksumType>COMPOSITE</ChecksumType></CompleteMultipartUploadResult>");
  aws.headers.add("x-amz-version-id", "v1");
  auto r = s3::parse_complete_multipart_upload(aws);
  REQUIRE(r.has_value());
  CHECK(r->etag == "\"0b02658b99c76c13e6d9874280c89469-2\"");
  CHECK(r->version_id == "v1");
  CHECK(r->checksums.find(s3::checksum_algorithm::crc32c) == "2oP66A==-2");
  CHECK(r->checksums.type == "COMPOSITE");
  CHECK(r->key == "k");

  auto rgw = s3::parse_complete_multipart_upload(
      respond(200, "<CompleteMultipartUploadResult><Location>l</Location><Bucket>b</Bucket><Key>k</Key><ETag></ETag>"
                   "</CompleteMultipartUploadResult>"));
  REQUIRE(rgw.has_value());
  CHECK(rgw->etag.empty());

  auto moto = s3::parse_complete_multipart_upload(
      respond(200, "<CompleteMultipartUploadResponse><Bucket>b</Bucket><Key>k</Key><ETag>\"e-1\"</ETag>"
                   "</CompleteMultipartUploadResponse>"));
  REQUIRE(moto.has_value());
  CHECK(moto->etag == "\"e-1\"");

  auto other = s3::parse_complete_multipart_upload(respond(200, "<Something/>"));
  REQUIRE_FALSE(other.has_value());
  CHECK(other.error().code == "MalformedResponse");
  auto empty = s3::parse_complete_multipart_upload(respond(200, "   "));
  REQUIRE_FALSE(empty.has_value());
  CHECK(empty.error().code == "MalformedResponse");
  CHECK(empty.error().retryable);
}
