#include "s3/create_multipart_upload.hpp"

#include "s3/object_key.hpp"
#include "s3/query_builder.hpp"
#include "s3/request_checks.hpp"
#include "s3/xml.hpp"

namespace quiltup::s3 {

result<operation_request> build_create_multipart_upload(create_multipart_upload_request request) {
  if (auto r = check_bucket(request.bucket); !r) return r.error();
  if (auto r = validate_object_key(request.key); !r) return r.error();
  operation_request op;
  op.step = "CreateMultipartUpload";
  op.method = "POST";
  op.bucket = std::move(request.bucket);
  op.key = std::move(request.key);
  op.query = query_builder{}.add_flag("uploads").str();
  if (auto r = add_object_headers(op.headers, request.content_type, request.metadata, request.cache_control,
                                  request.content_encoding, request.storage_class);
      !r)
    return r.error();
  if (request.checksum_algorithm != checksum_algorithm::none)
    op.headers.set("x-amz-checksum-algorithm", std::string(wire_name(request.checksum_algorithm)));
  if (request.checksum_type != checksum_type::unspecified) {
    if (request.checksum_algorithm == checksum_algorithm::none)
      return make_error("InvalidArgument", "a checksum type was given without a checksum algorithm", "checksum_algorithm",
                        "choose an algorithm (crc32c, crc64nvme, sha256) or drop checksum_type");
    op.headers.set("x-amz-checksum-type", std::string(wire_name(request.checksum_type)));
  }
  return op;
}

result<create_multipart_upload_result> parse_create_multipart_upload(const http::response& response) {
  auto doc = xml::parse(response.body, "CreateMultipartUpload");
  if (!doc) return doc.error();
  auto root = doc->root();
  create_multipart_upload_result r;
  r.bucket = xml::child_text(root, "Bucket");
  r.key = xml::child_text(root, "Key");
  r.upload_id = xml::child_text(root, "UploadId");
  if (auto v = response.headers.get("x-amz-checksum-algorithm")) r.checksum_algorithm = std::string(*v);
  if (auto v = response.headers.get("x-amz-checksum-type")) r.checksum_type = std::string(*v);
  if (r.upload_id.empty()) {
    error e = make_error("MalformedResponse", "CreateMultipartUpload answered without an <UploadId>", {},
                         "retry; if it persists the endpoint does not support multipart uploads");
    e.step = "CreateMultipartUpload";
    e.http_status = response.status;
    return e;
  }
  return r;
}

}  // namespace quiltup::s3
