#pragma once
// PutBucketVersioning: PUT /{bucket}?versioning with <VersioningConfiguration>.
#include "core/error.hpp"
#include "http/response.hpp"
#include "s3/operation.hpp"

#include <string>

namespace quiltup::s3 {

struct put_bucket_versioning_request {
  std::string bucket;
  bool enabled = true;  // false: Suspended
};

struct put_bucket_versioning_result : response_meta {};

result<operation_request> build_put_bucket_versioning(put_bucket_versioning_request request);
result<put_bucket_versioning_result> parse_put_bucket_versioning(const http::response& response);

}  // namespace quiltup::s3
