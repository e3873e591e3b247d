#include "upload/uploader.hpp"

#include "scheduler/task_group.hpp"
#include "upload/multipart_upload.hpp"
#include "upload/single_put.hpp"

#include <boost/system/system_error.hpp>

#include <chrono>

namespace quiltup::upload {

namespace {

using clock_type = std::chrono::steady_clock;

std::int64_t ms_since(clock_type::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - start).count();
}

bool is_cancelled(asio::cancellation_state cs) { return cs.cancelled() != asio::cancellation_type::none; }

}  // namespace

struct uploader::batch_state {
  batch_callbacks callbacks;
  batch_result totals;
  progress_event progress;

  void report_progress() {
    if (callbacks.on_progress) callbacks.on_progress(progress);
  }
};

uploader::uploader(s3::client& s3, upload_options options)
    : s3_(s3),
      options_(std::move(options)),
      budget_(options_.memory_limit),
      requests_(options_.concurrency),
      pool_(options_.io_threads),
      context_{s3_, options_, budget_, requests_, pool_, resolve_payload_mode(options_.payload, s3_.endpoint()), {}} {}

awaitable<upload_result> uploader::run_item(upload_item item, std::string where) {
  // Every failure below is a value; a cancellation is seen by the operations themselves.
  co_await asio::this_coro::throw_if_cancelled(false);
  const auto start = clock_type::now();
  if (item.bucket.empty()) item.bucket = options_.default_bucket;
  upload_result out;
  out.bucket = item.bucket;
  out.key = item.key;
  try {
    auto checked = check_item(std::move(item), where);
    if (!checked) {
      out.error = checked.error();
      out.error->step = "validate";
    } else {
      out.size = checked->payload.size();
      out.content_type = checked->content_type;
      if (out.size < options_.multipart_threshold) {
        co_await single_put(context_, std::move(*checked), out);
      } else {
        auto plan = plan_parts(out.size, {.part_size = options_.part_size, .quilt_aligned = options_.quilt_aligned});
        if (!plan) {
          out.error = plan.error();
          out.error->step = "plan";
        } else {
          co_await multipart_upload(context_, std::move(*checked), *plan, out);
        }
      }
    }
  } catch (const failure& f) {
    out.error = f.info();
  } catch (const std::exception& e) {
    // Unexpected faults stop at the item boundary: this object fails, the batch goes on.
    out.error = make_error("InternalError", e.what());
  }
  out.duration_ms = ms_since(start);
  co_return out;
}

awaitable<upload_result> uploader::put(upload_item item) {
  std::string where;
  co_return co_await run_item(std::move(item), std::move(where));
}

awaitable<void> uploader::run_batch_item(batch_state& batch, upload_item item, std::uint64_t index,
                                         scheduler::slot slot) {
  // A named argument: GCC 12 mishandles temporaries inside co_await expressions.
  auto where = "items[" + std::to_string(index) + "]";
  auto result = co_await run_item(std::move(item), std::move(where));
  auto& t = batch.totals;
  auto& p = batch.progress;
  if (result.ok()) {
    ++t.uploaded;
    t.bytes += result.size;
  } else {
    ++t.failed;
    ++p.objects_failed;
  }
  ++p.objects_done;
  if (batch.callbacks.on_result) batch.callbacks.on_result(index, result);
  batch.report_progress();
}

awaitable<batch_result> uploader::put_batch(item_source& items, batch_callbacks callbacks) {
  co_await asio::this_coro::throw_if_cancelled(false);
  const auto start = clock_type::now();
  batch_state batch{std::move(callbacks), {}, {}};
  // Progress counts bytes as parts land; the context is shared, so only one batch at a time
  // reports through it (the MCP server runs one uploader per call).
  context_.on_bytes = [&batch](std::uint64_t n) {
    batch.progress.bytes_done += n;
    batch.report_progress();
  };

  scheduler::task_group group(co_await asio::this_coro::executor);
  scheduler::slot_limiter objects(options_.objects_in_flight);
  bool cancelled = false;
  for (std::uint64_t index = 0;; ++index) {
    if (is_cancelled(co_await asio::this_coro::cancellation_state)) {
      cancelled = true;
      break;
    }
    auto slot = co_await objects.acquire();
    if (!slot) {
      cancelled = true;
      break;
    }
    std::optional<upload_item> item;
    try {
      item = co_await items.next();
    } catch (const std::exception& e) {
      // A source that breaks ends the batch, but what was started still finishes and counts.
      upload_result broken;
      broken.error = make_error("SourceFailed", std::string("the item source failed: ") + e.what());
      ++batch.totals.requested;
      ++batch.totals.failed;
      if (batch.callbacks.on_result) batch.callbacks.on_result(index, broken);
      break;
    }
    if (!item) break;
    ++batch.totals.requested;
    ++batch.progress.objects_total;
    // Sizes are known only for checked items; file items are counted here for the ETA.
    if (item->path) {
      std::error_code ec;
      auto size = std::filesystem::file_size(*item->path, ec);
      if (!ec) batch.progress.bytes_total += size;
    } else if (item->text) {
      batch.progress.bytes_total += item->text->size();
    } else if (item->data) {
      batch.progress.bytes_total += item->data->size() / 4 * 3;
    }
    group.spawn(run_batch_item(batch, std::move(*item), index, std::move(*slot)));
  }
  batch.progress.totals_final = !cancelled;
  batch.report_progress();
  if (cancelled) group.cancel();
  try {
    co_await group.wait();
  } catch (const boost::system::system_error&) {
    cancelled = true;
  }
  for (auto& ex : group.exceptions()) {
    // run_batch_item catches everything; a throw here is a bug in a callback. Count it.
    (void)ex;
    ++batch.totals.failed;
  }
  context_.on_bytes = {};
  auto& t = batch.totals;
  t.cancelled = cancelled;
  t.seconds = std::chrono::duration<double>(clock_type::now() - start).count();
  t.throughput = t.seconds > 0 ? static_cast<double>(t.bytes) / t.seconds : 0;
  co_return t;
}

}  // namespace quiltup::upload
