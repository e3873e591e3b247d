// Request builders and response parsers of the smaller operations.
#include "s3/abort_multipart_upload.hpp"
#include "s3/create_bucket.hpp"
#include "s3/create_multipart_upload.hpp"
#include "s3/delete_object.hpp"
#include "s3/get_object.hpp"
#include "s3/head_object.hpp"
#include "s3/list_multipart_uploads.hpp"
#include "s3/list_objects_v2.hpp"
#include "s3/list_parts.hpp"
#include "s3/put_bucket_versioning.hpp"
#include "s3/put_object.hpp"
#include "s3/query_builder.hpp"
#include "s3/upload_part.hpp"

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

TEST_CASE("query_builder: sorted, encoded, bare flags as 'name='", "[s3][query]") {
  CHECK(s3::query_builder{}.add("uploadId", "a/b+c=").add("partNumber", "7").str() == "partNumber=7&uploadId=a%2Fb%2Bc%3D");
  CHECK(s3::query_builder{}.add_flag("uploads").add_if("prefix", "").str() == "uploads=");
  CHECK(s3::query_builder{}.add("prefix", "dir/").add("list-type", "2").str() == "list-type=2&prefix=dir%2F");
}

TEST_CASE("put_object: headers for content type, metadata, checksum", "[s3][put_object]") {
  s3::put_object_request r;
  r.bucket = "b";
  r.key = "k.txt";
  r.body = http::body::from_string("hello");
  r.content_type = "text/plain";
  r.metadata = {{"Source", "mcp-demo"}};
  r.cache_control = "max-age=60";
  r.storage_class = "STANDARD";
  r.checksum = {s3::checksum_algorithm::crc32c, "mnG7TA=="};
  auto op = s3::build_put_object(r);
  REQUIRE(op.has_value());
  CHECK(op->method == "PUT");
  CHECK(op->key == "k.txt");
  CHECK(op->headers.get("Content-Type") == "text/plain");
  CHECK(op->headers.get("x-amz-meta-source") == "mcp-demo");
  CHECK(op->headers.get("Cache-Control") == "max-age=60");
  CHECK(op->headers.get("x-amz-storage-class") == "STANDARD");
  CHECK(op->headers.get("x-amz-checksum-crc32c") == "mnG7TA==");
  CHECK(op->headers.get("x-amz-sdk-checksum-algorithm") == "CRC32C");
  CHECK(op->body.bytes == "hello");
}

TEST_CASE("put_object: argument errors name the field", "[s3][put_object]") {
  s3::put_object_request r;
  r.bucket = "b";
  r.key = "";
  CHECK(s3::build_put_object(r).error().field == "key");
  r.key = "k";
  r.bucket = "";
  CHECK(s3::build_put_object(r).error().field == "bucket");
  r.bucket = "b";
  r.metadata = {{"bad name", "v"}};
  CHECK(s3::build_put_object(r).error().field == "metadata.bad name");
  r.metadata = {{"a", "line\nbreak"}};
  CHECK(s3::build_put_object(r).error().field == "metadata.a");
  r.metadata = {{"a", std::string(2100, 'x')}};
  CHECK(s3::build_put_object(r).error().field == "metadata");
  r.metadata = {};
  r.checksum = {s3::checksum_algorithm::sha256, ""};
  CHECK(s3::build_put_object(r).error().field == "checksum.value");
  r.checksum = {};
  r.body.read = [](char*, std::size_t) -> std::size_t { return 0; };
  r.body.length = 10;
  CHECK(s3::build_put_object(r).error().field == "payload_sha256");
  r.payload = s3::payload_mode::unsigned_payload;
  CHECK(s3::build_put_object(r).has_value());
}

TEST_CASE("put_object: result fields come from the headers", "[s3][put_object]") {
  auto resp = respond(200, "");
  resp.headers.add("ETag", "\"5d41402abc4b2a76b9719d911017c592\"");
  resp.headers.add("x-amz-version-id", "3/L4kqtJl");
  resp.headers.add("x-amz-checksum-crc32c", "mnG7TA==");
  auto r = s3::parse_put_object(resp);
  REQUIRE(r.has_value());
  CHECK(r->etag == "\"5d41402abc4b2a76b9719d911017c592\"");
  CHECK(s3::unquote_etag(r->etag) == "5d41402abc4b2a76b9719d911017c592");
  CHECK(r->version_id == "3/L4kqtJl");
  CHECK(r->checksums.find(s3::checksum_algorithm::crc32c) == "mnG7TA==");
  CHECK_FALSE(r->checksums.find(s3::checksum_algorithm::sha256));
}

TEST_CASE("head_object: checksum mode, metadata and sizes", "[s3][head_object]") {
  auto op = s3::build_head_object({"b", "k", "v1", 2, true});
  REQUIRE(op.has_value());
  CHECK(op->method == "HEAD");
  CHECK(op->query == "partNumber=2&versionId=v1");
  CHECK(op->headers.get("x-amz-checksum-mode") == "ENABLED");
  auto resp = respond(200, "");
  resp.headers.add("Content-Length", "66560");
  resp.headers.add("ETag", "\"abc-2\"");
  resp.headers.add("X-Amz-Meta-Source", "demo");
  resp.headers.add("x-amz-mp-parts-count", "2");
  resp.headers.add("x-amz-checksum-sha256", "q1w2");
  resp.headers.add("x-amz-checksum-type", "COMPOSITE");
  auto r = s3::parse_head_object(resp);
  REQUIRE(r.has_value());
  CHECK(r->content_length == 66560);
  CHECK(r->parts_count == 2);
  REQUIRE(r->metadata.size() == 1);
  CHECK(r->metadata[0].first == "source");
  CHECK(r->checksums.find(s3::checksum_algorithm::sha256) == "q1w2");
  CHECK(r->checksums.type == "COMPOSITE");
}

TEST_CASE("get_object: an object that holds an <Error> document is data", "[s3][get_object]") {
  auto op = s3::build_get_object({"b", "k", "", "bytes=0-9", true});
  REQUIRE(op.has_value());
  CHECK_FALSE(op->check_error_body);
  CHECK(op->headers.get("Range") == "bytes=0-9");
  auto r = s3::parse_get_object(respond(200, "<Error/>"));
  REQUIRE(r.has_value());
  CHECK(r->body == "<Error/>");
}

TEST_CASE("create_bucket and versioning bodies", "[s3][bucket]") {
  auto plain = s3::build_create_bucket({"my-bucket", "us-east-1"});
  REQUIRE(plain.has_value());
  CHECK(plain->body.size() == 0);
  auto eu = s3::build_create_bucket({"my-bucket", "eu-west-1"});
  REQUIRE(eu.has_value());
  CHECK(std::string(eu->body.bytes).find("<LocationConstraint>eu-west-1</LocationConstraint>") != std::string::npos);
  for (const char* bad : {"ab", "Upper", "a_b", "-ab", "ab-", "a..b"}) {
    INFO(bad);
    auto r = s3::build_create_bucket({bad, ""});
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().field == "bucket");
  }
  auto v = s3::build_put_bucket_versioning({"b", true});
  REQUIRE(v.has_value());
  CHECK(v->query == "versioning=");
  CHECK(std::string(v->body.bytes).find("<Status>Enabled</Status>") != std::string::npos);
  CHECK(std::string(s3::build_put_bucket_versioning({"b", false})->body.bytes).find("Suspended") != std::string::npos);
}

TEST_CASE("delete_object: version id and delete marker", "[s3][delete_object]") {
  auto op = s3::build_delete_object({"b", "k", "v 1"});
  REQUIRE(op.has_value());
  CHECK(op->method == "DELETE");
  CHECK(op->query == "versionId=v%201");
  auto resp = respond(204, "");
  resp.headers.add("x-amz-delete-marker", "true");
  resp.headers.add("x-amz-version-id", "dm1");
  auto r = s3::parse_delete_object(resp);
  REQUIRE(r.has_value());
  CHECK(r->delete_marker);
  CHECK(r->version_id == "dm1");
}

TEST_CASE("list_objects_v2: query and namespaced page", "[s3][list_objects_v2]") {
  s3::list_objects_v2_request req;
  req.bucket = "b";
  req.prefix = "dir/";
  req.max_keys = 10;
  auto op = s3::build_list_objects_v2(req);
  REQUIRE(op.has_value());
  CHECK(op->query == "list-type=2&max-keys=10&prefix=dir%2F");
  auto r = s3::parse_list_objects_v2(respond(
      200, "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><KeyCount>2</KeyCount>"
           "<IsTruncated>true</IsTruncated><NextContinuationToken>tok</NextContinuationToken>"
           "<Contents><Key>dir/a</Key><Size>5</Size><ETag>\"e\"</ETag></Contents>"
           "<Contents><Key>dir/b</Key><Size>12345678901</Size></Contents>"
           "<CommonPrefixes><Prefix>dir/sub/</Prefix></CommonPrefixes></ListBucketResult>"));
  REQUIRE(r.has_value());
  CHECK(r->key_count == 2);
  CHECK(r->is_truncated);
  CHECK(r->next_continuation_token == "tok");
  REQUIRE(r->objects.size() == 2);
  CHECK(r->objects[1].size == 12345678901ULL);
  CHECK(r->common_prefixes == std::vector<std::string>{"dir/sub/"});
}

TEST_CASE("create_multipart_upload: headers and the upload id", "[s3][multipart]") {
  s3::create_multipart_upload_request req;
  req.bucket = "b";
  req.key = "big.bin";
  req.checksum_algorithm = s3::checksum_algorithm::sha256;
  req.checksum_type = s3::checksum_type::composite;
  auto op = s3::build_create_multipart_upload(req);
  REQUIRE(op.has_value());
  CHECK(op->method == "POST");
  CHECK(op->query == "uploads=");
  CHECK(op->headers.get("x-amz-checksum-algorithm") == "SHA256");
  CHECK(op->headers.get("x-amz-checksum-type") == "COMPOSITE");
  CHECK(op->headers.get("Content-Type") == "application/octet-stream");
  auto r = s3::parse_create_multipart_upload(
      respond(200, "<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>big.bin</Key><UploadId>2~abc</UploadId>"
                   "</InitiateMultipartUploadResult>"));
  REQUIRE(r.has_value());
  CHECK(r->upload_id == "2~abc");
  auto missing = s3::parse_create_multipart_upload(respond(200, "<InitiateMultipartUploadResult/>"));
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().code == "MalformedResponse");
  req.checksum_algorithm = s3::checksum_algorithm::none;
  CHECK(s3::build_create_multipart_upload(req).error().field == "checksum_algorithm");
}

TEST_CASE("upload_part and abort: part number, upload id", "[s3][multipart]") {
  s3::upload_part_request req;
  req.bucket = "b";
  req.key = "k";
  req.upload_id = "u/1";
  req.part_number = 7;
  req.body = http::body::from_string("data");
  auto op = s3::build_upload_part(req);
  REQUIRE(op.has_value());
  CHECK(op->step == "UploadPart 7");
  CHECK(op->query == "partNumber=7&uploadId=u%2F1");
  req.part_number = 10'001;
  CHECK(s3::build_upload_part(req).error().field == "part_number");
  auto no_etag = s3::parse_upload_part(respond(200, ""));
  REQUIRE_FALSE(no_etag.has_value());
  CHECK(no_etag.error().code == "MalformedResponse");
  auto abort = s3::build_abort_multipart_upload({"b", "k", "u"});
  REQUIRE(abort.has_value());
  CHECK(abort->method == "DELETE");
  CHECK(abort->query == "uploadId=u");
  CHECK_FALSE(s3::build_abort_multipart_upload({"b", "k", ""}).has_value());
}

TEST_CASE("list_parts and list_multipart_uploads pages", "[s3][multipart]") {
  auto op = s3::build_list_parts({"b", "k", "u", 1000, 5});
  REQUIRE(op.has_value());
  CHECK(op->query == "max-parts=1000&part-number-marker=5&uploadId=u");
  auto parts = s3::parse_list_parts(respond(
      200, "<ListPartsResult><IsTruncated>false</IsTruncated><NextPartNumberMarker>2</NextPartNumberMarker>"
           "<Part><PartNumber>1</PartNumber><ETag>\"a\"</ETag><Size>5242880</Size><ChecksumCRC32C>x==</ChecksumCRC32C></Part>"
           "<Part><PartNumber>2</PartNumber><ETag>\"b\"</ETag><Size>1</Size></Part></ListPartsResult>"));
  REQUIRE(parts.has_value());
  REQUIRE(parts->parts.size() == 2);
  CHECK(parts->parts[0].size == 5242880);
  CHECK(parts->parts[0].checksums.at(0).value == "x==");
  CHECK(parts->next_part_number_marker == 2);
  CHECK_FALSE(parts->is_truncated);

  s3::list_multipart_uploads_request lr;
  lr.bucket = "b";
  lr.prefix = "p";
  auto lop = s3::build_list_multipart_uploads(lr);
  REQUIRE(lop.has_value());
  CHECK(lop->query == "prefix=p&uploads=");
  auto uploads = s3::parse_list_multipart_uploads(respond(
      200, "<ListMultipartUploadsResult><IsTruncated>true</IsTruncated><NextKeyMarker>k2</NextKeyMarker>"
           "<NextUploadIdMarker>u2</NextUploadIdMarker><Upload><Key>k1</Key><UploadId>u1</UploadId>"
           "<Initiated>2024-01-01T00:00:00.000Z</Initiated></Upload></ListMultipartUploadsResult>"));
  REQUIRE(uploads.has_value());
  REQUIRE(uploads->uploads.size() == 1);
  CHECK(uploads->uploads[0].upload_id == "u1");
  CHECK(uploads->next_key_marker == "k2");
  CHECK(uploads->is_truncated);
}
