#pragma once
// PutObject: PUT /{key} with the body, user metadata and optional checksum (≤ 5 GiB).
#include "core/error.hpp"
#include "http/response.hpp"
#include "s3/checksum.hpp"
#include "s3/operation.hpp"

#include <string>
#include <utility>
#include <vector>

namespace quiltup::s3 {

using metadata_list = std::vector<std::pair<std::string, std::string>>;  // names without "x-amz-meta-"

struct put_object_request {
  std::string bucket;
  std::string key;
  http::body body;
  std::string content_type;  // empty: application/octet-stream
  metadata_list metadata;
  std::string cache_control;
  std::string content_encoding;
  std::string storage_class;
  s3::checksum checksum;  // algorithm none: no checksum header
  payload_mode payload = payload_mode::signed_payload;
  std::string payload_sha256;  // signed_payload: precomputed hex, or empty for an in-memory body
};

struct put_object_result : response_meta {
  std::string etag;        // with its quotes, as S3 sent it
  std::string version_id;  // empty on an unversioned bucket
  echoed_checksums checksums;
};

result<operation_request> build_put_object(put_object_request request);
result<put_object_result> parse_put_object(const http::response& response);

// Shared with CreateMultipartUpload: Content-Type, Cache-Control, Content-Encoding,
// x-amz-storage-class, x-amz-meta-*; errors name the metadata entry at fault.
result<void> add_object_headers(http::headers& h, const std::string& content_type,
                                const metadata_list& metadata, const std::string& cache_control,
                                const std::string& content_encoding, const std::string& storage_class);

// "etag" without surrounding quotes (and without a W/ prefix).
std::string unquote_etag(std::string_view etag);

}  // namespace quiltup::s3
