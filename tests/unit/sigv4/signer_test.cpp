#include "core/error.hpp"
#include "sigv4/signer.hpp"

#include <catch2/catch.hpp>

using namespace quiltup;
using namespace quiltup::sigv4;
using namespace std::chrono;

namespace {

signing_params s3_params() {
  signing_params p;
  p.region = "us-east-1";
  p.time = sys_days{2013y / May / 24};
  p.credentials.access_key_id = "AKIAIOSFODNN7EXAMPLE";
  p.credentials.secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  return p;
}

request_view put_request() {
  return {"PUT", "/bucket/a/../key%20x", "partNumber=1&uploadId=abc",
          {{"Host", "s3.example.com"}, {"Content-Length", "5"}, {"Content-Type", "text/plain"}}};
}

bool has_header(const header_list& h, std::string_view name) {
  for (const auto& [n, v] : h)
    if (n == name) return true;
  return false;
}

error caught(auto&& fn) {
  try {
    fn();
  } catch (const failure& f) {
    return f.info();
  }
  return {};
}

}  // namespace

TEST_CASE("sign_headers: S3 request gets X-Amz-Date and x-amz-content-sha256, both signed",
          "[sigv4][signer]") {
  auto p = s3_params();
  p.payload_hash = "UNSIGNED-PAYLOAD";
  auto r = sign_headers(put_request(), p);
  REQUIRE(r.added_headers.size() == 2);
  CHECK(r.added_headers[0] == std::pair<std::string, std::string>{"X-Amz-Date", "20130524T000000Z"});
  CHECK(r.added_headers[1] ==
        std::pair<std::string, std::string>{"x-amz-content-sha256", "UNSIGNED-PAYLOAD"});
  CHECK(r.signed_headers == "content-length;content-type;host;x-amz-content-sha256;x-amz-date");
  // S3 path: as sent, not normalized, not re-encoded.
  CHECK(r.canonical_request.starts_with("PUT\n/bucket/a/../key%20x\npartNumber=1&uploadId=abc\n"));
  CHECK(r.canonical_request.ends_with("\nUNSIGNED-PAYLOAD"));
  CHECK(r.authorization ==
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
        "SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date, Signature=" +
            r.signature);
  CHECK(r.signature.size() == 64);
}

TEST_CASE("sign_headers: no payload hash and no header means the empty body's hash",
          "[sigv4][signer]") {
  auto r = sign_headers(put_request(), s3_params());
  CHECK(r.canonical_request.ends_with(
      "\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  auto p = s3_params();
  p.content_sha256_header = false;
  CHECK_FALSE(has_header(sign_headers(put_request(), p).added_headers, "x-amz-content-sha256"));
}

TEST_CASE("sign_headers: the caller's signed set, plus what SigV4 always signs", "[sigv4][signer]") {
  auto p = s3_params();
  p.payload_hash = "UNSIGNED-PAYLOAD";
  p.signed_headers = {"content-type"};
  auto r = sign_headers(put_request(), p);
  CHECK(r.signed_headers == "content-type;host;x-amz-content-sha256;x-amz-date");
  CHECK(r.canonical_request.find("content-length") == std::string::npos);

  // Changing an unsigned header does not change the signature; changing a signed one does.
  auto other = put_request();
  other.headers[1].second = "6";
  CHECK(sign_headers(other, p).signature == r.signature);
  other.headers[2].second = "text/html";
  CHECK(sign_headers(other, p).signature != r.signature);
}

TEST_CASE("sign_headers: session token added and signed, or added after signing", "[sigv4][signer]") {
  auto p = s3_params();
  p.credentials.session_token = "token/+=";
  auto r = sign_headers(put_request(), p);
  CHECK(has_header(r.added_headers, "X-Amz-Security-Token"));
  CHECK(r.signed_headers.find("x-amz-security-token") != std::string::npos);
  CHECK(r.canonical_request.find("x-amz-security-token:token/+=\n") != std::string::npos);

  p.omit_session_token = true;
  auto omitted = sign_headers(put_request(), p);
  CHECK(has_header(omitted.added_headers, "X-Amz-Security-Token"));
  CHECK(omitted.signed_headers.find("x-amz-security-token") == std::string::npos);
}

TEST_CASE("sign_headers: caller bugs are reported with the field and the fix", "[sigv4][signer]") {
  auto p = s3_params();
  auto no_host = put_request();
  no_host.headers.erase(no_host.headers.begin());
  auto e = caught([&] { sign_headers(no_host, p); });
  CHECK(e.code == "InvalidArgument");
  CHECK(e.message.find("Host") != std::string::npos);

  p.signed_headers = {"x-amz-meta-missing"};
  e = caught([&] { sign_headers(put_request(), p); });
  CHECK(e.field == "signing_params.signed_headers");
  CHECK(e.message.find("x-amz-meta-missing") != std::string::npos);
  CHECK_FALSE(e.hint.empty());

  p = s3_params();
  auto dated = put_request();
  dated.headers.emplace_back("X-Amz-Date", "20000101T000000Z");
  e = caught([&] { sign_headers(dated, p); });
  CHECK(e.field == "request.headers");

  auto hashed = put_request();
  hashed.headers.emplace_back("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
  p.payload_hash = std::string(64, 'a');
  e = caught([&] { sign_headers(hashed, p); });
  CHECK(e.field == "signing_params.payload_hash");

  p = s3_params();
  p.credentials.secret_access_key.clear();
  e = caught([&] { sign_headers(put_request(), p); });
  CHECK(e.field == "signing_params.credentials");
}

TEST_CASE("presign: X-Amz-* parameters after the request's own, signature last", "[sigv4][signer]") {
  auto p = s3_params();
  auto r = presign(put_request(), p, hours(1));
  CHECK(r.presigned_query.starts_with(
      "partNumber=1&uploadId=abc&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
      "AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z"
      "&X-Amz-Expires=3600&X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost"));
  CHECK(r.presigned_query.ends_with("&X-Amz-Signature=" + r.signature));
  CHECK(r.added_headers.empty());
  CHECK(r.authorization.empty());
  // S3 presigned URLs do not cover the body.
  CHECK(r.canonical_request.ends_with("\nUNSIGNED-PAYLOAD"));
  p.service = "service";
  CHECK(presign(put_request(), p, hours(1))
            .canonical_request.ends_with(
                "\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

TEST_CASE("presign: session token in the signed query, or only in the URL when omitted",
          "[sigv4][signer]") {
  auto p = s3_params();
  p.credentials.session_token = "a/b+c";
  auto r = presign(put_request(), p, seconds(60));
  CHECK(r.presigned_query.find("&X-Amz-Security-Token=a%2Fb%2Bc&") != std::string::npos);
  CHECK(r.canonical_request.find("X-Amz-Security-Token=a%2Fb%2Bc") != std::string::npos);
  p.omit_session_token = true;
  auto omitted = presign(put_request(), p, seconds(60));
  CHECK(omitted.presigned_query.find("&X-Amz-Security-Token=a%2Fb%2Bc&") != std::string::npos);
  CHECK(omitted.canonical_request.find("X-Amz-Security-Token") == std::string::npos);
}

TEST_CASE("presign: expiry must be 1 s to 7 days", "[sigv4][signer]") {
  auto p = s3_params();
  CHECK_NOTHROW(presign(put_request(), p, seconds(604800)));
  CHECK_NOTHROW(presign(put_request(), p, seconds(1)));
  auto e = caught([&] { presign(put_request(), p, seconds(604801)); });
  CHECK(e.field == "expires");
  CHECK(caught([&] { presign(put_request(), p, seconds(0)); }).field == "expires");
}
