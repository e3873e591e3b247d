#include "s3/upload_part.hpp"

#include "s3/object_key.hpp"
#include "s3/query_builder.hpp"
#include "s3/request_checks.hpp"

namespace quiltup::s3 {

result<operation_request> build_upload_part(upload_part_request request) {
  if (auto r = check_bucket(request.bucket); !r) return r.error();
  if (auto r = validate_object_key(request.key); !r) return r.error();
  if (auto r = check_upload_id(request.upload_id); !r) return r.error();
  if (auto r = check_part_number(request.part_number); !r) return r.error();
  operation_request op;
  op.step = "UploadPart " + std::to_string(request.part_number);
  op.method = "PUT";
  op.bucket = std::move(request.bucket);
  op.key = std::move(request.key);
  op.query = query_builder{}.add("partNumber", std::to_string(request.part_number)).add("uploadId", request.upload_id).str();
  if (auto r = add_checksum_header(op, request.checksum); !r) return r.error();
  // Names the algorithm of the header beside it, as the SDKs do; moto only stores the value
  // when both are present.
  if (!request.checksum.empty())
    op.headers.set("x-amz-sdk-checksum-algorithm", std::string(wire_name(request.checksum.algorithm)));
  op.body = std::move(request.body);
  op.payload = request.payload;
  op.payload_sha256 = std::move(request.payload_sha256);
  if (auto r = check_payload(op); !r) return r.error();
  return op;
}

result<upload_part_result> parse_upload_part(const http::response& response) {
  upload_part_result r;
  if (auto v = response.headers.get("ETag")) r.etag = std::string(*v);
  r.checksums = read_checksums(response.headers);
  if (r.etag.empty()) {
    error e = make_error("MalformedResponse", "UploadPart answered without an ETag", {}, "retry the part");
    e.retryable = true;
    e.step = "UploadPart";
    e.http_status = response.status;
    return e;
  }
  return r;
}

}  // namespace quiltup::s3
