#include "http/easy_handle.hpp"

#include <catch2/catch.hpp>

namespace http = quiltup::http;

namespace {

quiltup::result<void> apply(http::request req) {
  http::easy_handle easy;
  return easy.apply(std::move(req), {});
}

http::request valid() {
  http::request req;
  req.url = "http://127.0.0.1:1/bucket/key";
  return req;
}

}  // namespace

TEST_CASE("easy_handle: a well-formed request applies", "[http][easy_handle]") {
  auto req = valid();
  req.method = "PUT";
  req.headers.add("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
  req.headers.add("x-empty", "");
  req.body = http::body::from_string("data");
  http::easy_handle easy;
  REQUIRE(easy.apply(req, {}).has_value());
  CHECK(easy.current_request().body.size() == 4);
  CHECK(easy.current_request().headers.size() == 2);
  // Applying again replaces the request.
  REQUIRE(easy.apply(valid(), {}).has_value());
  CHECK(easy.current_request().method == "GET");
  CHECK(easy.current_request().body.size() == 0);
}

TEST_CASE("easy_handle: requests curl would send wrongly are refused before any I/O", "[http][easy_handle]") {
  SECTION("no url") {
    auto r = apply(http::request{});
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == "InvalidArgument");
    CHECK(r.error().field == "url");
  }
  SECTION("line break in a header value (header injection)") {
    auto req = valid();
    req.headers.add("x-amz-meta-a", "ok\r\nx-amz-acl: public-read");
    auto r = apply(std::move(req));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().field == "headers[x-amz-meta-a]");
  }
  SECTION("header name with a colon") {
    auto req = valid();
    req.headers.add("bad:name", "v");
    auto r = apply(std::move(req));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().field == "headers[bad:name]");
  }
  SECTION("method that is not a token") {
    auto req = valid();
    req.method = "GET /x";
    auto r = apply(std::move(req));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().field == "method");
  }
  SECTION("HEAD with a body") {
    auto req = valid();
    req.method = "HEAD";
    req.body = http::body::from_string("x");
    auto r = apply(std::move(req));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().field == "body");
  }
  SECTION("space in the url") {
    auto req = valid();
    req.url = "http://h/a key";
    auto r = apply(std::move(req));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().field == "url");
  }
}
