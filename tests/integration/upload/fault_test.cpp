// Faults injected by tests/fault_proxy/fault_proxy.py between the engine and RGW: transient
// ones are retried until every object lands byte-identical; permanent ones fail the objects
// cleanly and leave no multipart upload open.
#include "upload_fixture.hpp"

#include <algorithm>

using namespace quiltup;
using namespace quiltup::upload;

namespace {

upload_options small_parts() {
  upload_options o;
  o.part_size = 5 * mib;
  o.multipart_threshold = 5 * mib;
  o.memory_limit = 64 * mib;
  return o;
}

bool fired(const test::fault_proxy& proxy, const std::string& what) {
  auto lines = proxy.fired();
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(what) != std::string::npos; });
}

}  // namespace

TEST_CASE("upload faults: 503, 500, resets, delays and 200-with-Error are retried — objects land", "[integration][upload][rgw][faults]") {
  auto server = test::rgw();
  test::fault_proxy proxy(server, test::proxy_port(1), R"([
    {"kind": "UploadPart", "nth": [3], "action": "503"},
    {"kind": "UploadPart", "nth": [5], "action": "500"},
    {"kind": "UploadPart", "nth": [7], "action": "reset"},
    {"kind": "UploadPart", "nth": [9], "action": "delay", "ms": 300},
    {"kind": "PutObject", "nth": [2], "action": "reset"},
    {"kind": "PutObject", "nth": [4], "action": "503"},
    {"kind": "CreateMultipartUpload", "nth": [1], "action": "500"},
    {"kind": "CompleteMultipartUpload", "nth": [1], "action": "error200"}
  ])");
  test::upload_session s(server, proxy.endpoint());
  auto bucket = s.make_bucket("faults");
  test::temp_dir dir("faults");

  std::vector<upload_item> items;
  std::vector<std::string> bodies;
  for (int i = 0; i < 6; ++i) {
    bodies.push_back(test::pattern_bytes(1000 + i, 70 + i));
    items.push_back(test::data_item(bucket, "small/" + std::to_string(i), bodies.back()));
  }
  for (int i = 0; i < 2; ++i) {
    bodies.push_back(test::pattern_bytes(23 * mib + i, 80 + i));
    auto key = "big/" + std::to_string(i);
    items.push_back(test::file_item(bucket, key, dir.write(key, bodies.back())));
  }
  auto keys = std::vector<std::string>{};
  for (auto& it : items) keys.push_back(it.key);

  uploader up(s.engine_client(), small_parts());
  batch_result totals;
  auto results = s.put_all(up, std::move(items), &totals);
  for (auto& r : results) {
    INFO(r.key << ": " << (r.error ? test::describe(*r.error) : "ok"));
    CHECK(r.ok());
  }
  CHECK(totals.uploaded == 8);
  for (std::size_t i = 0; i < keys.size(); ++i) CHECK(s.get(bucket, keys[i]) == bodies[i]);

  for (auto what : {"UploadPart 3 503", "UploadPart 5 500", "UploadPart 7 reset", "UploadPart 9 delay",
                    "PutObject 2 reset", "PutObject 4 503", "CreateMultipartUpload 1 500",
                    "CompleteMultipartUpload 1 error200"})
    CHECK(fired(proxy, what));
  // Retried objects say so.
  int retried = 0;
  for (auto& r : results) retried += r.attempts > (r.parts ? static_cast<int>(r.parts) + 2 : 1);
  CHECK(retried >= 3);
  CHECK(s.open_uploads(bucket) == 0);
}

TEST_CASE("upload faults: a Complete whose answer is lost is confirmed by HEAD, not failed", "[integration][upload][rgw][faults]") {
  auto server = test::rgw();
  test::fault_proxy proxy(server, test::proxy_port(2),
                          R"([{"kind": "CompleteMultipartUpload", "nth": [1], "action": "lose_response"}])");
  test::upload_session s(server, proxy.endpoint());
  auto bucket = s.make_bucket("lostcomplete");
  test::temp_dir dir("lost");
  auto body = test::pattern_bytes(11 * mib, 31);
  uploader up(s.engine_client(), small_parts());
  auto r = s.run(up.put(test::file_item(bucket, "obj.bin", dir.write("obj.bin", body))));
  INFO((r.error ? test::describe(*r.error) : "ok"));
  REQUIRE(r.ok());
  CHECK(fired(proxy, "CompleteMultipartUpload 1 lose_response"));
  CHECK(r.etag == test::multipart_etag_of(body, 5 * mib));
  CHECK(s.get(bucket, "obj.bin") == body);
  CHECK(s.open_uploads(bucket) == 0);
}

TEST_CASE("upload faults: permanent failures at each step fail cleanly and leave nothing open", "[integration][upload][rgw][faults]") {
  auto server = test::rgw();
  test::temp_dir dir("permanent");
  auto body = test::pattern_bytes(16 * mib, 44);
  auto path = dir.write("obj.bin", body);
  int offset = 10;
  for (std::string step : {"CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload"}) {
    DYNAMIC_SECTION("every " << step << " fails") {
      test::fault_proxy proxy(server, test::proxy_port(offset++),
                              R"([{"kind": ")" + step + R"(", "every": true, "action": "500"}])");
      test::upload_session s(server, proxy.endpoint());
      auto bucket = s.make_bucket("permanent");
      uploader up(s.engine_client(), small_parts());
      std::vector<upload_item> items;
      items.push_back(test::file_item(bucket, "obj.bin", path));
      items.push_back(test::text_item(bucket, "small.txt", "ok"));
      auto results = s.put_all(up, std::move(items));
      REQUIRE(results[0].error);
      INFO(test::describe(*results[0].error));
      CHECK(results[0].error->code == "InternalError");
      CHECK(results[0].error->step.starts_with(step));
      CHECK(results[0].error->retryable);
      CHECK(results[0].unaborted_upload_id.empty());
      CHECK(results[1].ok());  // the small object does not go through the failing step
      CHECK(fired(proxy, step));
      CHECK(s.open_uploads(bucket) == 0);
      auto head = s.run(s.direct().head_object({bucket, "obj.bin"}));
      CHECK(head.has_error());
    }
  }
}
