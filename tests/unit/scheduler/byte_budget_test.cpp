#include "scheduler/byte_budget.hpp"
#include "support/run_awaitable.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

using namespace quiltup;
using quiltup::scheduler::byte_budget;
using quiltup::scheduler::lease;

namespace {

// Lets every ready handler run, so waiters that can be served are served.
awaitable<void> settle() {
  for (int i = 0; i < 8; ++i) co_await asio::post(co_await asio::this_coro::executor, use_awaitable);
}

}  // namespace

TEST_CASE("byte_budget: acquire within capacity is immediate and released by destruction", "[scheduler][byte_budget]") {
  byte_budget budget(100);
  test::run_awaitable([&]() -> awaitable<void> {
    auto a = co_await budget.acquire(60);
    REQUIRE(a.has_value());
    CHECK(a->count() == 60);
    CHECK(budget.in_use() == 60);
    {
      auto b = co_await budget.acquire(40);
      REQUIRE(b.has_value());
      CHECK(budget.in_use() == 100);
      CHECK(budget.available() == 0);
    }
    CHECK(budget.in_use() == 60);
  }());
  CHECK(budget.in_use() == 0);
  CHECK(budget.peak_in_use() == 100);
}

TEST_CASE("byte_budget: a request larger than the whole budget is an error naming memory_limit, not a hang", "[scheduler][byte_budget]") {
  byte_budget budget(1024);
  auto r = test::run_awaitable(budget.acquire(1025));
  REQUIRE(r.has_error());
  CHECK(r.error().code == "InvalidArgument");
  CHECK(r.error().field == "memory_limit");
  CHECK(r.error().message.find("1025") != std::string::npos);
  CHECK_FALSE(budget.try_acquire(1025));
}

TEST_CASE("byte_budget: a waiter resumes when enough bytes come back", "[scheduler][byte_budget]") {
  asio::io_context io;
  byte_budget budget(10);
  auto first = budget.try_acquire(8);
  REQUIRE(first);
  bool got = false;
  asio::co_spawn(io, [&]() -> awaitable<void> {
    auto l = co_await budget.acquire(5);
    REQUIRE(l.has_value());
    got = true;
  }, asio::detached);
  io.poll();
  CHECK_FALSE(got);
  CHECK(budget.waiting() == 1);
  first->shrink_to(6);  // 4 free: still not enough for 5
  io.poll();
  CHECK_FALSE(got);
  first->release();
  io.poll();
  CHECK(got);
  CHECK(budget.in_use() == 0);
}

TEST_CASE("byte_budget: FIFO, a big request is not starved by later small ones", "[scheduler][byte_budget]") {
  asio::io_context io;
  byte_budget budget(10);
  auto held = budget.try_acquire(6);
  REQUIRE(held);
  std::vector<std::string> order;
  auto want = [&](std::string name, std::size_t n) -> awaitable<void> {
    auto l = co_await budget.acquire(n);
    REQUIRE(l.has_value());
    order.push_back(name);
    co_await settle();
  };
  asio::co_spawn(io, want("big", 10), asio::detached);
  io.poll();
  // 4 bytes are free, enough for "small", but "big" came first.
  asio::co_spawn(io, want("small", 2), asio::detached);
  io.poll();
  CHECK(order.empty());
  CHECK_FALSE(budget.try_acquire(1));  // no barging past the queue either
  held->release();
  io.run();
  REQUIRE(order.size() == 2);
  CHECK(order[0] == "big");
  CHECK(order[1] == "small");
  CHECK(budget.peak_in_use() == 10);
}

TEST_CASE("byte_budget: a cancelled waiter leaves the queue and lets the next one through", "[scheduler][byte_budget]") {
  asio::io_context io;
  byte_budget budget(10);
  auto held = budget.try_acquire(5);
  REQUIRE(held);
  std::optional<result<lease>> big_result;
  bool small_got = false;
  asio::cancellation_signal cancel_big;
  asio::co_spawn(io, [&]() -> awaitable<void> { big_result = co_await budget.acquire(10); },
                 asio::bind_cancellation_slot(cancel_big.slot(), asio::detached));
  asio::co_spawn(io, [&]() -> awaitable<void> {
    auto l = co_await budget.acquire(3);
    small_got = l.has_value();
  }, asio::detached);
  io.poll();
  CHECK(budget.waiting() == 2);
  CHECK_FALSE(small_got);
  cancel_big.emit(asio::cancellation_type::terminal);
  io.poll();
  REQUIRE(big_result);
  REQUIRE(big_result->has_error());
  CHECK(big_result->error().code == "Cancelled");
  CHECK(small_got);  // served as soon as the blocking head left
  CHECK(budget.waiting() == 0);
  CHECK(budget.in_use() == 5);
}

TEST_CASE("byte_budget: leases move, split and shrink without losing or double-counting bytes", "[scheduler][byte_budget]") {
  byte_budget budget(100);
  auto a = budget.try_acquire(50);
  REQUIRE(a.has_value());
  lease moved = std::move(*a);
  CHECK(a->count() == 0);
  CHECK(budget.in_use() == 50);
  lease part = moved.split(20);
  CHECK(part.count() == 20);
  CHECK(moved.count() == 30);
  CHECK(budget.in_use() == 50);
  part.release();
  CHECK(budget.in_use() == 30);
  moved.shrink_to(10);
  CHECK(budget.in_use() == 10);
  lease other;
  other = std::move(moved);
  CHECK(budget.in_use() == 10);
  other = lease{};
  CHECK(budget.in_use() == 0);
}

TEST_CASE("byte_budget: many concurrent users never exceed the capacity", "[scheduler][byte_budget]") {
  asio::io_context io;
  byte_budget budget(64);
  std::size_t worst = 0, done = 0;
  for (int i = 0; i < 200; ++i) {
    asio::co_spawn(io, [&, n = std::size_t(1 + (i * 37) % 64)]() -> awaitable<void> {
      auto l = co_await budget.acquire(n);
      REQUIRE(l.has_value());
      worst = std::max(worst, budget.in_use());
      co_await settle();
      ++done;
    }, asio::detached);
  }
  io.run();
  CHECK(done == 200);
  CHECK(worst <= 64);
  CHECK(budget.peak_in_use() <= 64);
  CHECK(budget.in_use() == 0);
}
