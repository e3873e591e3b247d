#pragma once
// What every operation builder produces and every parser fills in: an unsigned S3 request
// (the client adds Host, dates, payload hash and Authorization right before each attempt), and
// the fields every result carries.
#include "http/body.hpp"
#include "http/headers.hpp"
#include "s3/payload.hpp"

#include <string>

namespace quiltup::s3 {

struct operation_request {
  std::string step;    // "PutObject", "UploadPart 7", ... (goes into error.step)
  std::string method;  // GET PUT POST DELETE HEAD
  std::string bucket;  // empty: service root
  std::string key;     // raw (unencoded); empty: bucket root
  std::string query;   // encoded and sorted (query_builder), identical on the wire and in the signature
  http::headers headers;
  http::body body;
  payload_mode payload = payload_mode::signed_payload;
  std::string payload_sha256;  // signed_payload: hex; empty → computed for an in-memory body
  // A 2xx whose body is an <Error> document is a failure (S3 does this on Complete). False only
  // where the body is object data (GetObject).
  bool check_error_body = true;
};

// Filled by the client, whatever the operation.
struct response_meta {
  std::string request_id;  // x-amz-request-id
  int http_status = 0;
  int attempts = 0;        // 1 when the first attempt succeeded
};

}  // namespace quiltup::s3
