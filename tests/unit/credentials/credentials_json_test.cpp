#include "credentials/container_provider.hpp"
#include "credentials/credentials_json.hpp"
#include "credentials/environment_provider.hpp"
#include "credentials/rfc3339.hpp"

#include "support/run_awaitable.hpp"

#include "support/result_printer.hpp"

#include <catch2/catch.hpp>

using namespace quiltup;
using namespace quiltup::credentials;

namespace {
const json_expectations catalog{.what = "Catalog credential endpoint", .source = "catalog",
                                .require_session_token = true, .require_expiration = true};
}

TEST_CASE("rfc3339: Z, offsets and fractions — anything else is rejected", "[credentials][rfc3339]") {
  auto z = parse_rfc3339("2024-02-20T15:00:00Z");
  REQUIRE(z);
  CHECK(format_rfc3339(*z) == "2024-02-20T15:00:00Z");
  auto offset = parse_rfc3339("2019-05-28T23:58:07+00:00");
  REQUIRE(offset);
  CHECK(format_rfc3339(*offset) == "2019-05-28T23:58:07Z");
  auto plus2 = parse_rfc3339("2024-02-20T17:00:00.123+02:00");
  REQUIRE(plus2);
  CHECK(*plus2 == *z);
  CHECK_FALSE(parse_rfc3339("2024-02-20 15:00"));
  CHECK_FALSE(parse_rfc3339("2024-02-20T15:00:00"));  // no zone
  CHECK_FALSE(parse_rfc3339("1708441200"));
  CHECK_FALSE(parse_rfc3339("2024-13-20T15:00:00Z"));
}

TEST_CASE("credentials_json: the registry's exact keys", "[credentials][credentials_json]") {
  auto c = parse_credentials_json(
      R"({"AccessKeyId":"ASIAEXAMPLE","SecretAccessKey":"sec/ret","SessionToken":"tok","Expiration":"2024-02-20T15:00:00Z"})",
      catalog);
  REQUIRE(c);
  CHECK(c->access_key_id == "ASIAEXAMPLE");
  CHECK(c->secret_access_key == "sec/ret");
  CHECK(c->session_token == "tok");
  CHECK(c->source == "catalog");
  REQUIRE(c->expiration);
  CHECK(format_rfc3339(*c->expiration) == "2024-02-20T15:00:00Z");
}

TEST_CASE("credentials_json: the container/IMDS shape uses Token", "[credentials][credentials_json]") {
  auto c = parse_credentials_json(
      R"({"RoleArn":"arn:aws:iam::1:role/r","AccessKeyId":"ASIA2","SecretAccessKey":"s","Token":"t2","Expiration":"2030-01-01T00:00:00Z"})",
      {.what = "Container credentials endpoint", .source = "container"});
  REQUIRE(c);
  CHECK(c->session_token == "t2");
}

TEST_CASE("credentials_json: empty, non-JSON, missing fields and bad Expiration give the upstream texts",
          "[credentials][credentials_json]") {
  auto empty = parse_credentials_json("  \n", catalog);
  REQUIRE_FALSE(empty);
  CHECK(empty.error().message == "Catalog credential endpoint returned an empty response");

  auto html = parse_credentials_json("<html><body>Quilt</body></html>", catalog);
  REQUIRE_FALSE(html);
  CHECK(html.error().message == "Catalog credential endpoint returned non-JSON response: <html><body>Quilt</body></html>");

  auto missing = parse_credentials_json(R"({"AccessKeyId":"ASIA","Expiration":"2024-02-20T15:00:00Z"})", catalog);
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message ==
        "Invalid credential response: missing fields [SecretAccessKey, SessionToken] (from Catalog credential endpoint)");

  auto wrong_type = parse_credentials_json(R"({"AccessKeyId":7,"SecretAccessKey":"s","SessionToken":"t","Expiration":"2024-02-20T15:00:00Z"})", catalog);
  REQUIRE_FALSE(wrong_type);
  CHECK(wrong_type.error().message.find("missing fields [AccessKeyId]") != std::string::npos);

  auto bad_time = parse_credentials_json(
      R"({"AccessKeyId":"A","SecretAccessKey":"s","SessionToken":"t","Expiration":"tomorrow"})", catalog);
  REQUIRE_FALSE(bad_time);
  CHECK(bad_time.error().message.find("Expiration 'tomorrow'") != std::string::npos);
  CHECK(bad_time.error().message.find("not an RFC 3339 timestamp") != std::string::npos);
}

TEST_CASE("credentials_json: a non-JSON answer is quoted redacted and cut at 200 characters",
          "[credentials][credentials_json]") {
  const std::string body = "SecretAccessKey=abcdefgh0123456789 " + std::string(300, 'x');
  auto e = parse_credentials_json(body, catalog);
  REQUIRE_FALSE(e);
  CHECK(e.error().message.find("abcdefgh0123456789") == std::string::npos);
  CHECK(e.error().message.size() < 320);
  CHECK(e.error().message.substr(e.error().message.size() - 3) == "...");
}

TEST_CASE("environment_provider: keys, session token and partial configuration", "[credentials][environment_provider]") {
  environment_provider none(fixed_environment({}));
  auto skipped = none.read();
  REQUIRE_FALSE(skipped);
  CHECK(is_not_configured(skipped.error()));

  environment_provider half(fixed_environment({{"AWS_ACCESS_KEY_ID", "AKID"}}));
  auto partial = half.read();
  REQUIRE_FALSE(partial);
  CHECK(partial.error().field == "AWS_SECRET_ACCESS_KEY");
  CHECK_FALSE(is_not_configured(partial.error()));

  environment_provider full(fixed_environment(
      {{"AWS_ACCESS_KEY_ID", "AKID"}, {"AWS_SECRET_ACCESS_KEY", "sec"}, {"AWS_SESSION_TOKEN", "tok"}}));
  auto c = test::run_awaitable(full.fetch());
  REQUIRE(c);
  CHECK(c->session_token == "tok");
  CHECK(c->source == "environment");
}

TEST_CASE("container_provider: URL from the relative or full URI, plain http only to allowed hosts",
          "[credentials][container_provider]") {
  CHECK(*container_credentials_url(fixed_environment({{"AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc"}})) ==
        "http://169.254.170.2/v2/credentials/abc");
  CHECK(*container_credentials_url(fixed_environment({{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:8080/creds"}})) ==
        "http://127.0.0.1:8080/creds");
  CHECK(*container_credentials_url(fixed_environment({{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.170.23/v1/credentials"}})) ==
        "http://169.254.170.23/v1/credentials");
  CHECK(*container_credentials_url(fixed_environment({{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "https://creds.example.com/x"}})) ==
        "https://creds.example.com/x");
  auto remote = container_credentials_url(fixed_environment({{"AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://evil.example.com/x"}}));
  REQUIRE_FALSE(remote);
  CHECK(remote.error().field == "AWS_CONTAINER_CREDENTIALS_FULL_URI");
  auto none = container_credentials_url(fixed_environment({}));
  REQUIRE_FALSE(none);
  CHECK(is_not_configured(none.error()));
}
