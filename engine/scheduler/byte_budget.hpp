#pragma once
// The memory budget: every part buffer is reserved here, in bytes, before it is read, so peak
// memory stays under `capacity` whatever the number or size of the objects (s3-facts §7.5).
// A lease gives its bytes back when destroyed; a buffer that owns its lease frees both at once.
//
// Used from the io executor only (see fifo_semaphore).
#include "core/awaitable.hpp"
#include "core/error.hpp"
#include "scheduler/fifo_semaphore.hpp"

#include <cstddef>
#include <optional>

namespace quiltup::scheduler {

using lease = units;

class byte_budget {
 public:
  explicit byte_budget(std::size_t capacity_bytes) : sem_(capacity_bytes) {}

  // Waits (FIFO) until `bytes` fit. Errors: "InvalidArgument" when `bytes` exceeds the whole
  // budget (it could never be served), "Cancelled" when the waiting coroutine was cancelled.
  awaitable<result<lease>> acquire(std::size_t bytes);
  std::optional<lease> try_acquire(std::size_t bytes);

  std::size_t capacity() const noexcept { return sem_.capacity(); }
  std::size_t in_use() const noexcept { return sem_.in_use(); }
  std::size_t available() const noexcept { return sem_.available(); }
  // Highest number of bytes leased at once since construction: the memory benchmark's figure.
  std::size_t peak_in_use() const noexcept { return sem_.peak_in_use(); }
  std::size_t waiting() const noexcept { return sem_.waiting(); }

 private:
  fifo_semaphore sem_;
};

}  // namespace quiltup::scheduler
