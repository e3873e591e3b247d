#pragma once
// CreateMultipartUpload: POST /{key}?uploads. Object headers and the checksum algorithm/type
// go here, not at Complete (s3-facts §2.1).
#include "core/error.hpp"
#include "http/response.hpp"
#include "s3/checksum.hpp"
#include "s3/operation.hpp"
#include "s3/put_object.hpp"

#include <string>

namespace quiltup::s3 {

struct create_multipart_upload_request {
  std::string bucket;
  std::string key;
  std::string content_type;  // empty: application/octet-stream
  metadata_list metadata;
  std::string cache_control;
  std::string content_encoding;
  std::string storage_class;
  s3::checksum_algorithm checksum_algorithm = s3::checksum_algorithm::none;
  s3::checksum_type checksum_type = s3::checksum_type::unspecified;
};

struct create_multipart_upload_result : response_meta {
  std::string bucket;
  std::string key;
  std::string upload_id;
  std::string checksum_algorithm;  // x-amz-checksum-algorithm echoed, when any
  std::string checksum_type;
};

result<operation_request> build_create_multipart_upload(create_multipart_upload_request request);
// Error "MalformedResponse" when the XML has no <UploadId>.
result<create_multipart_upload_result> parse_create_multipart_upload(const http::response& response);

}  // namespace quiltup::s3
