// Cancellation mid-batch: new work stops, started multipart uploads are aborted, what landed
// is reported, and ListMultipartUploads is empty afterwards.
#include "upload_fixture.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/post.hpp>

using namespace quiltup;
using namespace quiltup::upload;

TEST_CASE("upload: cancelling a batch mid-multipart aborts the uploads and reports what landed", "[integration][upload][rgw][cancel]") {
  auto server = test::rgw();
  // Slow parts down so the cancellation surely lands while parts are in flight.
  test::fault_proxy proxy(server, test::proxy_port(20),
                          R"([{"kind": "UploadPart", "every": true, "action": "delay", "ms": 400}])");
  test::upload_session s(server, proxy.endpoint());
  auto bucket = s.make_bucket("cancel");
  test::temp_dir dir("cancel");

  std::vector<upload_item> items;
  items.push_back(test::text_item(bucket, "first.txt", "lands before the cancel"));
  for (int i = 0; i < 3; ++i) {
    auto key = "big/" + std::to_string(i);
    items.push_back(test::file_item(bucket, key, dir.write(key, test::pattern_bytes(30 * 1024 * 1024, i))));
  }
  upload_options options;
  options.part_size = 5 * 1024 * 1024;
  options.multipart_threshold = 5 * 1024 * 1024;
  options.parts_per_upload = 2;
  uploader up(s.engine_client(), options);

  vector_item_source source(std::move(items));
  std::vector<upload_result> results;
  std::optional<batch_result> batch;
  asio::cancellation_signal cancel;
  // Cancel as soon as the first part of a big object has landed: every multipart upload has
  // started by then and none can be complete (6 parts each, 2 at a time, 400 ms apiece).
  bool cancel_sent = false;
  auto on_progress = [&](const progress_event& e) {
    if (cancel_sent || e.bytes_done < 5 * 1024 * 1024) return;
    cancel_sent = true;
    asio::post(s.io(), [&] { cancel.emit(asio::cancellation_type::terminal); });
  };
  asio::co_spawn(s.io(), up.put_batch(source, {.on_result = [&](std::uint64_t, const upload_result& r) { results.push_back(r); },
                                               .on_progress = on_progress}),
                 asio::bind_cancellation_slot(cancel.slot(), [&](std::exception_ptr e, batch_result b) {
                   REQUIRE_FALSE(e);
                   batch = b;
                 }));
  s.io().restart();
  s.io().run();

  REQUIRE(batch);
  CHECK(batch->cancelled);
  CHECK(batch->requested == 4);
  CHECK(results.size() == 4);
  int landed = 0, cancelled = 0;
  for (auto& r : results) {
    INFO(r.key << ": " << (r.error ? test::describe(*r.error) : "ok"));
    if (r.ok()) {
      ++landed;
      CHECK(s.get(bucket, r.key).size() == r.size);
    } else {
      ++cancelled;
      CHECK(r.error->code == "Cancelled");
      CHECK(r.unaborted_upload_id.empty());
    }
  }
  CHECK(landed == static_cast<int>(batch->uploaded));
  CHECK(landed == 1);      // first.txt, done long before
  CHECK(cancel_sent);
  CHECK(cancelled == 3);   // no big object could finish: each had at most a part or two in
  CHECK(s.open_uploads(bucket) == 0);
}
