#pragma once
// The engine's front door: `co_await uploader.put(item)` for one object, and
// `co_await uploader.put_batch(items, callbacks)` for a stream of them. Results stream out
// through the callback as each object finishes, so a batch of a million items holds neither
// all items nor all results. Owns the memory budget, the global request limit and the
// read/hash pool that every upload shares.
//
// Cancellation (terminal, on the awaiting coroutine: a signal handler or the caller dropping
// the batch) stops pulling items, cancels the objects in flight, aborts their multipart
// uploads, and still reports every object that landed.
//
// Used from the s3 client's executor only. `items` and the uploader must outlive the call.
#include "core/awaitable.hpp"
#include "s3/client.hpp"
#include "scheduler/byte_budget.hpp"
#include "scheduler/cpu_pool.hpp"
#include "scheduler/slot_limiter.hpp"
#include "upload/item_source.hpp"
#include "upload/progress.hpp"
#include "upload/upload_context.hpp"
#include "upload/upload_options.hpp"
#include "upload/upload_result.hpp"

#include <functional>

namespace quiltup::upload {

struct batch_callbacks {
  // Called once per item pulled, in completion order. `index` counts items from 0 in the
  // order the source gave them.
  std::function<void(std::uint64_t index, const upload_result&)> on_result;
  progress_callback on_progress;
};

class uploader {
 public:
  // Check the options first with check_options(); the uploader trusts them.
  uploader(s3::client& s3, upload_options options);
  uploader(const uploader&) = delete;
  uploader& operator=(const uploader&) = delete;

  awaitable<upload_result> put(upload_item item);
  awaitable<batch_result> put_batch(item_source& items, batch_callbacks callbacks);

  const upload_options& options() const noexcept { return options_; }
  s3::payload_mode payload_mode() const noexcept { return context_.payload; }
  // Highest number of part-buffer bytes leased at once: the memory benchmark's figure.
  std::size_t peak_buffered_bytes() const noexcept { return budget_.peak_in_use(); }
  std::size_t peak_requests_in_flight() const noexcept { return requests_.peak_in_flight(); }

 private:
  struct batch_state;
  awaitable<upload_result> run_item(upload_item item, std::string where);
  awaitable<void> run_batch_item(batch_state& batch, upload_item item, std::uint64_t index, scheduler::slot slot);

  s3::client& s3_;
  upload_options options_;
  scheduler::byte_budget budget_;
  scheduler::slot_limiter requests_;
  scheduler::cpu_pool pool_;
  upload_context context_;
};

}  // namespace quiltup::upload
