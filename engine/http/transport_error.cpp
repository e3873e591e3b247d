#include "http/transport_error.hpp"

#include <string>

namespace quiltup::http {

namespace {

struct classification {
  const char* code;
  bool retryable;
  const char* hint;
};

classification classify(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return {"HostNotFound", true, "check the endpoint host name and DNS"};
    case CURLE_COULDNT_CONNECT:
      return {"ConnectionFailed", true, "check that the endpoint is reachable and the port is right"};
    case CURLE_OPERATION_TIMEDOUT:
      return {"Timeout", true, "the peer was too slow; retry, or raise the request's timeouts"};
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return {"ConnectionReset", true, "the connection broke mid-exchange; retry"};
    case CURLE_GOT_NOTHING:
      return {"EmptyReply", true, "the server closed the connection without answering; retry"};
    case CURLE_WEIRD_SERVER_REPLY:
      return {"BadResponse", true, "the server's answer was not valid HTTP; check the endpoint"};
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_SHUTDOWN_FAILED:
      return {"TlsError", true, "the TLS handshake failed; retry, and check the endpoint speaks TLS"};
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
      // Retrying cannot fix a certificate: the configuration has to change.
      return {"TlsError", false, "check the server certificate and the CA bundle (client option ca_bundle)"};
    case CURLE_READ_ERROR:
    case CURLE_ABORTED_BY_CALLBACK:
      return {"BodyReadFailed", false, "check the source of the request body"};
    case CURLE_SEND_FAIL_REWIND:
      return {"BodyRewindFailed", true, "curl had to resend the body but it cannot rewind; retry with a fresh body"};
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return {"InvalidArgument", false, "pass an absolute http:// or https:// url"};
    case CURLE_OUT_OF_MEMORY:
      return {"OutOfMemory", false, "free memory or lower the number of concurrent requests"};
    default:
      return {"HttpTransportError", false, "see the message for libcurl's reason"};
  }
}

std::string_view without_query(std::string_view url) { return url.substr(0, url.find('?')); }

}  // namespace

error transport_error(CURLcode code, std::string_view detail, std::string_view method, std::string_view url) {
  const auto c = classify(code);
  error e = make_error(c.code,
                       std::string(method) + " " + std::string(without_query(url)) + ": " + std::string(detail) +
                           " (curl error " + std::to_string(static_cast<int>(code)) + ")",
                       c.code == std::string_view("InvalidArgument") ? "url" : "", c.hint);
  e.retryable = c.retryable;
  return e;
}

error cancelled_error(std::string_view method, std::string_view url) {
  return make_error("Cancelled",
                    std::string(method) + " " + std::string(without_query(url)) + " was cancelled before it completed",
                    {}, "nothing to do: the caller cancelled the request");
}

}  // namespace quiltup::http
