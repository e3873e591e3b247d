#include "s3/retry_policy.hpp"

#include <catch2/catch.hpp>

using namespace quiltup;
using namespace std::chrono_literals;

namespace {

error failed(std::string code, int status, bool retryable = false) {
  error e = make_error(std::move(code), "m");
  e.http_status = status;
  e.retryable = retryable;
  return e;
}

}  // namespace

TEST_CASE("retry_policy: retryable errors get 5 attempts in all", "[s3][retry_policy]") {
  s3::retry_policy p;
  auto e = failed("InternalError", 500);
  for (int attempt = 1; attempt <= 4; ++attempt) CHECK(p.should_retry(e, attempt));
  CHECK_FALSE(p.should_retry(e, 5));
}

TEST_CASE("retry_policy: fatal errors are never retried", "[s3][retry_policy]") {
  s3::retry_policy p;
  CHECK_FALSE(p.should_retry(failed("SignatureDoesNotMatch", 403), 1));
  CHECK_FALSE(p.should_retry(failed("NoSuchBucket", 404), 1));
}

TEST_CASE("retry_policy: BadDigest and ExpiredToken retry once", "[s3][retry_policy]") {
  s3::retry_policy p;
  CHECK(p.should_retry(failed("BadDigest", 400), 1));
  CHECK_FALSE(p.should_retry(failed("BadDigest", 400), 2));
  CHECK(p.should_retry(failed("ExpiredToken", 400), 1));
  CHECK_FALSE(p.should_retry(failed("ExpiredToken", 400), 2));
}

TEST_CASE("retry_policy: transport errors keep the transport's verdict", "[s3][retry_policy]") {
  s3::retry_policy p;
  CHECK(p.should_retry(failed("ConnectionReset", 0, true), 1));
  CHECK_FALSE(p.should_retry(failed("TlsError", 0, false), 1));
  CHECK_FALSE(p.should_retry(failed("Cancelled", 0, false), 1));
}

TEST_CASE("retry_policy: full jitter under min(cap, base*2^(n-1))", "[s3][retry_policy]") {
  s3::retry_policy p;
  CHECK(p.backoff_ceiling(1) == 500ms);
  CHECK(p.backoff_ceiling(2) == 1000ms);
  CHECK(p.backoff_ceiling(3) == 2000ms);
  CHECK(p.backoff_ceiling(6) == 16000ms);
  CHECK(p.backoff_ceiling(7) == 20000ms);
  CHECK(p.backoff_ceiling(60) == 20000ms);  // no overflow
  CHECK(p.backoff(3, [] { return 0.0; }) == 0ms);
  CHECK(p.backoff(3, [] { return 0.5; }) == 1000ms);
  CHECK(p.backoff(3, [] { return 0.999; }) < 2000ms);
  CHECK(p.backoff(10, [] { return 0.5; }) == 10000ms);
}
