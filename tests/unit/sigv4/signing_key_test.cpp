#include "crypto/encoding.hpp"
#include "sigv4/signing_key.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>
#include <vector>

using namespace quiltup;
using namespace quiltup::sigv4;

namespace {
constexpr std::string_view docs_secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
}

TEST_CASE("derive_signing_key: the S3 documentation's key", "[sigv4][signing_key]") {
  // s3-aws-docs context.json signing_key_hex.
  CHECK(crypto::hex_encode(derive_signing_key(docs_secret, "20130524", "us-east-1", "s3")) ==
        "dbb893acc010964918f1fd433add87c70e8b0db6be30c1fbeafefa5ec6ba8378");
  // A full amz-date is cut to its day.
  CHECK(derive_signing_key(docs_secret, "20130524T235959Z", "us-east-1", "s3") ==
        derive_signing_key(docs_secret, "20130524", "us-east-1", "s3"));
}

TEST_CASE("signing_key_cache: hits return the derived key — each input part is in the key",
          "[sigv4][signing_key]") {
  signing_key_cache cache;
  auto k = cache.get(docs_secret, "20130524", "us-east-1", "s3");
  CHECK(k == derive_signing_key(docs_secret, "20130524", "us-east-1", "s3"));
  CHECK(cache.misses() == 1);
  CHECK(cache.get(docs_secret, "20130524T000000Z", "us-east-1", "s3") == k);
  CHECK(cache.hits() == 1);

  CHECK(cache.get(docs_secret, "20130525", "us-east-1", "s3") != k);
  CHECK(cache.get(docs_secret, "20130524", "us-west-2", "s3") != k);
  CHECK(cache.get(docs_secret, "20130524", "us-east-1", "sts") != k);
  CHECK(cache.get("another-secret", "20130524", "us-east-1", "s3") != k);
  CHECK(cache.misses() == 5);
}

TEST_CASE("signing_key_cache: more distinct keys than slots stay correct", "[sigv4][signing_key]") {
  signing_key_cache cache;
  for (int round = 0; round < 3; ++round) {
    for (int day = 1; day <= 20; ++day) {
      auto date = "201305" + std::string(day < 10 ? "0" : "") + std::to_string(day);
      INFO("date " << date);
      CHECK(cache.get(docs_secret, date, "us-east-1", "s3") ==
            derive_signing_key(docs_secret, date, "us-east-1", "s3"));
    }
  }
}

TEST_CASE("signing_key_cache: concurrent signers all get the right key", "[sigv4][signing_key]") {
  signing_key_cache cache;
  const auto a = derive_signing_key(docs_secret, "20130524", "us-east-1", "s3");
  const auto b = derive_signing_key(docs_secret, "20130524", "eu-west-1", "s3");
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        bool use_a = (i + t) % 2 == 0;
        auto k = cache.get(docs_secret, "20130524", use_a ? "us-east-1" : "eu-west-1", "s3");
        if (k != (use_a ? a : b)) ++wrong;
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(wrong == 0);
  CHECK(cache.hits() + cache.misses() == 8000);
  // Only concurrent first misses derive; afterwards every lookup is a hit.
  CHECK(cache.misses() <= 8);
}

TEST_CASE("signature_hex: lower-case hex HMAC of the string to sign", "[sigv4][signing_key]") {
  auto key = derive_signing_key(docs_secret, "20130524", "us-east-1", "s3");
  // s3-aws-docs/get-object string-to-sign → signature.
  auto sts = std::string(
      "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
      "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
  CHECK(signature_hex(key, sts) == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
}
