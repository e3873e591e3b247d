#pragma once
// ListMultipartUploads: GET /{bucket}?uploads, one page: for sweeping orphaned uploads and for
// tests that check nothing was left open.
#include "core/error.hpp"
#include "http/response.hpp"
#include "s3/operation.hpp"

#include <optional>
#include <string>
#include <vector>

namespace quiltup::s3 {

struct list_multipart_uploads_request {
  std::string bucket;
  std::string prefix;
  std::string key_marker;
  std::string upload_id_marker;
  std::optional<int> max_uploads;
};

struct multipart_upload_info {
  std::string key;
  std::string upload_id;
  std::string initiated;  // ISO 8601 as sent
};

struct list_multipart_uploads_result : response_meta {
  std::vector<multipart_upload_info> uploads;
  bool is_truncated = false;
  std::string next_key_marker;
  std::string next_upload_id_marker;
};

result<operation_request> build_list_multipart_uploads(list_multipart_uploads_request request);
result<list_multipart_uploads_result> parse_list_multipart_uploads(const http::response& response);

}  // namespace quiltup::s3
