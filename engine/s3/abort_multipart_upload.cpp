#include "s3/abort_multipart_upload.hpp"

#include "s3/object_key.hpp"
#include "s3/query_builder.hpp"
#include "s3/request_checks.hpp"

namespace quiltup::s3 {

result<operation_request> build_abort_multipart_upload(abort_multipart_upload_request request) {
  if (auto r = check_bucket(request.bucket); !r) return r.error();
  if (auto r = validate_object_key(request.key); !r) return r.error();
  if (auto r = check_upload_id(request.upload_id); !r) return r.error();
  operation_request op;
  op.step = "AbortMultipartUpload";
  op.method = "DELETE";
  op.bucket = std::move(request.bucket);
  op.key = std::move(request.key);
  op.query = query_builder{}.add("uploadId", request.upload_id).str();
  return op;
}

result<abort_multipart_upload_result> parse_abort_multipart_upload(const http::response&) {
  return abort_multipart_upload_result{};
}

}  // namespace quiltup::s3
