#include "s3/request_checks.hpp"

#include <string>

namespace quiltup::s3 {

result<void> check_bucket(std::string_view bucket) {
  if (bucket.empty())
    return make_error("InvalidArgument", "the bucket name is empty", "bucket", "give the bucket, as in s3://BUCKET/key");
  if (bucket.find('/') != std::string_view::npos)
    return make_error("InvalidArgument", "the bucket name '" + std::string(bucket) + "' contains '/'", "bucket",
                      "put the path in the key, not the bucket");
  return {};
}

result<void> check_upload_id(std::string_view upload_id) {
  if (upload_id.empty())
    return make_error("InvalidArgument", "the upload id is empty", "upload_id",
                      "pass the UploadId returned by CreateMultipartUpload");
  return {};
}

result<void> check_part_number(int part_number, std::string_view field) {
  if (part_number < 1 || part_number > 10'000)
    return make_error("InvalidArgument", "part number " + std::to_string(part_number) + " is outside 1..10000",
                      std::string(field), "number parts from 1 to 10000");
  return {};
}

result<void> add_checksum_header(operation_request& request, const checksum& c, std::string_view field) {
  if (c.empty()) return {};
  if (c.value.empty())
    return make_error("InvalidArgument", "a " + std::string(wire_name(c.algorithm)) + " checksum was asked for without a value",
                      std::string(field) + ".value", "compute the base64 checksum before the request");
  request.headers.set(std::string(header_name(c.algorithm)), c.value);
  return {};
}

result<void> check_payload(const operation_request& request) {
  if (request.payload == payload_mode::signed_payload && request.body.is_streaming() && request.payload_sha256.empty())
    return make_error("InvalidArgument", "a streamed body cannot be signed without its SHA-256", "payload_sha256",
                      "pass the hex SHA-256 of the body, or use payload mode unsigned or streaming");
  if (!request.payload_sha256.empty() && request.payload_sha256.size() != 64)
    return make_error("InvalidArgument", "payload_sha256 must be 64 hex digits", "payload_sha256",
                      "pass the lower-case hex SHA-256 of the body");
  return {};
}

}  // namespace quiltup::s3
