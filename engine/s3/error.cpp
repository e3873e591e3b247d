#include "s3/error.hpp"

#include "s3/xml.hpp"

#include <array>

namespace quiltup::s3 {
namespace {

struct code_entry {
  std::string_view code;
  failure_kind kind;
  std::string_view description;  // used when the server sent no <Message>
  std::string_view hint;
};

// THE table (s3-facts §6). Codes not listed fall back to the HTTP status below.
constexpr code_entry table[] = {
    // Transport failures (status 0) are classified once, by http::client (transport_error.cpp);
    // should_retry() keeps its verdict. Only our own parse failure is listed here.
    {"MalformedResponse", failure_kind::transient, "the response could not be parsed", ""},
    // server
    {"InternalError", failure_kind::server, "the server had an internal error", ""},
    {"InternalErrors", failure_kind::server, "the server had an internal error", ""},
    // throttling: also slows the shared pacer
    {"SlowDown", failure_kind::throttle, "the server asked to slow down", "lower the concurrency if this persists"},
    {"ServiceUnavailable", failure_kind::throttle, "the service is unavailable", ""},
    {"Throttling", failure_kind::throttle, "the request was throttled", ""},
    {"ThrottlingException", failure_kind::throttle, "the request was throttled", ""},
    {"RequestLimitExceeded", failure_kind::throttle, "the request rate limit was exceeded", ""},
    {"RequestThrottled", failure_kind::throttle, "the request was throttled", ""},
    {"TooManyRequests", failure_kind::throttle, "too many requests", ""},
    // special retries
    {"RequestTimeout", failure_kind::request_timeout, "the server timed out waiting for the request body", ""},
    {"RequestTimeTooSkewed", failure_kind::clock_skew, "the local clock differs too much from the server's", "sync the system clock (NTP)"},
    {"ExpiredToken", failure_kind::expired_token, "the session token has expired", "refresh the temporary credentials"},
    {"TokenRefreshRequired", failure_kind::expired_token, "the session token must be refreshed", "refresh the temporary credentials"},
    {"BadDigest", failure_kind::bad_digest, "the body did not match the checksum sent with it", "the data changed while it was read, or was corrupted in transit"},
    // fatal
    {"AccessDenied", failure_kind::fatal, "access denied", "check that the credentials may write to this bucket and key"},
    {"InvalidAccessKeyId", failure_kind::fatal, "the access key id is not known to the server", "check AWS_ACCESS_KEY_ID"},
    {"SignatureDoesNotMatch", failure_kind::fatal, "the request signature does not match the signature the server calculated",
     "check that AWS_SECRET_ACCESS_KEY belongs to AWS_ACCESS_KEY_ID, and the region (AWS_REGION)"},
    {"NoSuchBucket", failure_kind::fatal, "the bucket does not exist", "create it first (quiltup mb s3://BUCKET) or fix the bucket name"},
    {"NoSuchKey", failure_kind::fatal, "the object does not exist", "check the key"},
    {"NoSuchUpload", failure_kind::fatal, "the multipart upload does not exist (completed or aborted)", ""},
    {"EntityTooLarge", failure_kind::fatal, "the body is larger than S3 allows for one request", "use a multipart upload (parts ≤ 5 GiB)"},
    {"EntityTooSmall", failure_kind::fatal, "a part other than the last is smaller than 5 MiB", "use parts of at least 5 MiB"},
    {"InvalidPart", failure_kind::fatal, "a listed part was not found or its ETag does not match", ""},
    {"InvalidPartOrder", failure_kind::fatal, "the parts were not listed in ascending order", ""},
    {"InvalidRequest", failure_kind::fatal, "the request is invalid", ""},
    {"InvalidBucketName", failure_kind::fatal, "the bucket name is not valid", "use 3-63 characters: a-z, 0-9, '.', '-'"},
    {"BucketAlreadyExists", failure_kind::fatal, "the bucket name is taken", "choose another bucket name"},
    {"XAmzContentSHA256Mismatch", failure_kind::fatal, "the body did not match its signed SHA-256", "the data changed while it was read"},
};

const code_entry* find_code(std::string_view code) noexcept {
  for (const auto& e : table)
    if (e.code == code) return &e;
  return nullptr;
}

failure_kind kind_from_status(int status) noexcept {
  if (status == 503 || status == 429) return failure_kind::throttle;
  if (status == 500 || status == 502 || status == 504) return failure_kind::server;
  return failure_kind::fatal;
}

// Status-only answers (HEAD, or a proxy's HTML page) still need a code to branch on.
std::string code_from_status(int status, std::string_view step) {
  switch (status) {
    case 301: return "PermanentRedirect";
    case 400: return "BadRequest";
    case 403: return "AccessDenied";
    case 404: return step.starts_with("HeadObject") ? "NoSuchKey" : "NotFound";
    case 405: return "MethodNotAllowed";
    case 409: return "Conflict";
    case 412: return "PreconditionFailed";
    case 429: return "TooManyRequests";
    case 500: return "InternalError";
    case 503: return "ServiceUnavailable";
    default: return "HttpError" + std::to_string(status);
  }
}

// Server text is untrusted: no control characters, bounded length.
std::string clean(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (out.size() >= 400) {
      out += "...";
      break;
    }
    out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? ' ' : c;
  }
  return out;
}

std::string_view skip_prolog(std::string_view body) noexcept {
  for (;;) {
    auto start = body.find_first_not_of(" \t\r\n");
    if (start == std::string_view::npos) return {};
    body = body.substr(start);
    if (body.starts_with("<?") || body.starts_with("<!--")) {
      auto end = body.find(body.starts_with("<?") ? "?>" : "-->");
      if (end == std::string_view::npos) return {};
      body = body.substr(end + 2);
      continue;
    }
    return body;
  }
}

}  // namespace

classification classify(std::string_view code, int http_status) noexcept {
  const auto* entry = find_code(code);
  failure_kind kind = entry ? entry->kind : kind_from_status(http_status);
  // A 503 is throttling whatever the code says (s3-facts §6).
  if (http_status == 503 || http_status == 429) kind = failure_kind::throttle;
  classification c;
  c.kind = kind;
  c.retryable = kind != failure_kind::fatal;
  c.throttle = kind == failure_kind::throttle;
  if (kind == failure_kind::expired_token || kind == failure_kind::bad_digest) c.max_retries = 1;
  if (kind == failure_kind::clock_skew) c.max_retries = 2;
  return c;
}

bool is_error_document(std::string_view body) noexcept {
  body = skip_prolog(body);
  if (!body.starts_with("<")) return false;
  auto end = body.find_first_of(" \t\r\n/>", 1);
  if (end == std::string_view::npos) return false;
  auto name = body.substr(1, end - 1);
  if (auto colon = name.find(':'); colon != std::string_view::npos) name = name.substr(colon + 1);
  return name == "Error";
}

error error_from_response(const http::response& response, std::string_view step) {
  error e;
  e.http_status = response.status;
  e.step = std::string(step);
  std::string server_message;
  if (is_error_document(response.body)) {
    if (auto doc = xml::parse(response.body, step)) {
      auto root = doc->root();
      e.code = xml::child_text(root, "Code");
      server_message = xml::child_text(root, "Message");
      e.request_id = xml::child_text(root, "RequestId");
    }
  }
  if (e.code.empty()) e.code = code_from_status(response.status, step);
  if (e.request_id.empty())
    if (auto id = response.headers.get("x-amz-request-id")) e.request_id = std::string(*id);
  const auto* entry = find_code(e.code);
  if (!server_message.empty()) e.message = clean(server_message);
  else if (entry) e.message = std::string(entry->description);
  else e.message = "HTTP " + std::to_string(response.status) + " without an error document";
  if (entry) e.hint = std::string(entry->hint);
  e.retryable = classify(e.code, e.http_status).retryable;
  return e;
}

error annotate_transport_error(error e, std::string_view step) {
  if (e.step.empty()) e.step = std::string(step);
  return e;
}

}  // namespace quiltup::s3
