#include "http/transport_error.hpp"

#include <catch2/catch.hpp>

using quiltup::http::cancelled_error;
using quiltup::http::transport_error;

TEST_CASE("transport_error: transient network failures are retryable with our codes", "[http][transport_error]") {
  struct row {
    CURLcode curl;
    const char* code;
    bool retryable;
  };
  const row rows[] = {
      {CURLE_COULDNT_CONNECT, "ConnectionFailed", true},
      {CURLE_OPERATION_TIMEDOUT, "Timeout", true},
      {CURLE_RECV_ERROR, "ConnectionReset", true},
      {CURLE_SEND_ERROR, "ConnectionReset", true},
      {CURLE_GOT_NOTHING, "EmptyReply", true},
      {CURLE_SSL_CONNECT_ERROR, "TlsError", true},
      {CURLE_PEER_FAILED_VERIFICATION, "TlsError", false},
      {CURLE_COULDNT_RESOLVE_HOST, "HostNotFound", true},
      {CURLE_ABORTED_BY_CALLBACK, "BodyReadFailed", false},
      {CURLE_URL_MALFORMAT, "InvalidArgument", false},
      {CURLE_FILESIZE_EXCEEDED, "HttpTransportError", false},
  };
  for (const auto& r : rows) {
    INFO(curl_easy_strerror(r.curl));
    auto e = transport_error(r.curl, "detail", "PUT", "http://h/k");
    CHECK(e.code == r.code);
    CHECK(e.retryable == r.retryable);
    CHECK_FALSE(e.hint.empty());
    CHECK(e.http_status == 0);
  }
}

TEST_CASE("transport_error: the message names the exchange but never the query", "[http][transport_error]") {
  auto e = transport_error(CURLE_COULDNT_CONNECT, "Failed to connect to h port 9: Connection refused", "GET",
                           "https://h:9/bucket/key?X-Amz-Credential=AKIA&X-Amz-Signature=deadbeef");
  CHECK(e.message.find("GET https://h:9/bucket/key") != std::string::npos);
  CHECK(e.message.find("Connection refused") != std::string::npos);
  CHECK(e.message.find("curl error 7") != std::string::npos);
  CHECK(e.message.find("X-Amz") == std::string::npos);
  CHECK(e.message.find("deadbeef") == std::string::npos);
  CHECK(transport_error(CURLE_URL_MALFORMAT, "bad", "GET", "nope").field == "url");
}

TEST_CASE("transport_error: cancellation has its own code and is not retryable", "[http][transport_error]") {
  auto e = cancelled_error("PUT", "http://h/k?partNumber=3&uploadId=x");
  CHECK(e.code == "Cancelled");
  CHECK_FALSE(e.retryable);
  CHECK(e.message.find("PUT http://h/k was cancelled") != std::string::npos);
}
