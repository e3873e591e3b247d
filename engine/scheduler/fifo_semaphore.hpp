#pragma once
// An async counting semaphore served strictly in arrival order. byte_budget counts bytes with
// it and slot_limiter counts requests. Strict FIFO means a request that does not fit yet holds
// back the ones behind it, so a large part is never starved by a stream of small objects.
//
// Used from one executor only (the io thread); units must be released on it too. The
// semaphore must outlive every `units` taken from it.
#include "core/awaitable.hpp"

#include <cstddef>
#include <list>
#include <optional>

namespace quiltup::scheduler {

class fifo_semaphore;

// Units held from a fifo_semaphore, given back when destroyed. Movable, not copyable.
class units {
 public:
  units() = default;
  units(units&& other) noexcept;
  units& operator=(units&& other) noexcept;
  units(const units&) = delete;
  units& operator=(const units&) = delete;
  ~units() { release(); }

  std::size_t count() const noexcept { return count_; }
  explicit operator bool() const noexcept { return count_ != 0; }

  void release() noexcept;
  // Gives back everything above `keep` (a part turned out shorter than reserved).
  void shrink_to(std::size_t keep) noexcept;
  // Moves `n` of these units (clamped to count()) into a new holder.
  units split(std::size_t n) noexcept;

 private:
  friend class fifo_semaphore;
  units(fifo_semaphore* owner, std::size_t n) noexcept : owner_(owner), count_(n) {}
  fifo_semaphore* owner_ = nullptr;
  std::size_t count_ = 0;
};

class fifo_semaphore {
 public:
  explicit fifo_semaphore(std::size_t capacity) : capacity_(capacity) {}
  fifo_semaphore(const fifo_semaphore&) = delete;
  fifo_semaphore& operator=(const fifo_semaphore&) = delete;

  // Waits until `n` units are free and every earlier waiter has been served. nullopt when the
  // awaiting coroutine was cancelled while it waited. `n` above capacity() would never be
  // served, so it throws std::invalid_argument: callers check it first and report a value.
  awaitable<std::optional<units>> acquire(std::size_t n);
  // Never waits; refuses while others are queued, so it cannot jump the line.
  std::optional<units> try_acquire(std::size_t n);

  std::size_t capacity() const noexcept { return capacity_; }
  std::size_t in_use() const noexcept { return in_use_; }
  std::size_t available() const noexcept { return capacity_ - in_use_; }
  std::size_t peak_in_use() const noexcept { return peak_; }
  std::size_t waiting() const noexcept { return queue_.size(); }

 private:
  friend class units;
  struct waiter;
  void take(std::size_t n) noexcept;
  void give_back(std::size_t n) noexcept;
  void serve_queue() noexcept;

  std::size_t capacity_;
  std::size_t in_use_ = 0;
  std::size_t peak_ = 0;
  std::list<waiter*> queue_;
};

}  // namespace quiltup::scheduler
