// Request bodies and the headers curl would add on its own, against the python peer.
#include "http/client.hpp"
#include "support/run_awaitable.hpp"
#include "test_server.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/json/parse.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <string>

namespace http = quiltup::http;
namespace json = boost::json;
using quiltup::test::run_awaitable;

namespace {

// The python peer's check pattern: byte i is ((i % period) * 7 + 3) & 255.
constexpr std::size_t pattern_period = 251;
char pattern_byte(std::size_t i) { return static_cast<char>(((i % pattern_period) * 7 + 3) & 255); }

std::string pattern_string(std::size_t n) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = pattern_byte(i);
  return s;
}

bool sent_header(const json::object& echo, std::string_view name) {
  for (const auto& h : echo.at("headers").as_array())
    if (http::iequals(h.as_array().at(0).as_string(), name)) return true;
  return false;
}

std::string header_value(const json::object& echo, std::string_view name) {
  for (const auto& h : echo.at("headers").as_array())
    if (http::iequals(h.as_array().at(0).as_string(), name)) return std::string(h.as_array().at(1).as_string());
  return {};
}

json::object echo_of(const quiltup::result<http::response>& r) {
  REQUIRE(r.has_value());
  REQUIRE(r->status == 200);
  return json::parse(r->body).as_object();
}

// Generates the pattern on demand: nothing of the body exists before curl asks for it.
struct pattern_reader {
  std::size_t length;
  std::size_t offset = 0;
  std::size_t calls = 0;
  std::size_t largest_request = 0;
  std::size_t rewinds = 0;

  http::body body() {
    http::body b;
    b.length = length;
    b.read = [this](char* dst, std::size_t capacity) {
      ++calls;
      largest_request = std::max(largest_request, capacity);
      const std::size_t n = std::min(capacity, length - offset);
      for (std::size_t i = 0; i < n; ++i) dst[i] = pattern_byte(offset + i);
      offset += n;
      return n;
    };
    b.rewind = [this] {
      ++rewinds;
      offset = 0;
      return true;
    };
    return b;
  }
};

}  // namespace

TEST_CASE("http client: a 64 MiB body streams through the read callback", "[http][client][body]") {
  quiltup::test::python_http_server peer;
  boost::asio::io_context io;
  http::client client(io.get_executor());
  constexpr std::size_t size = 64u << 20;
  pattern_reader reader{size};
  http::request req;
  req.method = "PUT";
  req.url = peer.url("/echo?pattern=251");
  req.body = reader.body();
  auto echo = echo_of(run_awaitable(io, client.send(std::move(req))));
  CHECK(echo.at("bytes").as_int64() == static_cast<std::int64_t>(size));
  CHECK(echo.at("pattern_ok").as_bool());
  CHECK(echo.at("first_mismatch").as_int64() == -1);
  CHECK(header_value(echo, "Content-Length") == std::to_string(size));
  CHECK_FALSE(sent_header(echo, "Expect"));
  CHECK_FALSE(sent_header(echo, "Transfer-Encoding"));
  CHECK(reader.offset == size);
  // Pulled in pieces no larger than curl's 2 MiB upload buffer, never as a whole.
  CHECK(reader.largest_request <= 2u << 20);
  CHECK(reader.calls >= size / (2u << 20));
}

TEST_CASE("http client: in-memory PUT and POST send exactly our headers", "[http][client][body]") {
  quiltup::test::python_http_server peer;
  boost::asio::io_context io;
  http::client client(io.get_executor());

  SECTION("PUT of 3 MiB: no Expect, no Accept, no Content-Type added") {
    http::request req;
    req.method = "PUT";
    req.url = peer.url("/echo?pattern=251");
    req.body = http::body::from_string(pattern_string(3u << 20));
    req.headers.add("x-amz-meta-note", "kept");
    req.headers.add("x-empty", "");
    auto echo = echo_of(run_awaitable(io, client.send(std::move(req))));
    CHECK(echo.at("method").as_string() == "PUT");
    CHECK(echo.at("bytes").as_int64() == (3 << 20));
    CHECK(echo.at("pattern_ok").as_bool());
    CHECK(header_value(echo, "x-amz-meta-note") == "kept");
    CHECK(sent_header(echo, "x-empty"));
    CHECK(header_value(echo, "x-empty").empty());
    CHECK_FALSE(sent_header(echo, "Expect"));
    CHECK_FALSE(sent_header(echo, "Accept"));
    CHECK_FALSE(sent_header(echo, "Content-Type"));
  }

  SECTION("POST without a Content-Type gets none; one we set is sent as is") {
    http::request req;
    req.method = "POST";
    req.url = peer.url("/echo?pattern=251");
    req.body = http::body::from_string(pattern_string(70'000));
    auto echo = echo_of(run_awaitable(io, client.send(req)));
    CHECK(echo.at("method").as_string() == "POST");
    CHECK(echo.at("bytes").as_int64() == 70'000);
    CHECK(echo.at("pattern_ok").as_bool());
    CHECK_FALSE(sent_header(echo, "Content-Type"));
    CHECK_FALSE(sent_header(echo, "Expect"));

    req.headers.set("Content-Type", "application/json");
    auto typed = echo_of(run_awaitable(io, client.send(req)));
    CHECK(header_value(typed, "Content-Type") == "application/json");
  }

  SECTION("streamed POST and a body-less DELETE") {
    pattern_reader reader{100'000};
    http::request post;
    post.method = "POST";
    post.url = peer.url("/echo?pattern=251");
    post.body = reader.body();
    auto echo = echo_of(run_awaitable(io, client.send(std::move(post))));
    CHECK(echo.at("bytes").as_int64() == 100'000);
    CHECK(echo.at("pattern_ok").as_bool());

    http::request del;
    del.method = "DELETE";
    del.url = peer.url("/echo");
    auto deleted = echo_of(run_awaitable(io, client.send(std::move(del))));
    CHECK(deleted.at("method").as_string() == "DELETE");
    CHECK(deleted.at("bytes").as_int64() == 0);
  }

  SECTION("an empty PUT sends Content-Length: 0") {
    http::request req;
    req.method = "PUT";
    req.url = peer.url("/echo");
    auto echo = echo_of(run_awaitable(io, client.send(std::move(req))));
    CHECK(header_value(echo, "Content-Length") == "0");
  }
}

TEST_CASE("http client: after 100 Continue only the final response's headers are kept", "[http][client][body]") {
  quiltup::test::python_http_server peer;
  boost::asio::io_context io;
  http::client client(io.get_executor());
  http::request req;
  req.method = "PUT";
  req.url = peer.url("/echo");
  req.headers.add("Expect", "100-continue");  // asked for explicitly: the peer answers 100 first
  req.body = http::body::from_string("payload");
  auto r = run_awaitable(io, client.send(std::move(req)));
  REQUIRE(r.has_value());
  CHECK(r->status == 200);
  CHECK_FALSE(r->headers.contains("X-Interim"));  // only sent with the 100
  CHECK(r->headers.contains("Content-Type"));
  auto echo = json::parse(r->body).as_object();
  CHECK(echo.at("bytes").as_int64() == 7);
  CHECK(header_value(echo, "Expect") == "100-continue");
}

TEST_CASE("http client: a failing body reader fails the request with its reason", "[http][client][body]") {
  quiltup::test::python_http_server peer;
  boost::asio::io_context io;
  http::client client(io.get_executor());
  http::request req;
  req.method = "PUT";
  req.url = peer.url("/echo");
  req.body.length = 1'000'000;

  SECTION("the reader throws") {
    req.body.read = [](char*, std::size_t) -> std::size_t { throw std::runtime_error("disk on fire"); };
    auto r = run_awaitable(io, client.send(std::move(req)));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == "BodyReadFailed");
    CHECK_FALSE(r.error().retryable);
    CHECK(r.error().message.find("disk on fire") != std::string::npos);
  }
  SECTION("the reader ends before the declared length") {
    auto given = std::make_shared<std::size_t>(0);
    req.body.read = [given](char* dst, std::size_t capacity) -> std::size_t {
      const std::size_t n = std::min<std::size_t>(capacity, 1000 - *given);
      std::fill_n(dst, n, 'x');
      *given += n;
      return n;
    };
    auto r = run_awaitable(io, client.send(std::move(req)));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == "BodyReadFailed");
    CHECK(r.error().message.find("ended after 1000 of 1000000") != std::string::npos);
  }
}
