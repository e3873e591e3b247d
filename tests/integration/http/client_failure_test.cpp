// Transport failures, timeouts and cancellation, against the python peer and a closed port.
#include "http/client.hpp"
#include "support/run_awaitable.hpp"
#include "test_server.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <catch2/catch.hpp>

#include <chrono>
#include <optional>
#include <thread>

namespace http = quiltup::http;
using namespace std::chrono_literals;
using quiltup::awaitable;
using quiltup::result;
using quiltup::use_awaitable;
using quiltup::test::run_awaitable;

namespace {

http::request get(std::string url) {
  http::request req;
  req.url = std::move(url);
  return req;
}

awaitable<void> sleep_for(std::chrono::milliseconds d) {
  boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor, d);
  co_await timer.async_wait(use_awaitable);
}

}  // namespace

TEST_CASE("http client: connecting to a closed port is a retryable ConnectionFailed", "[http][client][failure]") {
  boost::asio::io_context io;
  http::client client(io.get_executor());
  const int port = quiltup::test::closed_port();
  auto r = run_awaitable(io, client.send(get("http://127.0.0.1:" + std::to_string(port) + "/x?X-Amz-Signature=secret")));
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == "ConnectionFailed");
  CHECK(r.error().retryable);
  CHECK(r.error().message.find(std::to_string(port)) != std::string::npos);
  CHECK(r.error().message.find("secret") == std::string::npos);  // the query is not echoed
  CHECK(client.stats().active_transfers == 0);
}

TEST_CASE("http client: a connection reset mid-exchange is a retryable transport error", "[http][client][failure]") {
  quiltup::test::python_http_server peer;
  boost::asio::io_context io;
  http::client client(io.get_executor());
  auto r = run_awaitable(io, client.send(get(peer.url("/reset"))));
  REQUIRE_FALSE(r.has_value());
  INFO(r.error().to_string());
  CHECK((r.error().code == "ConnectionReset" || r.error().code == "EmptyReply"));
  CHECK(r.error().retryable);
  // The client is still usable afterwards.
  auto again = run_awaitable(io, client.send(get(peer.url("/echo"))));
  REQUIRE(again.has_value());
  CHECK(again->status == 200);
}

TEST_CASE("http client: timeouts come back as Timeout", "[http][client][failure]") {
  quiltup::test::python_http_server peer;
  boost::asio::io_context io;
  http::client client(io.get_executor());

  SECTION("low-speed limit: a peer dripping one byte a second") {
    auto req = get(peer.url("/drip?bytes=60&interval=1"));
    req.low_speed_bytes = 1000;
    req.low_speed_time = 2s;
    auto r = run_awaitable(io, client.send(std::move(req)));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == "Timeout");
    CHECK(r.error().retryable);
  }
  SECTION("total timeout: a peer that answers after 30 s") {
    auto req = get(peer.url("/sleep?seconds=30"));
    req.total_timeout = 300ms;
    auto r = run_awaitable(io, client.send(std::move(req)));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == "Timeout");
    CHECK(r.error().retryable);
  }
}

TEST_CASE("http client: cancelling the awaiting coroutine completes with Cancelled", "[http][client][cancel]") {
  quiltup::test::python_http_server peer;
  boost::asio::io_context io;
  http::client client(io.get_executor());

  SECTION("through a cancellation signal") {
    boost::asio::cancellation_signal signal;
    std::optional<result<http::response>> outcome;
    const auto started = std::chrono::steady_clock::now();
    boost::asio::co_spawn(io, client.send(get(peer.url("/sleep?seconds=30"))),
                          boost::asio::bind_cancellation_slot(
                              signal.slot(), [&](std::exception_ptr e, result<http::response> r) {
                                if (!e) outcome.emplace(std::move(r));
                              }));
    boost::asio::co_spawn(
        io,
        [&]() -> awaitable<void> {
          co_await sleep_for(200ms);
          signal.emit(boost::asio::cancellation_type::terminal);
        },
        [](std::exception_ptr) {});
    io.run();
    const auto elapsed = std::chrono::steady_clock::now() - started;
    REQUIRE(outcome.has_value());
    REQUIRE_FALSE(outcome->has_value());
    CHECK(outcome->error().code == "Cancelled");
    CHECK_FALSE(outcome->error().retryable);
    CHECK(elapsed < 15s);  // well before the peer's 30 s answer: the transfer was dropped
    CHECK(client.stats().active_transfers == 0);
  }

  SECTION("as the loser of `send || timer`, after which the client still works") {
    using namespace boost::asio::experimental::awaitable_operators;
    auto [raced, followed] = run_awaitable(io, [&]() -> awaitable<std::pair<std::size_t, int>> {
      auto winner = co_await (client.send(get(peer.url("/sleep?seconds=30"))) || sleep_for(200ms));
      auto next = co_await client.send(get(peer.url("/echo")));
      co_return std::pair{winner.index(), next ? next->status : -1};
    }());
    CHECK(raced == 1);
    CHECK(followed == 200);
    CHECK(client.stats().active_transfers == 0);
  }
}

TEST_CASE("http client: HEAD with a Content-Length does not wait for a body", "[http][client]") {
  quiltup::test::python_http_server peer;
  boost::asio::io_context io;
  http::client client(io.get_executor());
  auto req = get(peer.url("/head"));
  req.method = "HEAD";
  req.total_timeout = 20s;  // a hang would surface as Timeout
  auto r = run_awaitable(io, client.send(std::move(req)));
  REQUIRE(r.has_value());
  CHECK(r->status == 200);
  CHECK(r->headers.get("Content-Length") == std::optional<std::string_view>("1000"));
  CHECK(r->body.empty());
}

TEST_CASE("http client: a name that needs resolving and a caller on another executor", "[http][client]") {
  quiltup::test::python_http_server peer;
  boost::asio::io_context client_io;
  auto guard = boost::asio::make_work_guard(client_io);
  std::thread io_thread([&] { client_io.run(); });
  std::optional<http::client> client;
  client.emplace(client_io.get_executor());

  boost::asio::io_context caller_io;
  auto r = run_awaitable(caller_io, client->send(get("http://localhost:" + std::to_string(peer.port()) + "/echo")));
  REQUIRE(r.has_value());
  CHECK(r->status == 200);
  CHECK(r->body.find("\"method\": \"GET\"") != std::string::npos);

  guard.reset();
  client_io.stop();
  io_thread.join();
  client.reset();  // the client's context has stopped: safe to tear down from here
}

TEST_CASE("http client: the python peer counts the same connections the client opened", "[http][client]") {
  quiltup::test::python_http_server peer;
  boost::asio::io_context io;
  http::client client(io.get_executor());
  int reused = 0;
  std::string server_count;
  run_awaitable(io, [&]() -> awaitable<void> {
    for (int i = 0; i < 50; ++i) {
      auto r = co_await client.send(get(peer.url("/echo")));
      if (r && r->reused_connection) ++reused;
    }
    auto count = co_await client.send(get(peer.url("/connections")));
    if (count) server_count = count->body;
  }());
  CHECK(reused == 49);
  CHECK(client.stats().connections_opened == 1);
  CHECK(server_count == "1");
}
