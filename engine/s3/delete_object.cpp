#include "s3/delete_object.hpp"

#include "s3/object_key.hpp"
#include "s3/query_builder.hpp"
#include "s3/request_checks.hpp"

namespace quiltup::s3 {

result<operation_request> build_delete_object(delete_object_request request) {
  if (auto r = check_bucket(request.bucket); !r) return r.error();
  if (auto r = validate_object_key(request.key); !r) return r.error();
  operation_request op;
  op.step = "DeleteObject";
  op.method = "DELETE";
  op.bucket = std::move(request.bucket);
  op.key = std::move(request.key);
  op.query = query_builder{}.add_if("versionId", request.version_id).str();
  return op;
}

result<delete_object_result> parse_delete_object(const http::response& response) {
  delete_object_result r;
  if (auto v = response.headers.get("x-amz-version-id")) r.version_id = std::string(*v);
  if (auto v = response.headers.get("x-amz-delete-marker")) r.delete_marker = (*v == "true");
  return r;
}

}  // namespace quiltup::s3
