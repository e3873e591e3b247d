#include "crypto/encoding.hpp"
#include "crypto/hmac.hpp"
#include "crypto/sha256.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace quiltup;
using namespace quiltup::crypto;

TEST_CASE("sha256: FIPS 180-2 known answers", "[crypto][sha256]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(hex_encode(sha256_of(std::string(1'000'000, 'a'))) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("sha256: incremental updates equal the one-shot digest at every split", "[crypto][sha256]") {
  std::string text;
  for (int i = 0; i < 200; ++i) text.push_back(static_cast<char>(i * 7 + 3));
  const auto expected = sha256_of(text);
  sha256 h;
  for (std::size_t split = 0; split <= text.size(); split += 13) {
    h.reset();
    h.update(std::string_view(text).substr(0, split));
    h.update(std::string_view(text).substr(split));
    CHECK(h.finish() == expected);
  }
}

TEST_CASE("sha256: a moved-to hasher keeps its state", "[crypto][sha256]") {
  sha256 a;
  a.update("ab");
  sha256 b(std::move(a));
  b.update("c");
  CHECK(hex_encode(b.finish()) == sha256_hex("abc"));
}

namespace {
std::string repeat(unsigned char byte, std::size_t n) { return std::string(n, static_cast<char>(byte)); }
}  // namespace

TEST_CASE("hmac_sha256: RFC 4231 test cases", "[crypto][hmac]") {
  CHECK(hex_encode(hmac_sha256(repeat(0x0b, 20), "Hi There")) ==
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  CHECK(hex_encode(hmac_sha256("Jefe", "what do ya want for nothing?")) ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  CHECK(hex_encode(hmac_sha256(repeat(0xaa, 20), repeat(0xdd, 50))) ==
        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
  std::string key4;
  for (int i = 1; i <= 25; ++i) key4.push_back(static_cast<char>(i));
  CHECK(hex_encode(hmac_sha256(key4, repeat(0xcd, 50))) ==
        "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
  // Keys longer than the block size are hashed first.
  CHECK(hex_encode(hmac_sha256(repeat(0xaa, 131), "Test Using Larger Than Block-Size Key - Hash Key First")) ==
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  CHECK(hex_encode(hmac_sha256(
            repeat(0xaa, 131),
            "This is a test using a larger than block-size key and a larger than block-size data. The key "
            "needs to be hashed before being used by the HMAC algorithm.")) ==
        "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

TEST_CASE("hmac_sha256: raw digest keys chain as in SigV4 key derivation", "[crypto][hmac]") {
  // An empty key and empty data are valid inputs (HMAC pads the key with zeros).
  CHECK(hex_encode(hmac_sha256("", "")) ==
        "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
  const auto k1 = hmac_sha256("key", "step");
  const auto chained = hmac_sha256(std::as_bytes(std::span(k1)), std::string_view("next"));
  const std::string k1_text(reinterpret_cast<const char*>(k1.data()), k1.size());
  CHECK(chained == hmac_sha256(k1_text, "next"));
}
