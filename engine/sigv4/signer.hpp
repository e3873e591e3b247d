#pragma once
// SigV4 for one HTTP request, in stages that are each testable on their own:
//   canonical_request → string_to_sign → signing_key (cached) → signature → Authorization.
// The signer is pure: time and credentials are parameters, nothing is read from the clock.
#include "core/aws_credentials.hpp"

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace quiltup::sigv4 {

using header_list = std::vector<std::pair<std::string, std::string>>;

// A request as it goes on the wire: `path` and `query` are already percent-encoded exactly
// as they will be sent (e.g. "/test%24file.text", "partNumber=1&uploadId=abc").
struct request_view {
  std::string method;
  std::string path;
  std::string query;
  header_list headers;  // must include Host
};

enum class path_rules {
  s3,       // no normalization, path used as sent (single encoding) — every S3 request
  generic,  // RFC 3986 dot-segment normalization, then each segment encoded again (other services)
};

struct signing_params {
  std::string region;
  std::string service = "s3";
  std::chrono::system_clock::time_point time;
  aws_credentials credentials;
  path_rules rules = path_rules::s3;
  // The value of x-amz-content-sha256 (hex SHA-256, UNSIGNED-PAYLOAD, STREAMING-...). When
  // empty the signer uses the hash found in the request's x-amz-content-sha256 header, or
  // the SHA-256 of an empty body.
  std::string payload_hash;
  // Lower-case names of the headers to sign; empty means every header in the request.
  std::vector<std::string> signed_headers;
  // Some services want the session token added after signing (aws-c-auth omit_session_token).
  bool omit_session_token = false;
};

struct signed_result {
  std::string canonical_request;
  std::string string_to_sign;
  std::string signature;       // lower-case hex
  std::string authorization;   // full Authorization header value (header signing only)
  header_list added_headers;   // X-Amz-Date, X-Amz-Security-Token, x-amz-content-sha256 as needed
  std::string presigned_query; // the full query string (presigning only)
};

// Header signing: the caller adds added_headers and `Authorization: authorization`.
signed_result sign_headers(const request_view& request, const signing_params& params);

// Query signing (presigned URL) valid for `expires`.
signed_result presign(const request_view& request, const signing_params& params,
                      std::chrono::seconds expires);

}  // namespace quiltup::sigv4
