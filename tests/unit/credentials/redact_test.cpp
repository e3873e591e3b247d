#include "core/redact.hpp"

#include "support/result_printer.hpp"

#include <catch2/catch.hpp>

using quiltup::redact;
using quiltup::redactor;

namespace {
const std::string jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6InVzZXIiLCJleHAiOjE3fQ.Ab-_c1d2e3f4g5h6i7j8k9";
}

TEST_CASE("redact: Authorization header values go, up to the end of the line", "[credentials][redact]") {
  const std::string sigv4 =
      "PUT /b/k\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/s3/aws4_request, "
      "SignedHeaders=host, Signature=abcdef0123456789\nHost: x";
  const std::string out = redact(sigv4);
  CHECK(out == "PUT /b/k\nAuthorization: [redacted]\nHost: x");
  CHECK(redact("authorization=Bearer abc.def") == "authorization=[redacted]");
}

TEST_CASE("redact: bearer tokens and JWT-looking strings go anywhere", "[credentials][redact]") {
  CHECK(redact("sent Bearer qk_live_1234567890 to the registry") == "sent Bearer [redacted] to the registry");
  CHECK(redact("token was " + jwt + ", rejected") == "token was [redacted], rejected");
  CHECK(redact("url?jwt=" + jwt) == "url?jwt=[redacted]");
}

TEST_CASE("redact: security tokens and secret fields in headers, queries, JSON and INI", "[credentials][redact]") {
  CHECK(redact("X-Amz-Security-Token: FwoGZXIvYXdzEJr//////////wEaDK") == "X-Amz-Security-Token: [redacted]");
  CHECK(redact("?X-Amz-Security-Token=FwoGZX%2Bab&X-Amz-Date=20240101") ==
        "?X-Amz-Security-Token=[redacted]&X-Amz-Date=20240101");
  CHECK(redact(R"({"AccessKeyId": "ASIAXYZ", "SecretAccessKey": "wJalr/XUtn+FEMI", "SessionToken":"IQoJb3J=="})") ==
        R"({"AccessKeyId": "ASIAXYZ", "SecretAccessKey": "[redacted]", "SessionToken":"[redacted]"})");
  CHECK(redact("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG\naws_session_token=abc") ==
        "aws_secret_access_key = [redacted]\naws_session_token=[redacted]");
  CHECK(redact(R"({"Token" : "imds-token-value"})") == R"({"Token" : "[redacted]"})");
}

TEST_CASE("redact: ordinary prose and access key ids survive", "[credentials][redact]") {
  const std::string prose =
      "JWT token did not include aws_credentials: the catalog did not issue keys (AccessKeyId ASIAEXAMPLE); "
      "Catalog credential endpoint returned an empty response";
  CHECK(redact(prose) == prose);
  CHECK(redact("") == "");
  CHECK(redact("eyJ.not.a.jwt") == "eyJ.not.a.jwt");
}

TEST_CASE("redactor: registered secrets go wherever they appear, plus the generic patterns", "[credentials][redact]") {
  redactor r;
  r.add_secret("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  r.add_secret("short");  // ignored: too short to be a credential
  CHECK(r("echo wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY twice wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") ==
        "echo [redacted] twice [redacted]");
  CHECK(r("short words stay") == "short words stay");
  CHECK(r("Bearer abcdefghijkl") == "Bearer [redacted]");
}
