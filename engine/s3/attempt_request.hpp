#pragma once
// One attempt's wire request: the operation's headers plus Host, the payload mode's headers
// and body (aws-chunked encoder for streaming), signed for `time`. Pure: time and credentials
// are parameters, so each retry builds a fresh one and the signature is never stale.
#include "core/aws_credentials.hpp"
#include "core/error.hpp"
#include "http/request.hpp"
#include "s3/endpoint.hpp"
#include "s3/operation.hpp"

#include <chrono>

namespace quiltup::s3 {

struct attempt_options {
  std::size_t chunk_size = 64 * 1024;  // aws-chunked data bytes per chunk
};

// For payload_mode::signed_payload with an in-memory body and no precomputed hash, the caller
// computes the hash once (prepare_payload_hash) rather than on every attempt.
void prepare_payload_hash(operation_request& request);

result<http::request> make_attempt_request(const operation_request& request, const target& where,
                                           const std::string& region, const aws_credentials& credentials,
                                           std::chrono::system_clock::time_point time,
                                           const attempt_options& options = {});

}  // namespace quiltup::s3
