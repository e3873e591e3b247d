#include "s3/list_multipart_uploads.hpp"

#include "s3/query_builder.hpp"
#include "s3/request_checks.hpp"
#include "s3/xml.hpp"

namespace quiltup::s3 {

result<operation_request> build_list_multipart_uploads(list_multipart_uploads_request request) {
  if (auto r = check_bucket(request.bucket); !r) return r.error();
  query_builder q;
  q.add_flag("uploads");
  q.add_if("prefix", request.prefix);
  q.add_if("key-marker", request.key_marker);
  q.add_if("upload-id-marker", request.upload_id_marker);
  if (request.max_uploads) q.add("max-uploads", std::to_string(*request.max_uploads));
  operation_request op;
  op.step = "ListMultipartUploads";
  op.method = "GET";
  op.bucket = std::move(request.bucket);
  op.query = q.str();
  return op;
}

result<list_multipart_uploads_result> parse_list_multipart_uploads(const http::response& response) {
  auto doc = xml::parse(response.body, "ListMultipartUploads");
  if (!doc) return doc.error();
  auto root = doc->root();
  list_multipart_uploads_result r;
  r.is_truncated = xml::child_bool(root, "IsTruncated");
  r.next_key_marker = xml::child_text(root, "NextKeyMarker");
  r.next_upload_id_marker = xml::child_text(root, "NextUploadIdMarker");
  xml::for_each_child(root, "Upload", [&](pugi::xml_node n) {
    r.uploads.push_back({xml::child_text(n, "Key"), xml::child_text(n, "UploadId"), xml::child_text(n, "Initiated")});
  });
  return r;
}

}  // namespace quiltup::s3
