#include "s3/list_parts.hpp"

#include "s3/object_key.hpp"
#include "s3/query_builder.hpp"
#include "s3/request_checks.hpp"
#include "s3/xml.hpp"

namespace quiltup::s3 {

result<operation_request> build_list_parts(list_parts_request request) {
  if (auto r = check_bucket(request.bucket); !r) return r.error();
  if (auto r = validate_object_key(request.key); !r) return r.error();
  if (auto r = check_upload_id(request.upload_id); !r) return r.error();
  query_builder q;
  q.add("uploadId", request.upload_id);
  if (request.max_parts) q.add("max-parts", std::to_string(*request.max_parts));
  if (request.part_number_marker) q.add("part-number-marker", std::to_string(*request.part_number_marker));
  operation_request op;
  op.step = "ListParts";
  op.method = "GET";
  op.bucket = std::move(request.bucket);
  op.key = std::move(request.key);
  op.query = q.str();
  return op;
}

result<list_parts_result> parse_list_parts(const http::response& response) {
  auto doc = xml::parse(response.body, "ListParts");
  if (!doc) return doc.error();
  auto root = doc->root();
  list_parts_result r;
  r.is_truncated = xml::child_bool(root, "IsTruncated");
  r.next_part_number_marker = static_cast<int>(xml::child_u64(root, "NextPartNumberMarker"));
  xml::for_each_child(root, "Part", [&](pugi::xml_node n) {
    part_info p;
    p.part_number = static_cast<int>(xml::child_u64(n, "PartNumber"));
    p.etag = xml::child_text(n, "ETag");
    p.size = xml::child_u64(n, "Size");
    p.last_modified = xml::child_text(n, "LastModified");
    for (auto a : {checksum_algorithm::crc32, checksum_algorithm::crc32c, checksum_algorithm::crc64nvme,
                   checksum_algorithm::sha1, checksum_algorithm::sha256}) {
      auto value = xml::child_text(n, "Checksum" + std::string(wire_name(a)));
      if (!value.empty()) p.checksums.push_back({a, value});
    }
    r.parts.push_back(std::move(p));
  });
  return r;
}

}  // namespace quiltup::s3
