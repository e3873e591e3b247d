#include "credentials/cached_provider.hpp"

#include "fake_provider.hpp"
#include "support/run_awaitable.hpp"

#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include "support/result_printer.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace quiltup;
using namespace quiltup::credentials;
using namespace std::chrono_literals;
using test::fake_provider;
using test::keys;
using sys_clock = std::chrono::system_clock;

namespace {

// A clock the test moves by hand.
struct fake_clock {
  sys_clock::time_point now = sys_clock::from_time_t(1'700'000'000);
  cache_options options() {
    cache_options o;
    o.now = [this] { return now; };
    return o;
  }
};

aws_credentials expiring(std::string id, sys_clock::time_point at) {
  auto c = keys(std::move(id));
  c.expiration = at;
  return c;
}

// Starts n fetches at once on io, runs them all, returns the access key ids in order.
std::vector<std::string> fetch_concurrently(boost::asio::io_context& io, cached_provider& cache, int n) {
  std::vector<std::string> ids(n);
  int failures = 0;
  for (int i = 0; i < n; ++i)
    boost::asio::co_spawn(
        io,
        [&cache, &ids, &failures, i]() -> awaitable<void> {
          auto c = co_await cache.fetch();
          if (c) ids[i] = c->access_key_id;
          else ++failures;
        },
        [](std::exception_ptr e) { if (e) std::rethrow_exception(e); });
  io.restart();
  io.run();
  REQUIRE(failures == 0);
  return ids;
}

}  // namespace

TEST_CASE("cached_provider: 500 concurrent callers cause exactly one fetch", "[credentials][cached_provider]") {
  boost::asio::io_context io;
  fake_clock clock;
  auto inner = std::make_shared<fake_provider>("catalog");
  inner->delay(20ms);
  inner->answer(expiring("ASIAONE", clock.now + 1h));
  cached_provider cache(inner, clock.options());

  auto ids = fetch_concurrently(io, cache, 500);
  CHECK(inner->fetches() == 1);
  CHECK(cache.inner_fetches() == 1);
  CHECK(std::count(ids.begin(), ids.end(), "ASIAONE") == 500);
}

TEST_CASE("cached_provider: keys are reused until 300 s before expiry, then refreshed once",
          "[credentials][cached_provider]") {
  boost::asio::io_context io;
  fake_clock clock;
  auto inner = std::make_shared<fake_provider>("catalog");
  inner->answer(expiring("ASIAFIRST", clock.now + 1h));
  inner->answer(expiring("ASIASECOND", clock.now + 2h));
  cached_provider cache(inner, clock.options());

  CHECK(test::run_awaitable(io, cache.fetch())->access_key_id == "ASIAFIRST");
  clock.now += 1h - 301s;
  CHECK(test::run_awaitable(io, cache.fetch())->access_key_id == "ASIAFIRST");
  CHECK(inner->fetches() == 1);
  clock.now += 2s;  // inside the 300 s window
  CHECK(test::run_awaitable(io, cache.fetch())->access_key_id == "ASIASECOND");
  CHECK(inner->fetches() == 2);
  CHECK(test::run_awaitable(io, cache.fetch())->access_key_id == "ASIASECOND");
  CHECK(inner->fetches() == 2);
}

TEST_CASE("cached_provider: during a refresh everyone else keeps the still-valid keys", "[credentials][cached_provider]") {
  boost::asio::io_context io;
  fake_clock clock;
  auto inner = std::make_shared<fake_provider>("catalog");
  inner->answer(expiring("ASIAOLD", clock.now + 1h));
  inner->answer(expiring("ASIANEW", clock.now + 3h));
  cached_provider cache(inner, clock.options());
  REQUIRE(test::run_awaitable(io, cache.fetch()));

  clock.now += 1h - 100s;  // in the refresh window, still valid
  inner->delay(50ms);
  auto ids = fetch_concurrently(io, cache, 200);
  CHECK(inner->fetches() == 2);
  CHECK(ids[0] == "ASIANEW");  // the leader waited for the refresh
  CHECK(std::count(ids.begin(), ids.end(), "ASIAOLD") == 199);  // nobody else waited
  CHECK(test::run_awaitable(io, cache.fetch())->access_key_id == "ASIANEW");
}

TEST_CASE("cached_provider: past usable_until callers wait for the new keys", "[credentials][cached_provider]") {
  boost::asio::io_context io;
  fake_clock clock;
  auto inner = std::make_shared<fake_provider>("catalog");
  inner->answer(expiring("ASIAOLD", clock.now + 1h));
  inner->answer(expiring("ASIANEW", clock.now + 3h));
  cached_provider cache(inner, clock.options());
  REQUIRE(test::run_awaitable(io, cache.fetch()));

  clock.now += 1h - 5s;  // within the 10 s margin: too close to expiry to hand out
  inner->delay(20ms);
  auto ids = fetch_concurrently(io, cache, 50);
  CHECK(inner->fetches() == 2);
  CHECK(std::count(ids.begin(), ids.end(), "ASIANEW") == 50);
}

TEST_CASE("cached_provider: short-lived keys refresh at half their lifetime, not on every call",
          "[credentials][cached_provider]") {
  boost::asio::io_context io;
  fake_clock clock;
  auto inner = std::make_shared<fake_provider>("catalog");
  inner->answer(expiring("ASIASHORT", clock.now + 5s));
  inner->answer(expiring("ASIALONG", clock.now + 1h));
  cached_provider cache(inner, clock.options());

  CHECK(test::run_awaitable(io, cache.fetch())->access_key_id == "ASIASHORT");
  clock.now += 2s;
  CHECK(test::run_awaitable(io, cache.fetch())->access_key_id == "ASIASHORT");
  CHECK(inner->fetches() == 1);
  clock.now += 1s;  // 3 s in: past half of 5 s
  CHECK(test::run_awaitable(io, cache.fetch())->access_key_id == "ASIALONG");
  CHECK(inner->fetches() == 2);
}

TEST_CASE("cached_provider: a failed refresh keeps serving valid keys and retries later", "[credentials][cached_provider]") {
  boost::asio::io_context io;
  fake_clock clock;
  auto inner = std::make_shared<fake_provider>("catalog");
  inner->answer(expiring("ASIAOLD", clock.now + 1h));
  inner->answer(make_error("CatalogUnreachable", "Failed to fetch AWS credentials: refused"));
  inner->answer(expiring("ASIANEW", clock.now + 3h));
  cached_provider cache(inner, clock.options());
  REQUIRE(test::run_awaitable(io, cache.fetch()));

  clock.now += 1h - 200s;
  CHECK(test::run_awaitable(io, cache.fetch())->access_key_id == "ASIAOLD");  // refresh failed, old keys served
  CHECK(inner->fetches() == 2);
  clock.now += 5s;  // within retry_after_failure: no new attempt
  CHECK(test::run_awaitable(io, cache.fetch())->access_key_id == "ASIAOLD");
  CHECK(inner->fetches() == 2);
  clock.now += 10s;
  CHECK(test::run_awaitable(io, cache.fetch())->access_key_id == "ASIANEW");
  CHECK(inner->fetches() == 3);
}

TEST_CASE("cached_provider: a failure with nothing cached reaches every waiter, and the next call retries",
          "[credentials][cached_provider]") {
  boost::asio::io_context io;
  fake_clock clock;
  auto inner = std::make_shared<fake_provider>("catalog");
  inner->delay(10ms);
  inner->answer(make_error("CatalogUnreachable", "Failed to fetch AWS credentials: refused"));
  inner->answer(keys("AKIDLATER"));
  cached_provider cache(inner, clock.options());

  int failures = 0;
  for (int i = 0; i < 20; ++i)
    boost::asio::co_spawn(io, [&]() -> awaitable<void> {
      auto c = co_await cache.fetch();
      if (!c && c.error().code == "CatalogUnreachable") ++failures;
    }, boost::asio::detached);
  io.run();
  CHECK(failures == 20);
  CHECK(inner->fetches() == 1);
  CHECK(test::run_awaitable(io, cache.fetch())->access_key_id == "AKIDLATER");
  CHECK(inner->fetches() == 2);
}

TEST_CASE("cached_provider: keys without Expiration are kept — invalidate() forces a fetch", "[credentials][cached_provider]") {
  boost::asio::io_context io;
  fake_clock clock;
  auto inner = std::make_shared<fake_provider>("environment");
  inner->answer(keys("AKIDSTATIC"));
  cached_provider cache(inner, clock.options());
  REQUIRE(test::run_awaitable(io, cache.fetch()));
  clock.now += 24h * 365;
  REQUIRE(test::run_awaitable(io, cache.fetch()));
  CHECK(inner->fetches() == 1);
  cache.invalidate();
  REQUIRE(test::run_awaitable(io, cache.fetch()));
  CHECK(inner->fetches() == 2);
}
