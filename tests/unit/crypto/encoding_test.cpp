#include "crypto/encoding.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace quiltup;
using namespace quiltup::crypto;

TEST_CASE("hex_encode: lower-case, two digits per byte", "[crypto][encoding]") {
  CHECK(hex_encode(as_bytes("")) == "");
  CHECK(hex_encode(as_bytes(std::string_view("\x00\x0f\xa0\xff", 4))) == "000fa0ff");
  std::array<std::uint8_t, 3> a{0xde, 0xad, 0x01};
  CHECK(hex_encode(a) == "dead01");
}

TEST_CASE("base64: RFC 4648 §10 vectors, both directions", "[crypto][encoding][base64]") {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"", ""},         {"f", "Zg=="},        {"fo", "Zm8="},         {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"},
  };
  for (auto [plain, encoded] : cases) {
    INFO(plain);
    CHECK(base64_encode(as_bytes(plain)) == encoded);
    auto decoded = base64_decode(encoded);
    REQUIRE(decoded.has_value());
    CHECK(*decoded == plain);
  }
}

TEST_CASE("base64: every byte value round-trips, at every length mod 3", "[crypto][encoding][base64]") {
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  for (std::size_t n : {254u, 255u, 256u}) {
    const auto text = std::string_view(all).substr(0, n);
    auto decoded = base64_decode(base64_encode(as_bytes(text)));
    REQUIRE(decoded.has_value());
    CHECK(*decoded == text);
  }
  CHECK(base64_encode(as_bytes(std::string_view("\xfb\xff", 2))) == "+/8=");
}

TEST_CASE("base64_decode: strict, rejects anything non-canonical", "[crypto][encoding][base64]") {
  const char* bad[] = {
      "Zg",         // missing padding
      "Zg=",        // short padding
      "Zg===",      // length not a multiple of 4
      "Z===",       // three pad characters
      "====",       // padding only
      "=Zg=",       // padding first
      "Zm=v",       // padding in the middle of a quantum
      "Zg==Zm9v",   // padding before more data
      "Zh==",       // non-zero bits under the padding
      "Zm9=",       // same, one pad character
      "Zm9v\n",     // trailing newline
      " Zm9v",      // leading space
      "Zm 9v",      // embedded space
      "Zm9v\r\n",   // CRLF
      "Zm9-",       // base64url alphabet
      "Zm9_",       // base64url alphabet
      "Zm9v!A==",   // punctuation
      "Zm9\xc3\xa9", // non-ASCII
  };
  for (const char* text : bad) {
    INFO("'" << text << "'");
    CHECK_FALSE(base64_decode(text).has_value());
  }
  CHECK_FALSE(base64_decode(std::string_view("Zm\0v", 4)).has_value());
}

TEST_CASE("uri_encode: RFC 3986 unreserved set passes through", "[crypto][encoding][uri]") {
  const std::string unreserved =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
  CHECK(uri_encode(unreserved, false) == unreserved);
  CHECK(uri_encode(unreserved, true) == unreserved);
}

TEST_CASE("uri_encode: everything else becomes upper-case %XX", "[crypto][encoding][uri]") {
  CHECK(uri_encode("a b", false) == "a%20b");  // never '+'
  CHECK(uri_encode("$", false) == "%24");
  CHECK(uri_encode("a+b=c&d", false) == "a%2Bb%3Dc%26d");
  CHECK(uri_encode("*!'()", false) == "%2A%21%27%28%29");
  CHECK(uri_encode("%", false) == "%25");
  CHECK(uri_encode(":@,;?#[]", false) == "%3A%40%2C%3B%3F%23%5B%5D");
  // UTF-8 is encoded byte by byte.
  CHECK(uri_encode("caf\xc3\xa9", false) == "caf%C3%A9");
  CHECK(uri_encode("\xe2\x82\xac", false) == "%E2%82%AC");
  CHECK(uri_encode(std::string_view("\0\x7f\xff", 3), false) == "%00%7F%FF");
}

TEST_CASE("uri_encode: '/' kept only for object paths", "[crypto][encoding][uri]") {
  CHECK(uri_encode("dir/sub dir/file$1.txt", true) == "dir/sub%20dir/file%241.txt");
  CHECK(uri_encode("dir/sub dir/file$1.txt", false) == "dir%2Fsub%20dir%2Ffile%241.txt");
  CHECK(uri_encode("//", true) == "//");
}
