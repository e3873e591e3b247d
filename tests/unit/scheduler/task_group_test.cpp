#include "scheduler/task_group.hpp"
#include "support/run_awaitable.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/system/system_error.hpp>
#include <catch2/catch.hpp>

#include <chrono>
#include <stdexcept>
#include <string>

using namespace quiltup;
using namespace std::chrono_literals;
using quiltup::scheduler::task_group;

namespace {

awaitable<void> sleep_for(std::chrono::milliseconds d) {
  asio::steady_timer t(co_await asio::this_coro::executor, d);
  co_await t.async_wait(use_awaitable);
}

// Children take what they need as parameters: a lambda's captures would die with the
// temporary lambda before the coroutine runs.
awaitable<void> sleep_then_count(std::chrono::milliseconds d, int* counter) {
  co_await sleep_for(d);
  ++*counter;
}

awaitable<void> park_until_cancelled(int* aborted) {
  asio::steady_timer t(co_await asio::this_coro::executor, std::chrono::hours(1));
  auto [ec] = co_await t.async_wait(as_tuple_awaitable);
  if (ec == asio::error::operation_aborted) ++*aborted;
}

awaitable<void> park_then_finish_slowly(int* stopped) {
  asio::steady_timer t(co_await asio::this_coro::executor, std::chrono::hours(1));
  co_await t.async_wait(as_tuple_awaitable);
  // Children may need a last step after cancellation (e.g. to finish a request).
  co_await asio::this_coro::reset_cancellation_state();
  co_await sleep_for(std::chrono::milliseconds(2));
  ++*stopped;
}

awaitable<void> throw_after(std::chrono::milliseconds d, std::string what) {
  co_await sleep_for(d);
  throw std::runtime_error(what);
}

}  // namespace

TEST_CASE("task_group: wait() returns after every child finished", "[scheduler][task_group]") {
  asio::io_context io;
  int finished = 0;
  test::run_awaitable(io, [&]() -> awaitable<void> {
    task_group group(co_await asio::this_coro::executor);
    for (int i = 0; i < 10; ++i)
      group.spawn(sleep_then_count(std::chrono::milliseconds(i), &finished));
    CHECK(group.running() == 10);
    co_await group.wait();
    CHECK(group.running() == 0);
    CHECK(group.spawned() == 10);
  }());
  CHECK(finished == 10);
}

TEST_CASE("task_group: wait() on an empty group completes at once", "[scheduler][task_group]") {
  bool after = false;
  test::run_awaitable([&]() -> awaitable<void> {
    task_group group(co_await asio::this_coro::executor);
    co_await group.wait();
    after = true;
  }());
  CHECK(after);
}

TEST_CASE("task_group: children's exceptions are kept, not lost", "[scheduler][task_group]") {
  std::size_t errors = 0;
  std::string first;
  test::run_awaitable([&]() -> awaitable<void> {
    task_group group(co_await asio::this_coro::executor);
    group.spawn(throw_after(0ms, "part 3 broke"));
    group.spawn(sleep_for(1ms));
    group.spawn(throw_after(2ms, "second"));
    co_await group.wait();
    errors = group.exceptions().size();
    try {
      std::rethrow_exception(group.first_exception());
    } catch (const std::runtime_error& e) {
      first = e.what();
    }
  }());
  CHECK(errors == 2);
  CHECK(first == "part 3 broke");
}

TEST_CASE("task_group: cancel() reaches every child and stops new spawns", "[scheduler][task_group]") {
  int aborted = 0;
  bool spawned_after = true;
  test::run_awaitable([&]() -> awaitable<void> {
    task_group group(co_await asio::this_coro::executor);
    for (int i = 0; i < 5; ++i)
      group.spawn(park_until_cancelled(&aborted));
    co_await sleep_for(1ms);
    group.cancel();
    spawned_after = group.spawn(sleep_for(0ms));
    co_await group.wait();
  }());
  CHECK(aborted == 5);
  CHECK_FALSE(spawned_after);
}

TEST_CASE("task_group: a throwing child cancels its siblings when asked to", "[scheduler][task_group]") {
  int aborted = 0;
  test::run_awaitable([&]() -> awaitable<void> {
    task_group group(co_await asio::this_coro::executor, {.cancel_siblings_on_exception = true});
    for (int i = 0; i < 3; ++i)
      group.spawn(park_until_cancelled(&aborted));
    group.spawn(throw_after(1ms, "boom"));
    co_await group.wait();
    CHECK(group.cancelled());
    CHECK(group.exceptions().size() == 1);
  }());
  CHECK(aborted == 3);
}

TEST_CASE("task_group: cancelling the waiter forwards to the children and waits for them", "[scheduler][task_group]") {
  asio::io_context io;
  asio::cancellation_signal outer;
  int children_stopped = 0;
  bool wait_threw = false, cleanup_ran_after_children = false;
  asio::co_spawn(io, [&]() -> awaitable<void> {
    task_group group(co_await asio::this_coro::executor);
    for (int i = 0; i < 4; ++i)
      group.spawn(park_then_finish_slowly(&children_stopped));
    try {
      co_await group.wait();
    } catch (const boost::system::system_error& e) {
      wait_threw = e.code() == asio::error::operation_aborted;
    }
    cleanup_ran_after_children = children_stopped == 4 && group.running() == 0;
  }, asio::bind_cancellation_slot(outer.slot(), asio::detached));
  io.run_for(5ms);
  outer.emit(asio::cancellation_type::terminal);
  io.run();
  CHECK(wait_threw);
  CHECK(children_stopped == 4);
  CHECK(cleanup_ran_after_children);
}
