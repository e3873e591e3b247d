#pragma once
// A bound on things in flight, counted one by one: the global number of requests on the wire
// and, per multipart upload, the number of parts being read or sent. Slots are handed out in
// arrival order and returned when the `slot` is destroyed.
//
// Used from the io executor only (see fifo_semaphore).
#include "core/awaitable.hpp"
#include "core/error.hpp"
#include "scheduler/fifo_semaphore.hpp"

#include <cstddef>
#include <optional>

namespace quiltup::scheduler {

using slot = units;

class slot_limiter {
 public:
  // A limit of 0 would deadlock every caller, so it is raised to 1.
  explicit slot_limiter(std::size_t limit) : sem_(limit == 0 ? 1 : limit) {}

  // Errors: "Cancelled" when the waiting coroutine was cancelled.
  awaitable<result<slot>> acquire();
  std::optional<slot> try_acquire() { return sem_.try_acquire(1); }

  std::size_t limit() const noexcept { return sem_.capacity(); }
  std::size_t in_flight() const noexcept { return sem_.in_use(); }
  std::size_t peak_in_flight() const noexcept { return sem_.peak_in_use(); }
  std::size_t waiting() const noexcept { return sem_.waiting(); }

 private:
  fifo_semaphore sem_;
};

}  // namespace quiltup::scheduler
