#include "sigv4/canonical_request.hpp"

#include <catch2/catch.hpp>

using namespace quiltup::sigv4;

TEST_CASE("canonical_uri: S3 rules keep the wire path exactly", "[sigv4][canonical_request]") {
  CHECK(canonical_uri("/my-object//example//photo.user", path_rules::s3) ==
        "/my-object//example//photo.user");
  CHECK(canonical_uri("/a/./b/../c", path_rules::s3) == "/a/./b/../c");
  CHECK(canonical_uri("/test%24file.text", path_rules::s3) == "/test%24file.text");
  CHECK(canonical_uri("", path_rules::s3) == "/");
}

TEST_CASE("canonical_uri: generic rules remove dot and empty segments, then encode again",
          "[sigv4][canonical_request]") {
  CHECK(canonical_uri("/a/./b/../c", path_rules::generic) == "/a/c");
  CHECK(canonical_uri("/a/b/../..", path_rules::generic) == "/");
  CHECK(canonical_uri("/../..", path_rules::generic) == "/");
  CHECK(canonical_uri("//a//b//", path_rules::generic) == "/a/b/");
  CHECK(canonical_uri("/a%20b", path_rules::generic) == "/a%2520b");
  CHECK(canonical_uri("/a b/$", path_rules::generic) == "/a%20b/%24");
  CHECK(canonical_uri("", path_rules::generic) == "/");
}

TEST_CASE("canonical_query: sorted by key then value, re-encoded, empty values kept",
          "[sigv4][canonical_request]") {
  CHECK(canonical_query("") == "");
  CHECK(canonical_query("lifecycle") == "lifecycle=");
  CHECK(canonical_query("uploads=") == "uploads=");
  CHECK(canonical_query("b=2&a=1") == "a=1&b=2");
  CHECK(canonical_query("k=b&k=a&k=B") == "k=B&k=a&k=b");
  CHECK(canonical_query("Param-3=x&Param=y") == "Param=y&Param-3=x");
  // Encoded and raw spellings canonicalize the same way; hex digits come out upper-case.
  CHECK(canonical_query("%e1%88%b4=1") == "%E1%88%B4=1");
  CHECK(canonical_query("\xe1\x88\xb4=1") == "%E1%88%B4=1");
  CHECK(canonical_query("prefix=a b") == "prefix=a%20b");
  CHECK(canonical_query("prefix=a%2Fb/c") == "prefix=a%2Fb%2Fc");
  // '+' is a literal plus in SigV4, never a space.
  CHECK(canonical_query("q=a+b") == "q=a%2Bb");
  // Only the first '=' splits key and value.
  CHECK(canonical_query("a=b=c") == "a=b%3Dc");
  // A stray '%' is data, not an escape.
  CHECK(canonical_query("a=100%") == "a=100%25");
  CHECK(canonical_query("a=%zz") == "a=%25zz");
  CHECK(canonical_query("&&a=1&") == "a=1");
}

TEST_CASE("canonical_header_value: trimmed, inner whitespace runs collapsed, folds joined",
          "[sigv4][canonical_request]") {
  CHECK(canonical_header_value("  value1  ") == "value1");
  CHECK(canonical_header_value("\"a   b   c\"") == "\"a b c\"");
  CHECK(canonical_header_value("value1\n  value2\n     value3") == "value1 value2 value3");
  CHECK(canonical_header_value("a\t\tb\r\n c") == "a b c");
  CHECK(canonical_header_value("") == "");
  CHECK(canonical_header_value("   ") == "");
}

TEST_CASE("canonicalize_headers: lower-case names, sorted, duplicates joined, only the signed set",
          "[sigv4][canonical_request]") {
  header_list headers{{"Host", "example.com"},
                      {"My-Header", " b "},
                      {"X-Amz-Date", "20150830T123600Z"},
                      {"my-header", "a"},
                      {"Content-Length", "13"}};
  auto all = canonicalize_headers(headers, {"host", "my-header", "x-amz-date", "content-length"});
  CHECK(all.block ==
        "content-length:13\nhost:example.com\nmy-header:b,a\nx-amz-date:20150830T123600Z\n");
  CHECK(all.signed_headers == "content-length;host;my-header;x-amz-date");

  auto some = canonicalize_headers(headers, {"host", "x-amz-date"});
  CHECK(some.block == "host:example.com\nx-amz-date:20150830T123600Z\n");
  CHECK(some.signed_headers == "host;x-amz-date");
}

TEST_CASE("canonical_request: six lines, no trailing newline", "[sigv4][canonical_request]") {
  canonical_headers h{"host:h\n", "host"};
  CHECK(canonical_request("GET", "/", "a=1", h, "UNSIGNED-PAYLOAD") ==
        "GET\n/\na=1\nhost:h\n\nhost\nUNSIGNED-PAYLOAD");
}
