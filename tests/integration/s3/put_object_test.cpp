// PutObject against RGW: what S3 reports afterwards (HEAD, GET), not what the client claims.
#include "s3_session.hpp"

#include <algorithm>
#include <cctype>

using namespace quiltup;

TEST_CASE("put_object: a versioned bucket returns a VersionId — GET gives the bytes back", "[integration][s3][rgw]") {
  test::s3_session s(test::rgw());
  auto bucket = s.make_bucket("put-versioned", true);
  auto body = test::pattern(100'000);

  s3::put_object_request req;
  req.bucket = bucket;
  req.key = "data/object.bin";
  req.body = http::body::from_string(body);
  req.content_type = "application/x-test";
  req.metadata = {{"origin", "quiltup-test"}};
  auto put = s.run(s.client().put_object(req));
  INFO((put.has_value() ? std::string() : test::describe(put.error())));
  REQUIRE(put.has_value());
  CHECK_FALSE(put->version_id.empty());
  CHECK(put->attempts == 1);
  CHECK_FALSE(put->request_id.empty());
  CHECK(s3::unquote_etag(put->etag) == test::md5_hex(body));

  auto head = s.run(s.client().head_object({bucket, req.key}));
  REQUIRE(head.has_value());
  CHECK(head->content_length == body.size());
  CHECK(s3::unquote_etag(head->etag) == test::md5_hex(body));
  CHECK(head->version_id == put->version_id);
  CHECK(head->content_type == "application/x-test");
  REQUIRE(head->metadata.size() == 1);
  CHECK(head->metadata[0] == std::pair<std::string, std::string>{"origin", "quiltup-test"});

  auto get = s.run(s.client().get_object({bucket, req.key}));
  REQUIRE(get.has_value());
  CHECK(get->body == body);
  CHECK(get->version_id == put->version_id);

  // A second write makes a second version.
  auto again = s.run(s.client().put_object(req));
  REQUIRE(again.has_value());
  CHECK(again->version_id != put->version_id);
}

TEST_CASE("put_object: unsigned payload and aws-chunked streaming store the same bytes", "[integration][s3][rgw]") {
  test::s3_session s(test::rgw());
  auto bucket = s.make_bucket("put-modes");
  auto body = test::pattern(300'000, 7);  // several 64 KiB chunks and a short last one

  s3::put_object_request unsigned_req;
  unsigned_req.bucket = bucket;
  unsigned_req.key = "unsigned.bin";
  unsigned_req.body = http::body::from_string(body);
  unsigned_req.payload = s3::payload_mode::unsigned_payload;
  auto u = s.run(s.client().put_object(unsigned_req));
  INFO((u.has_value() ? std::string() : test::describe(u.error())));
  REQUIRE(u.has_value());
  CHECK(s3::unquote_etag(u->etag) == test::md5_hex(body));

  // A streaming body pulled through a read callback, framed as signed aws-chunked.
  auto offset = std::make_shared<std::size_t>(0);
  auto owned = std::make_shared<std::string>(body);
  s3::put_object_request streamed;
  streamed.bucket = bucket;
  streamed.key = "streamed.bin";
  streamed.payload = s3::payload_mode::streaming_signed;
  streamed.body.length = body.size();
  streamed.body.read = [owned, offset](char* dst, std::size_t cap) {
    auto n = std::min(cap, owned->size() - *offset);
    std::copy_n(owned->data() + *offset, n, dst);
    *offset += n;
    return n;
  };
  streamed.body.rewind = [offset] {
    *offset = 0;
    return true;
  };
  auto st = s.run(s.client().put_object(streamed));
  INFO((st.has_value() ? std::string() : test::describe(st.error())));
  REQUIRE(st.has_value());
  auto get = s.run(s.client().get_object({bucket, "streamed.bin"}));
  REQUIRE(get.has_value());
  CHECK(get->body.size() == body.size());
  CHECK(get->body == body);
  CHECK(s3::unquote_etag(get->etag) == test::md5_hex(body));
}

TEST_CASE("put_object: a wrong secret key is SignatureDoesNotMatch, not retried", "[integration][s3][rgw]") {
  auto server = test::rgw();
  std::string bucket;
  {
    test::s3_session good(server);
    bucket = good.make_bucket("bad-secret");
  }
  test::s3_session s(server, "wrong-secret-key-0000000000000000000000");
  s3::put_object_request req;
  req.bucket = bucket;
  req.key = "k";
  req.body = http::body::from_string("hello");
  auto put = s.run(s.client().put_object(req));
  REQUIRE_FALSE(put.has_value());
  CHECK(put.error().code == "SignatureDoesNotMatch");
  CHECK(put.error().http_status == 403);
  CHECK(put.error().step == "PutObject");
  CHECK_FALSE(put.error().retryable);
  std::string message = put.error().message;
  std::transform(message.begin(), message.end(), message.begin(), [](unsigned char c) { return std::tolower(c); });
  CHECK(message.find("signature") != std::string::npos);
  CHECK(put.error().hint.find("AWS_SECRET_ACCESS_KEY") != std::string::npos);
}

TEST_CASE("put_object: keys with special characters round-trip", "[integration][s3][rgw]") {
  test::s3_session s(test::rgw());
  auto bucket = s.make_bucket("special-keys");
  const std::vector<std::string> keys{"dir/a b+c~d@\xC3\xA9(1)&=.txt", "test$file", "sp ace/%25literal?#", "x/y/z!*'.txt"};
  for (const auto& key : keys) {
    INFO(key);
    s3::put_object_request req;
    req.bucket = bucket;
    req.key = key;
    req.body = http::body::from_string("body of " + key);
    auto put = s.run(s.client().put_object(req));
    INFO((put.has_value() ? std::string() : test::describe(put.error())));
    REQUIRE(put.has_value());
    auto get = s.run(s.client().get_object({bucket, key}));
    REQUIRE(get.has_value());
    CHECK(get->body == "body of " + key);
  }
  s3::list_objects_v2_request list;
  list.bucket = bucket;
  auto listed = s.run(s.client().list_objects_v2(list));
  REQUIRE(listed.has_value());
  std::vector<std::string> seen;
  for (const auto& o : listed->objects) seen.push_back(o.key);
  std::sort(seen.begin(), seen.end());
  auto expected = keys;
  std::sort(expected.begin(), expected.end());
  CHECK(seen == expected);

  list.prefix = "dir/";
  auto prefixed = s.run(s.client().list_objects_v2(list));
  REQUIRE(prefixed.has_value());
  REQUIRE(prefixed->objects.size() == 1);
  CHECK(prefixed->objects[0].key == keys[0]);
}

TEST_CASE("head/get/delete: missing objects and buckets are named", "[integration][s3][rgw]") {
  test::s3_session s(test::rgw());
  auto bucket = s.make_bucket("missing");
  auto head = s.run(s.client().head_object({bucket, "nope"}));
  REQUIRE_FALSE(head.has_value());
  CHECK(head.error().code == "NoSuchKey");
  CHECK(head.error().http_status == 404);
  auto get = s.run(s.client().get_object({bucket, "nope"}));
  REQUIRE_FALSE(get.has_value());
  CHECK(get.error().code == "NoSuchKey");

  s3::put_object_request req;
  req.bucket = bucket + "-absent";
  req.key = "k";
  req.body = http::body::from_string("x");
  auto put = s.run(s.client().put_object(req));
  REQUIRE_FALSE(put.has_value());
  CHECK(put.error().code == "NoSuchBucket");
  CHECK(put.error().hint.find("quiltup mb") != std::string::npos);

  req.bucket = bucket;
  REQUIRE(s.run(s.client().put_object(req)).has_value());
  auto del = s.run(s.client().delete_object({bucket, "k"}));
  REQUIRE(del.has_value());
  CHECK(del->http_status == 204);
  CHECK(s.run(s.client().head_object({bucket, "k"})).error().code == "NoSuchKey");
}
