#include "s3/error.hpp"

#include <catch2/catch.hpp>

using namespace quiltup;

namespace {

http::response respond(int status, std::string body) {
  http::response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

}  // namespace

TEST_CASE("error: an <Error> body gives code, message, request id and status", "[s3][error]") {
  auto e = s3::error_from_response(
      respond(403, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>SignatureDoesNotMatch</Code>"
                   "<Message>The request signature we calculated does not match</Message>"
                   "<RequestId>4442587FB7D0A2F9</RequestId><HostId>x</HostId></Error>"),
      "PutObject");
  CHECK(e.code == "SignatureDoesNotMatch");
  CHECK(e.message == "The request signature we calculated does not match");
  CHECK(e.request_id == "4442587FB7D0A2F9");
  CHECK(e.http_status == 403);
  CHECK(e.step == "PutObject");
  CHECK_FALSE(e.retryable);
  CHECK(e.hint.find("AWS_SECRET_ACCESS_KEY") != std::string::npos);
}

TEST_CASE("error: an empty <Message> falls back to the table's description", "[s3][error]") {
  auto e = s3::error_from_response(respond(403, "<Error><Code>SignatureDoesNotMatch</Code><Message></Message></Error>"),
                                   "PutObject");
  CHECK(e.message.find("signature does not match") != std::string::npos);
}

TEST_CASE("error: a 200 whose body is <Error> after keep-alive whitespace is an error document", "[s3][error]") {
  std::string body = "\n   \n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again."
                     "</Message><RequestId>R1</RequestId><HostId>H</HostId></Error>";
  CHECK(s3::is_error_document(body));
  auto e = s3::error_from_response(respond(200, body), "CompleteMultipartUpload");
  CHECK(e.code == "InternalError");
  CHECK(e.http_status == 200);
  CHECK(e.retryable);
  CHECK(e.request_id == "R1");
}

TEST_CASE("error: success documents are not error documents", "[s3][error]") {
  CHECK_FALSE(s3::is_error_document("<CompleteMultipartUploadResult><ETag>x</ETag></CompleteMultipartUploadResult>"));
  CHECK_FALSE(s3::is_error_document("<ErrorList/>"));
  CHECK_FALSE(s3::is_error_document(""));
  CHECK_FALSE(s3::is_error_document("   "));
  CHECK(s3::is_error_document("<s3:Error xmlns:s3=\"x\"><s3:Code>SlowDown</s3:Code></s3:Error>"));
  CHECK(s3::is_error_document("<Error/>"));
}

TEST_CASE("error: a body-less answer is named from its status", "[s3][error]") {
  http::response r = respond(404, "");
  r.headers.add("x-amz-request-id", "RID");
  auto head = s3::error_from_response(r, "HeadObject");
  CHECK(head.code == "NoSuchKey");
  CHECK(head.request_id == "RID");
  CHECK(s3::error_from_response(respond(503, ""), "PutObject").code == "ServiceUnavailable");
  CHECK(s3::error_from_response(respond(503, ""), "PutObject").retryable);
  CHECK(s3::error_from_response(respond(418, "<html>teapot</html>"), "PutObject").code == "HttpError418");
}

TEST_CASE("error: server text is cleaned of control characters", "[s3][error]") {
  auto e = s3::error_from_response(respond(400, "<Error><Code>X</Code><Message>a&#10;b&#27;c</Message></Error>"), "PutObject");
  CHECK(e.message == "a b c");
}

TEST_CASE("error table: retryable, throttle and per-kind caps (s3-facts §6)", "[s3][error]") {
  struct row {
    const char* code;
    int status;
    s3::failure_kind kind;
    bool retryable;
    bool throttle;
  };
  using k = s3::failure_kind;
  const row rows[] = {
      {"InternalError", 500, k::server, true, false},
      {"", 502, k::server, true, false},
      {"", 504, k::server, true, false},
      {"SlowDown", 503, k::throttle, true, true},
      {"ServiceUnavailable", 503, k::throttle, true, true},
      {"InternalError", 503, k::throttle, true, true},  // any 503 throttles
      {"", 429, k::throttle, true, true},
      {"RequestTimeout", 400, k::request_timeout, true, false},
      {"RequestTimeTooSkewed", 403, k::clock_skew, true, false},
      {"ExpiredToken", 400, k::expired_token, true, false},
      {"TokenRefreshRequired", 400, k::expired_token, true, false},
      {"BadDigest", 400, k::bad_digest, true, false},
      {"SlowDown", 200, k::throttle, true, true},  // 200 with <Error>
      {"AccessDenied", 403, k::fatal, false, false},
      {"InvalidAccessKeyId", 403, k::fatal, false, false},
      {"SignatureDoesNotMatch", 403, k::fatal, false, false},
      {"NoSuchBucket", 404, k::fatal, false, false},
      {"EntityTooLarge", 400, k::fatal, false, false},
      {"EntityTooSmall", 400, k::fatal, false, false},
      {"InvalidPart", 400, k::fatal, false, false},
      {"InvalidPartOrder", 400, k::fatal, false, false},
      {"InvalidRequest", 400, k::fatal, false, false},
      {"NoSuchUpload", 404, k::fatal, false, false},
      {"SomethingNew", 400, k::fatal, false, false},
  };
  for (const auto& r : rows) {
    INFO(r.code << " " << r.status);
    auto c = s3::classify(r.code, r.status);
    CHECK(c.kind == r.kind);
    CHECK(c.retryable == r.retryable);
    CHECK(c.throttle == r.throttle);
  }
  CHECK(s3::classify("BadDigest", 400).max_retries == 1);
  CHECK(s3::classify("ExpiredToken", 400).max_retries == 1);
  CHECK(s3::classify("InternalError", 500).max_retries == -1);
}
