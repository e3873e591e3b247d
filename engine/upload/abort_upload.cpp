#include "upload/abort_upload.hpp"

#include <boost/asio/cancellation_state.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>

namespace quiltup::upload {

namespace {

// The upload no longer exists. RGW answers ListParts on an aborted upload with a 404 whose
// code is NoSuchKey rather than NoSuchUpload; any 404 means the same here.
bool gone(const error& e) { return e.code == "NoSuchUpload" || e.http_status == 404; }

}  // namespace

awaitable<abort_outcome> abort_upload(s3::client& s3, std::string bucket, std::string key, std::string upload_id) {
  co_await asio::this_coro::reset_cancellation_state(asio::disable_cancellation());
  co_await asio::this_coro::throw_if_cancelled(false);
  abort_outcome out;
  constexpr int rounds = 3;
  for (int round = 1; round <= rounds; ++round) {
    // Requests are named locals: GCC 12 mishandles temporaries inside co_await expressions.
    s3::abort_multipart_upload_request abort_req{bucket, key, upload_id};
    auto aborted = co_await s3.abort_multipart_upload(std::move(abort_req));
    if (aborted) out.attempts += aborted->attempts;
    else if (!gone(aborted.error())) out.last_error = aborted.error();

    s3::list_parts_request list_req{bucket, key, upload_id, 1000, std::nullopt};
    auto listed = co_await s3.list_parts(std::move(list_req));
    if (!listed) {
      if (gone(listed.error())) {
        out.confirmed = true;
        co_return out;
      }
      out.last_error = listed.error();
    } else {
      out.attempts += listed->attempts;
      if (listed->parts.empty()) {
        out.confirmed = true;
        co_return out;
      }
      out.last_error = make_error("AbortIncomplete", std::to_string(listed->parts.size()) +
                                                         " parts still listed after AbortMultipartUpload");
    }
    // Give parts that were still in flight time to land before aborting again.
    asio::steady_timer pause(co_await asio::this_coro::executor, std::chrono::milliseconds(200 * round));
    co_await pause.async_wait(as_tuple_awaitable);
  }
  co_return out;
}

}  // namespace quiltup::upload
