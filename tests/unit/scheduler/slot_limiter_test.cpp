#include "scheduler/slot_limiter.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <catch2/catch.hpp>

using namespace quiltup;
using quiltup::scheduler::slot_limiter;

TEST_CASE("slot_limiter: never more than the limit in flight", "[scheduler][slot_limiter]") {
  asio::io_context io;
  slot_limiter limiter(3);
  int current = 0, worst = 0, done = 0;
  for (int i = 0; i < 50; ++i) {
    asio::co_spawn(io, [&]() -> awaitable<void> {
      auto s = co_await limiter.acquire();
      REQUIRE(s.has_value());
      worst = std::max(worst, ++current);
      for (int k = 0; k < 3; ++k) co_await asio::post(co_await asio::this_coro::executor, use_awaitable);
      --current;
      ++done;
    }, asio::detached);
  }
  io.run();
  CHECK(done == 50);
  CHECK(worst == 3);
  CHECK(limiter.peak_in_flight() == 3);
  CHECK(limiter.in_flight() == 0);
}

TEST_CASE("slot_limiter: a limit of zero is raised to one instead of deadlocking", "[scheduler][slot_limiter]") {
  slot_limiter limiter(0);
  CHECK(limiter.limit() == 1);
  auto s = limiter.try_acquire();
  REQUIRE(s.has_value());
  CHECK_FALSE(limiter.try_acquire());
  s->release();
  CHECK(limiter.try_acquire());
}

TEST_CASE("slot_limiter: cancellation while waiting is a value", "[scheduler][slot_limiter]") {
  asio::io_context io;
  slot_limiter limiter(1);
  auto held = limiter.try_acquire();
  REQUIRE(held);
  asio::cancellation_signal sig;
  std::optional<result<scheduler::slot>> r;
  asio::co_spawn(io, [&]() -> awaitable<void> { r = co_await limiter.acquire(); },
                 asio::bind_cancellation_slot(sig.slot(), asio::detached));
  io.poll();
  CHECK(limiter.waiting() == 1);
  sig.emit(asio::cancellation_type::terminal);
  io.poll();
  REQUIRE(r.has_value());
  REQUIRE(r->has_error());
  CHECK(r->error().code == "Cancelled");
  CHECK(limiter.waiting() == 0);
}
