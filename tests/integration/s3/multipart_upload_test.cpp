// The multipart calls one by one against RGW: create, parts, list, complete, HEAD; and abort.
#include "s3_session.hpp"

using namespace quiltup;

namespace {

constexpr std::size_t five_mib = 5 * 1024 * 1024;

std::string multipart_etag(const std::vector<std::string>& parts) {
  std::string md5s;
  for (const auto& p : parts) {
    auto d = crypto::md5_of(p);
    md5s.append(reinterpret_cast<const char*>(d.data()), d.size());
  }
  return test::md5_hex(md5s) + "-" + std::to_string(parts.size());
}

}  // namespace

TEST_CASE("multipart: create, two parts, list, complete — HEAD shows md5-of-md5s-2", "[integration][s3][rgw]") {
  test::s3_session s(test::rgw());
  auto bucket = s.make_bucket("multipart", true);
  const std::string key = "big/object.bin";
  std::vector<std::string> parts{test::pattern(five_mib, 3), test::pattern(1024, 4)};

  s3::create_multipart_upload_request create;
  create.bucket = bucket;
  create.key = key;
  create.content_type = "application/x-parts";
  auto created = s.run(s.client().create_multipart_upload(create));
  INFO((created.has_value() ? std::string() : test::describe(created.error())));
  REQUIRE(created.has_value());
  REQUIRE_FALSE(created->upload_id.empty());

  std::vector<s3::completed_part> done;
  for (int n = 1; n <= 2; ++n) {
    s3::upload_part_request part;
    part.bucket = bucket;
    part.key = key;
    part.upload_id = created->upload_id;
    part.part_number = n;
    part.body = http::body::from_string(parts[n - 1]);
    auto up = s.run(s.client().upload_part(part));
    INFO((up.has_value() ? std::string() : test::describe(up.error())));
    REQUIRE(up.has_value());
    CHECK(up->part_number == n);
    CHECK(s3::unquote_etag(up->etag) == test::md5_hex(parts[n - 1]));
    done.push_back({n, up->etag, {}});
  }

  auto listed = s.run(s.client().list_parts({bucket, key, created->upload_id}));
  REQUIRE(listed.has_value());
  REQUIRE(listed->parts.size() == 2);
  CHECK(listed->parts[0].size == five_mib);
  CHECK(listed->parts[1].part_number == 2);

  s3::list_multipart_uploads_request open;
  open.bucket = bucket;
  auto uploads = s.run(s.client().list_multipart_uploads(open));
  REQUIRE(uploads.has_value());
  REQUIRE(uploads->uploads.size() == 1);
  CHECK(uploads->uploads[0].upload_id == created->upload_id);

  auto completed = s.run(s.client().complete_multipart_upload({bucket, key, created->upload_id, done}));
  INFO((completed.has_value() ? std::string() : test::describe(completed.error())));
  REQUIRE(completed.has_value());
  CHECK_FALSE(completed->version_id.empty());

  auto head = s.run(s.client().head_object({bucket, key}));
  REQUIRE(head.has_value());
  CHECK(s3::unquote_etag(head->etag) == multipart_etag(parts));
  CHECK(head->content_length == five_mib + 1024);
  CHECK(head->content_type == "application/x-parts");
  CHECK(head->version_id == completed->version_id);
  CHECK(s.run(s.client().list_multipart_uploads(open))->uploads.empty());
}

TEST_CASE("multipart: abort removes the upload — a later part gets NoSuchUpload", "[integration][s3][rgw]") {
  test::s3_session s(test::rgw());
  auto bucket = s.make_bucket("abort");
  auto created = s.run(s.client().create_multipart_upload({bucket, "k"}));
  REQUIRE(created.has_value());
  auto aborted = s.run(s.client().abort_multipart_upload({bucket, "k", created->upload_id}));
  INFO((aborted.has_value() ? std::string() : test::describe(aborted.error())));
  REQUIRE(aborted.has_value());
  CHECK(aborted->http_status == 204);
  s3::list_multipart_uploads_request open;
  open.bucket = bucket;
  auto uploads = s.run(s.client().list_multipart_uploads(open));
  REQUIRE(uploads.has_value());
  CHECK(uploads->uploads.empty());

  s3::upload_part_request part;
  part.bucket = bucket;
  part.key = "k";
  part.upload_id = created->upload_id;
  part.part_number = 1;
  part.body = http::body::from_string("late");
  auto late = s.run(s.client().upload_part(part));
  REQUIRE_FALSE(late.has_value());
  CHECK(late.error().code == "NoSuchUpload");
  CHECK(late.error().step == "UploadPart 1");
  CHECK(late.error().http_status == 404);
}

TEST_CASE("multipart: a wrong part ETag at Complete is InvalidPart", "[integration][s3][rgw]") {
  test::s3_session s(test::rgw());
  auto bucket = s.make_bucket("invalid-part");
  auto created = s.run(s.client().create_multipart_upload({bucket, "k"}));
  REQUIRE(created.has_value());
  s3::upload_part_request part;
  part.bucket = bucket;
  part.key = "k";
  part.upload_id = created->upload_id;
  part.part_number = 1;
  part.body = http::body::from_string("only part");
  REQUIRE(s.run(s.client().upload_part(part)).has_value());
  auto completed = s.run(s.client().complete_multipart_upload(
      {bucket, "k", created->upload_id, {{1, "\"00000000000000000000000000000000\"", {}}}}));
  REQUIRE_FALSE(completed.has_value());
  CHECK(completed.error().code == "InvalidPart");
  CHECK_FALSE(completed.error().retryable);
  CHECK(completed.error().step == "CompleteMultipartUpload");
  REQUIRE(s.run(s.client().abort_multipart_upload({bucket, "k", created->upload_id})).has_value());
}
