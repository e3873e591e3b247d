#pragma once
// ListObjectsV2: GET /{bucket}?list-type=2, one page.
#include "core/error.hpp"
#include "http/response.hpp"
#include "s3/operation.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace quiltup::s3 {

struct list_objects_v2_request {
  std::string bucket;
  std::string prefix;
  std::string delimiter;
  std::string continuation_token;
  std::string start_after;
  std::optional<int> max_keys;
};

struct object_summary {
  std::string key;
  std::uint64_t size = 0;
  std::string etag;
  std::string last_modified;
  std::string storage_class;
};

struct list_objects_v2_result : response_meta {
  std::vector<object_summary> objects;
  std::vector<std::string> common_prefixes;
  bool is_truncated = false;
  std::string next_continuation_token;
  int key_count = 0;
};

result<operation_request> build_list_objects_v2(list_objects_v2_request request);
result<list_objects_v2_result> parse_list_objects_v2(const http::response& response);

}  // namespace quiltup::s3
