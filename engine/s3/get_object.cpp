#include "s3/get_object.hpp"

#include "s3/object_key.hpp"
#include "s3/query_builder.hpp"
#include "s3/request_checks.hpp"

namespace quiltup::s3 {

result<operation_request> build_get_object(get_object_request request) {
  if (auto r = check_bucket(request.bucket); !r) return r.error();
  if (auto r = validate_object_key(request.key); !r) return r.error();
  operation_request op;
  op.step = "GetObject";
  op.method = "GET";
  op.bucket = std::move(request.bucket);
  op.key = std::move(request.key);
  op.query = query_builder{}.add_if("versionId", request.version_id).str();
  if (!request.range.empty()) op.headers.set("Range", request.range);
  if (request.checksum_mode) op.headers.set("x-amz-checksum-mode", "ENABLED");
  // The body is object data: an object may legitimately contain an <Error> document.
  op.check_error_body = false;
  return op;
}

result<get_object_result> parse_get_object(const http::response& response) {
  get_object_result r;
  static_cast<head_object_result&>(r) = read_object_headers(response.headers);
  r.body = response.body;
  return r;
}

}  // namespace quiltup::s3
