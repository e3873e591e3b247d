#include "crypto/encoding.hpp"
#include "crypto/md5.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace quiltup;
using namespace quiltup::crypto;

TEST_CASE("md5: RFC 1321 test suite", "[crypto][md5]") {
  auto hex = [](std::string_view s) { return hex_encode(md5_of(s)); };
  CHECK(hex("") == "d41d8cd98f00b204e9800998ecf8427e");
  CHECK(hex("a") == "0cc175b9c0f1b6a831c399e269772661");
  CHECK(hex("abc") == "900150983cd24fb0d6963f7d28e17f72");
  CHECK(hex("message digest") == "f96b697d7cb7938d525a2f31aaf161d0");
  CHECK(hex("abcdefghijklmnopqrstuvwxyz") == "c3fcd3d76192e4007dfb496cca67e13b");
  CHECK(hex("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") ==
        "d174ab98d277d9f5a5611c2c9f419d9f");
  CHECK(hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890") ==
        "57edf4a22be3c955ac49da2e2107b67a");
}

TEST_CASE("md5: Content-MD5 is base64 of the raw digest (RFC 1864)", "[crypto][md5]") {
  CHECK(base64_encode(md5_of(std::string_view("hello world"))) == "XrY7u+Ae7tCTyyK7j1rNww==");
}

TEST_CASE("md5: incremental equals one-shot, and reset starts over", "[crypto][md5]") {
  const std::string text(1000, 'q');
  md5 h;
  h.update("garbage");
  h.reset();
  for (std::size_t i = 0; i < text.size(); i += 97) h.update(std::string_view(text).substr(i, 97));
  CHECK(h.finish() == md5_of(std::string_view(text)));
}
