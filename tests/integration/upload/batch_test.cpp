// The engine end to end against RGW: a large batch of small objects plus multipart objects,
// everything read back and compared with what was sent.
#include "upload_fixture.hpp"

#include "upload/directory_walker.hpp"

#include <map>

using namespace quiltup;
using namespace quiltup::upload;

TEST_CASE("upload: 1,000 small objects and 3 x 40 MiB multipart land byte-identical", "[integration][upload][rgw]") {
  test::upload_session s(test::rgw());
  auto bucket = s.make_bucket("batch");
  test::temp_dir dir("batch");

  std::vector<upload_item> items;
  std::map<std::string, std::string> expected;  // key → bytes
  for (int i = 0; i < 1000; ++i) {
    auto key = "small/" + std::to_string(i) + (i % 2 ? ".csv" : ".json");
    auto body = test::pattern_bytes(100 + (i * 37) % 3000, i);
    if (i % 3 == 0) {
      items.push_back(test::file_item(bucket, key, dir.write(key, body)));
    } else {
      upload_item it;
      it.bucket = bucket;
      it.key = key;
      it.data = crypto::base64_encode(as_bytes(body));
      items.push_back(std::move(it));
    }
    items.back().metadata = {{"index", std::to_string(i)}};
    expected[key] = body;
  }
  const std::size_t big = 40 * 1024 * 1024;
  for (int i = 0; i < 3; ++i) {
    auto key = "big/object-" + std::to_string(i) + ".bin";
    auto body = test::pattern_bytes(big + (i == 2 ? 12345 : 0), 9000 + i);
    items.push_back(test::file_item(bucket, key, dir.write(key, body)));
    items.back().metadata = {{"kind", "multipart"}};
    items.back().cache_control = "max-age=60";
    expected[key] = std::move(body);
  }

  upload_options options;
  options.part_size = 8 * 1024 * 1024;
  options.multipart_threshold = 16 * 1024 * 1024;
  options.memory_limit = 64 * 1024 * 1024;
  uploader up(s.engine_client(), options);
  std::vector<progress_event> progress;
  std::vector<upload_result> results(items.size());
  vector_item_source source(std::move(items));
  auto batch = s.run(up.put_batch(source, {.on_result = [&](std::uint64_t i, const upload_result& r) { results.at(i) = r; },
                                           .on_progress = [&](const progress_event& e) { progress.push_back(e); }}));

  CHECK(batch.requested == 1003);
  CHECK(batch.uploaded == 1003);
  CHECK(batch.failed == 0);
  CHECK_FALSE(batch.cancelled);
  CHECK(batch.throughput > 0);
  CHECK(up.peak_buffered_bytes() <= options.memory_limit);
  CHECK(up.peak_buffered_bytes() > 0);
  REQUIRE_FALSE(progress.empty());
  CHECK(progress.back().objects_done == 1003);
  CHECK(progress.back().totals_final);
  CHECK(progress.back().bytes_done == batch.bytes);

  for (const auto& r : results) {
    INFO(r.key << ": " << (r.error ? test::describe(*r.error) : std::string("ok")));
    REQUIRE(r.ok());
    CHECK(r.size == expected[r.key].size());
    CHECK(r.attempts >= 1);
    CHECK(r.checksum.algorithm == "CRC32C");
    CHECK_FALSE(r.checksum.value.empty());
  }

  // What RGW stored, read back: every byte, the ETag rule, content type and metadata.
  for (const auto& [key, body] : expected) {
    INFO(key);
    auto got = s.get(bucket, key);
    REQUIRE(got.size() == body.size());
    CHECK(got == body);
  }
  for (const auto& r : results) {
    auto head = s.run(s.direct().head_object({bucket, r.key}));
    REQUIRE(head.has_value());
    if (r.key.starts_with("big/")) {
      CHECK(r.parts == (r.size + 8 * 1024 * 1024 - 1) / (8 * 1024 * 1024));
      CHECK(s3::unquote_etag(head->etag) == test::multipart_etag_of(expected[r.key], 8 * 1024 * 1024));
      CHECK(r.etag == s3::unquote_etag(head->etag));
      CHECK(head->content_type == "application/octet-stream");
      CHECK(head->cache_control == "max-age=60");
      REQUIRE(head->metadata.size() == 1);
      CHECK(head->metadata[0].second == "multipart");
    } else {
      CHECK(r.parts == 0);
      CHECK(s3::unquote_etag(head->etag) == test::md5_hex(expected[r.key]));
      CHECK(head->content_type == (r.key.ends_with(".csv") ? "text/csv" : "application/json"));
      REQUIRE(head->metadata.size() == 1);
      CHECK(head->metadata[0].first == "index");
    }
  }
  CHECK(s.open_uploads(bucket) == 0);
}

TEST_CASE("upload: put() of one object and a directory walk under a prefix", "[integration][upload][rgw]") {
  test::upload_session s(test::rgw());
  auto bucket = s.make_bucket("walk");
  test::temp_dir dir("walk");
  dir.write("a.txt", "alpha");
  dir.write("sub/b.md", "# beta");
  dir.write("sub/deeper/c.bin", test::pattern_bytes(20 * 1024 * 1024, 5));

  upload_options options;
  options.default_bucket = bucket;
  uploader up(s.engine_client(), options);

  auto one = s.run(up.put(test::text_item("", "single.txt", "hello")));
  INFO((one.error ? test::describe(*one.error) : ""));
  REQUIRE(one.ok());
  CHECK(one.bucket == bucket);
  CHECK(one.etag == test::md5_hex("hello"));
  CHECK(s.get(bucket, "single.txt") == "hello");

  directory_walker walker(dir.path, {.bucket = bucket, .prefix = "tree"});
  std::vector<upload_result> results;
  auto batch = s.run(up.put_batch(walker, {.on_result = [&](std::uint64_t, const upload_result& r) { results.push_back(r); },
                                           .on_progress = {}}));
  CHECK(batch.uploaded == 3);
  CHECK(s.get(bucket, "tree/a.txt") == "alpha");
  CHECK(s.get(bucket, "tree/sub/b.md") == "# beta");
  CHECK(s.get(bucket, "tree/sub/deeper/c.bin") == test::pattern_bytes(20 * 1024 * 1024, 5));
  auto head = s.run(s.direct().head_object({bucket, "tree/sub/b.md"}));
  REQUIRE(head.has_value());
  CHECK(head->content_type == "text/markdown");
}

TEST_CASE("upload: every payload signing mode lands on RGW, single and multipart", "[integration][upload][rgw]") {
  test::upload_session s(test::rgw());
  auto bucket = s.make_bucket("payload");
  test::temp_dir dir("payload");
  auto big = test::pattern_bytes(12 * 1024 * 1024 + 7, 21);
  auto path = dir.write("big.bin", big);
  for (auto mode : {payload_signing::signed_payload, payload_signing::unsigned_payload, payload_signing::streaming}) {
    DYNAMIC_SECTION("mode " << to_string(mode)) {
      upload_options options;
      options.payload = mode;
      options.part_size = 5 * 1024 * 1024;
      options.multipart_threshold = 5 * 1024 * 1024;
      uploader up(s.engine_client(), options);
      auto prefix = std::string(to_string(mode)) + "/";
      auto small = s.run(up.put(test::text_item(bucket, prefix + "small.txt", "tiny body")));
      INFO((small.error ? test::describe(*small.error) : "ok"));
      REQUIRE(small.ok());
      auto multi = s.run(up.put(test::file_item(bucket, prefix + "big.bin", path)));
      INFO((multi.error ? test::describe(*multi.error) : "ok"));
      REQUIRE(multi.ok());
      CHECK(multi.parts == 3);
      CHECK(s.get(bucket, prefix + "small.txt") == "tiny body");
      CHECK(s.get(bucket, prefix + "big.bin") == big);
    }
  }
}

TEST_CASE("upload: RGW refuses trailer mode, the error says so and the multipart upload is aborted", "[integration][upload][rgw]") {
  test::upload_session s(test::rgw());
  auto bucket = s.make_bucket("trailer-rgw");
  test::temp_dir dir("trailer-rgw");
  auto path = dir.write("big.bin", test::pattern_bytes(11 * 1024 * 1024, 41));
  upload_options options;
  options.payload = payload_signing::trailer;
  options.part_size = 5 * 1024 * 1024;
  options.multipart_threshold = 5 * 1024 * 1024;
  uploader up(s.engine_client(), options);

  auto single = s.run(up.put(test::text_item(bucket, "t/small.txt", "tiny body")));
  REQUIRE_FALSE(single.ok());
  INFO(test::describe(*single.error));
  CHECK(single.error->http_status == 400);
  CHECK_FALSE(single.error->retryable);
  CHECK(single.error->step == "PutObject");

  auto multi = s.run(up.put(test::file_item(bucket, "t/big.bin", path)));
  REQUIRE_FALSE(multi.ok());
  INFO(test::describe(*multi.error));
  CHECK(multi.error->http_status == 400);
  CHECK(multi.error->step.starts_with("UploadPart"));
  CHECK(s.open_uploads(bucket) == 0);
  auto listed = s.run(s.direct().head_object({bucket, "t/big.bin"}));
  CHECK_FALSE(listed.has_value());
}
