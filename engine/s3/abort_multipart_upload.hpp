#pragma once
// AbortMultipartUpload: DELETE /{key}?uploadId=id (204).
#include "core/error.hpp"
#include "http/response.hpp"
#include "s3/operation.hpp"

#include <string>

namespace quiltup::s3 {

struct abort_multipart_upload_request {
  std::string bucket;
  std::string key;
  std::string upload_id;
};

struct abort_multipart_upload_result : response_meta {};

result<operation_request> build_abort_multipart_upload(abort_multipart_upload_request request);
result<abort_multipart_upload_result> parse_abort_multipart_upload(const http::response& response);

}  // namespace quiltup::s3
