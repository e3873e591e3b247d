#pragma once
// How the body is covered by SigV4 (x-amz-content-sha256, s3-facts §4). Separate from the
// checksum choice on purpose: any mode can carry an x-amz-checksum-* header.
namespace quiltup::s3 {

enum class payload_mode {
  // Hex SHA-256 of the body is signed. The caller passes it in `payload_sha256`, or the client
  // computes it for an in-memory body; a streaming body needs it precomputed.
  signed_payload,
  // UNSIGNED-PAYLOAD: nothing to hash; pair with a checksum over HTTPS.
  unsigned_payload,
  // aws-chunked STREAMING-AWS4-HMAC-SHA256-PAYLOAD: each chunk signed as it is sent, so a file
  // streams from disk with integrity over plain HTTP and without hashing it first.
  streaming_signed,
  // aws-chunked STREAMING-UNSIGNED-PAYLOAD-TRAILER: chunks unsigned, and the request's
  // x-amz-checksum-* value travels as a trailer after the body instead of as a header, as the
  // AWS SDKs send it over https. Needs a checksum. Some servers refuse it (Ceph RGW 16: 400).
  streaming_unsigned_trailer,
};

}  // namespace quiltup::s3
