#include "crypto/sha256.hpp"
#include "sigv4/string_to_sign.hpp"

#include <catch2/catch.hpp>

using namespace quiltup::sigv4;
using namespace std::chrono;

TEST_CASE("format_amz_date: UTC basic format, fraction dropped", "[sigv4][string_to_sign]") {
  CHECK(format_amz_date(system_clock::time_point{}) == "19700101T000000Z");
  auto t = sys_days{2015y / August / 30} + 12h + 36min;
  CHECK(format_amz_date(t) == "20150830T123600Z");
  // 999 ms before midnight stays on the leap day.
  auto leap = sys_days{2024y / February / 29} + 23h + 59min + 59s + 999ms;
  CHECK(format_amz_date(time_point_cast<system_clock::duration>(leap)) == "20240229T235959Z");
}

TEST_CASE("credential_scope: date/region/service/aws4_request", "[sigv4][string_to_sign]") {
  CHECK(credential_scope("20130524T000000Z", "us-east-1", "s3") == "20130524/us-east-1/s3/aws4_request");
  CHECK(credential_scope("20150830", "eu-west-3", "service") == "20150830/eu-west-3/service/aws4_request");
}

TEST_CASE("string_to_sign: algorithm, date, scope, hash of the canonical request", "[sigv4][string_to_sign]") {
  auto sts = string_to_sign("20130524T000000Z", "20130524/us-east-1/s3/aws4_request", "GET\n/");
  CHECK(sts == "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n" +
                   quiltup::crypto::sha256_hex("GET\n/"));
  CHECK(sts.back() != '\n');
}
