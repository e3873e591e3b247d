#pragma once
// CreateBucket: PUT /{bucket}, with a LocationConstraint outside us-east-1.
#include "core/error.hpp"
#include "http/response.hpp"
#include "s3/operation.hpp"

#include <string>

namespace quiltup::s3 {

struct create_bucket_request {
  std::string bucket;
  std::string region;  // empty or us-east-1: no body
};

struct create_bucket_result : response_meta {
  std::string location;
};

result<operation_request> build_create_bucket(create_bucket_request request);
result<create_bucket_result> parse_create_bucket(const http::response& response);

// 3-63 chars of a-z 0-9 . -, starting and ending with a letter or digit.
result<void> validate_bucket_name(std::string_view bucket, std::string_view field = "bucket");

}  // namespace quiltup::s3
