#pragma once
// GetObject into memory: for tests and verification, not for bulk downloads.
#include "core/error.hpp"
#include "http/response.hpp"
#include "s3/head_object.hpp"
#include "s3/operation.hpp"

#include <string>

namespace quiltup::s3 {

struct get_object_request {
  std::string bucket;
  std::string key;
  std::string version_id;
  std::string range;  // "bytes=0-99"; empty: whole object
  bool checksum_mode = true;
};

struct get_object_result : head_object_result {
  std::string body;
};

result<operation_request> build_get_object(get_object_request request);
result<get_object_result> parse_get_object(const http::response& response);

}  // namespace quiltup::s3
