#pragma once
// Owns the coroutines it spawns (after Beast's advanced_server_flex_awaitable task_group):
// each child gets its own cancellation signal, cancel(type) emits it to all of them, and
// `co_await group.wait()` returns once every child has finished. Nothing is detached: a child
// that throws has its exception kept here for the owner to inspect, never dropped.
//
// Used from one executor only; children run on the executor the group was made with. Always
// co_await wait() before the group goes away: the children keep the group's state alive, but
// the owner would no longer learn how they ended.
#include "core/awaitable.hpp"

#include <boost/asio/cancellation_type.hpp>

#include <cstddef>
#include <exception>
#include <memory>
#include <vector>

namespace quiltup::scheduler {

class task_group {
 public:
  struct options {
    // A child that throws cancels its siblings (a failed part dooms its upload anyway).
    bool cancel_siblings_on_exception = false;
  };

  explicit task_group(executor ex, options opts);
  explicit task_group(executor ex) : task_group(std::move(ex), options{}) {}
  ~task_group();
  task_group(const task_group&) = delete;
  task_group& operator=(const task_group&) = delete;

  // Starts `child` now. After cancel() the group takes no new work: the child is destroyed
  // unstarted and spawn returns false.
  bool spawn(awaitable<void> child);

  // Emits `type` to every running child. Coroutines accept terminal cancellation by default.
  void cancel(asio::cancellation_type type = asio::cancellation_type::terminal);
  bool cancelled() const noexcept;

  // Completes when no child is running. If the awaiting coroutine is cancelled meanwhile, the
  // cancellation is passed on to the children and the wait goes on until they have all
  // stopped; then wait() throws operation_aborted, so clean-up runs after, never during,
  // the children's last steps.
  awaitable<void> wait();

  std::size_t running() const noexcept;
  std::size_t spawned() const noexcept;
  // Exceptions thrown by children, in the order they finished.
  const std::vector<std::exception_ptr>& exceptions() const noexcept;
  std::exception_ptr first_exception() const noexcept;

 private:
  struct state;
  std::shared_ptr<state> state_;
};

}  // namespace quiltup::scheduler
