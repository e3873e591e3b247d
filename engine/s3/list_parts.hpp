#pragma once
// ListParts: GET /{key}?uploadId=id, one page of up to 1,000 parts.
#include "core/error.hpp"
#include "http/response.hpp"
#include "s3/checksum.hpp"
#include "s3/operation.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace quiltup::s3 {

struct list_parts_request {
  std::string bucket;
  std::string key;
  std::string upload_id;
  std::optional<int> max_parts;
  std::optional<int> part_number_marker;
};

struct part_info {
  int part_number = 0;
  std::string etag;
  std::uint64_t size = 0;
  std::string last_modified;
  std::vector<s3::checksum> checksums;  // <ChecksumCRC32C> etc.
};

struct list_parts_result : response_meta {
  std::vector<part_info> parts;
  bool is_truncated = false;
  int next_part_number_marker = 0;
};

result<operation_request> build_list_parts(list_parts_request request);
result<list_parts_result> parse_list_parts(const http::response& response);

}  // namespace quiltup::s3
