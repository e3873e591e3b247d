#include "http/headers.hpp"

#include <catch2/catch.hpp>

using quiltup::http::headers;
using quiltup::http::iequals;

TEST_CASE("headers: lookup ignores case, keeps order and the first of repeated fields", "[http][headers]") {
  headers h;
  h.add("ETag", "\"abc\"");
  h.add("x-amz-meta-a", "1");
  h.add("X-Amz-Meta-A", "2");
  CHECK(h.get("etag") == std::optional<std::string_view>("\"abc\""));
  CHECK(h.get("X-AMZ-META-A") == std::optional<std::string_view>("1"));
  CHECK_FALSE(h.get("content-length"));
  CHECK(h.contains("ETAG"));
  REQUIRE(h.size() == 3);
  CHECK(h.list()[1].first == "x-amz-meta-a");
}

TEST_CASE("headers: set replaces every field of that name, remove drops them all", "[http][headers]") {
  headers h;
  h.add("Range", "bytes=0-1");
  h.add("Host", "s3");
  h.add("range", "bytes=2-3");
  h.set("RANGE", "bytes=4-5");
  REQUIRE(h.size() == 2);
  CHECK(h.get("range") == std::optional<std::string_view>("bytes=4-5"));
  h.remove("host");
  CHECK(h.size() == 1);
  CHECK_FALSE(h.contains("Host"));
}

TEST_CASE("headers: iequals compares ASCII case-insensitively and lengths exactly", "[http][headers]") {
  CHECK(iequals("Content-Type", "content-type"));
  CHECK_FALSE(iequals("Content-Type", "content-typ"));
  CHECK_FALSE(iequals("a-b", "a_b"));
  CHECK(iequals("", ""));
}
