#pragma once
// SigV4 for one HTTP request, in stages that are each testable on their own:
//   canonical_request → string_to_sign → signing_key (cached) → signature → Authorization.
// The signer is pure: time and credentials are parameters, nothing is read from the clock.
#include "core/aws_credentials.hpp"
#include "sigv4/request_view.hpp"

#include <chrono>
#include <string>
#include <vector>

namespace quiltup::sigv4 {

struct signing_params {
  std::string region;
  std::string service = "s3";
  std::chrono::system_clock::time_point time;
  aws_credentials credentials;
  path_rules rules = path_rules::s3;
  // The value of x-amz-content-sha256 (hex SHA-256, UNSIGNED-PAYLOAD, STREAMING-...). When
  // empty the signer uses the hash found in the request's x-amz-content-sha256 header, or
  // the SHA-256 of an empty body (presign: UNSIGNED-PAYLOAD when service is "s3", as S3
  // requires for presigned URLs).
  std::string payload_hash;
  // Header signing: add (and sign) x-amz-content-sha256 when the request lacks it. S3 requires
  // it on every request; other services do not know it (the generic suites sign without it).
  bool content_sha256_header = true;
  // Lower-case names of the headers to sign; empty means every header in the request. host,
  // x-amz-date, x-amz-content-sha256 and x-amz-security-token (unless omitted) are always
  // signed when present. Each name must be present in the request: the signer throws
  // quiltup::failure otherwise (a caller bug, never a runtime condition).
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
  std::string amz_date;        // "20130524T000000Z": with the scope, what chunk_signer chains from
  std::string credential_scope;
  std::string signed_headers;  // "host;x-amz-date"
};

// Header signing: the caller adds added_headers and `Authorization: authorization`.
// Throws quiltup::failure (InvalidArgument) on caller bugs: no Host header, a signed header
// the request lacks, an x-amz-date or x-amz-content-sha256 header that contradicts params.
signed_result sign_headers(const request_view& request, const signing_params& params);

// Query signing (presigned URL) valid for `expires` (1 s to 7 days, else quiltup::failure).
// presigned_query is the request's query followed by the X-Amz-* parameters, in canonical
// order, X-Amz-Signature last.
signed_result presign(const request_view& request, const signing_params& params,
                      std::chrono::seconds expires);

}  // namespace quiltup::sigv4
