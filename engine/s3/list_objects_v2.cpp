#include "s3/list_objects_v2.hpp"

#include "s3/query_builder.hpp"
#include "s3/request_checks.hpp"
#include "s3/xml.hpp"

namespace quiltup::s3 {

result<operation_request> build_list_objects_v2(list_objects_v2_request request) {
  if (auto r = check_bucket(request.bucket); !r) return r.error();
  query_builder q;
  q.add("list-type", "2");
  q.add_if("prefix", request.prefix);
  q.add_if("delimiter", request.delimiter);
  q.add_if("continuation-token", request.continuation_token);
  q.add_if("start-after", request.start_after);
  if (request.max_keys) q.add("max-keys", std::to_string(*request.max_keys));
  operation_request op;
  op.step = "ListObjectsV2";
  op.method = "GET";
  op.bucket = std::move(request.bucket);
  op.query = q.str();
  return op;
}

result<list_objects_v2_result> parse_list_objects_v2(const http::response& response) {
  auto doc = xml::parse(response.body, "ListObjectsV2");
  if (!doc) return doc.error();
  auto root = doc->root();
  list_objects_v2_result r;
  r.is_truncated = xml::child_bool(root, "IsTruncated");
  r.next_continuation_token = xml::child_text(root, "NextContinuationToken");
  r.key_count = static_cast<int>(xml::child_u64(root, "KeyCount"));
  xml::for_each_child(root, "Contents", [&](pugi::xml_node n) {
    r.objects.push_back({xml::child_text(n, "Key"), xml::child_u64(n, "Size"), xml::child_text(n, "ETag"),
                         xml::child_text(n, "LastModified"), xml::child_text(n, "StorageClass")});
  });
  xml::for_each_child(root, "CommonPrefixes",
                      [&](pugi::xml_node n) { r.common_prefixes.push_back(xml::child_text(n, "Prefix")); });
  return r;
}

}  // namespace quiltup::s3
