#pragma once
// S3 failures as quiltup::error values, and the ONE table that says which of them are worth
// retrying (s3-facts §6). Everything that decides "retry or not" reads classify().
#include "core/error.hpp"
#include "http/response.hpp"

#include <string_view>

namespace quiltup::s3 {

enum class failure_kind {
  transient,      // a truncated/unparseable answer (transport failures keep http's own verdict): retry
  server,         // InternalError, 500/502/504: retry
  throttle,       // SlowDown, ServiceUnavailable, any 503, 429: retry and slow the pacer
  request_timeout,// 400 RequestTimeout: retry (the body must be ready before the request starts)
  clock_skew,     // RequestTimeTooSkewed: re-sign with the server's clock, retry
  expired_token,  // ExpiredToken, TokenRefreshRequired: fresh credentials, retry once
  bad_digest,     // BadDigest: re-read the body, retry once
  fatal,          // everything else: fail now
};

struct classification {
  failure_kind kind = failure_kind::fatal;
  bool retryable = false;
  bool throttle = false;
  int max_retries = -1;  // -1: the retry policy's limit; otherwise a tighter per-kind cap
};

// `code` is the S3 <Code> or one of http::client's transport codes; status 0 = no response.
classification classify(std::string_view code, int http_status) noexcept;

// True when the body's root element (after whitespace and an XML declaration) is <Error>.
bool is_error_document(std::string_view body) noexcept;

// Any non-2xx response, or a 2xx whose body is an <Error> document, as an error value:
// code/message/request id from the XML (or from status and x-amz-request-id when there is
// no body, as with HEAD), retryable per classify(), step = the operation name.
error error_from_response(const http::response& response, std::string_view step);

// Names the step on a transport error; its retryable flag stays http::client's verdict.
error annotate_transport_error(error e, std::string_view step);

}  // namespace quiltup::s3
