#pragma once
// DeleteObject: DELETE /{key}[?versionId=].
#include "core/error.hpp"
#include "http/response.hpp"
#include "s3/operation.hpp"

#include <string>

namespace quiltup::s3 {

struct delete_object_request {
  std::string bucket;
  std::string key;
  std::string version_id;
};

struct delete_object_result : response_meta {
  std::string version_id;
  bool delete_marker = false;
};

result<operation_request> build_delete_object(delete_object_request request);
result<delete_object_result> parse_delete_object(const http::response& response);

}  // namespace quiltup::s3
