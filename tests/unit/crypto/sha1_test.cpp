#include "crypto/encoding.hpp"
#include "crypto/sha1.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace quiltup;
using namespace quiltup::crypto;

TEST_CASE("sha1: FIPS 180 known answers", "[crypto][sha1]") {
  auto hex = [](std::string_view s) { return hex_encode(sha1_of(s)); };
  CHECK(hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  CHECK(hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
  CHECK(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  CHECK(hex(std::string(1'000'000, 'a')) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

TEST_CASE("sha1: incremental equals one-shot", "[crypto][sha1]") {
  const std::string text = "The quick brown fox jumps over the lazy dog";
  sha1 h;
  for (char c : text) h.update(std::string_view(&c, 1));
  const auto d = h.finish();
  CHECK(d == sha1_of(std::string_view(text)));
  CHECK(hex_encode(d) == "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12");
}
