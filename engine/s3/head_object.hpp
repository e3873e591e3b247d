#pragma once
// HeadObject: HEAD /{key} with x-amz-checksum-mode: ENABLED so checksums come back.
#include "core/error.hpp"
#include "http/response.hpp"
#include "s3/checksum.hpp"
#include "s3/operation.hpp"
#include "s3/put_object.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace quiltup::s3 {

struct head_object_request {
  std::string bucket;
  std::string key;
  std::string version_id;
  std::optional<int> part_number;  // ?partNumber=n also returns x-amz-mp-parts-count
  bool checksum_mode = true;
};

struct head_object_result : response_meta {
  std::uint64_t content_length = 0;
  std::string etag;
  std::string version_id;
  std::string content_type;
  std::string cache_control;
  std::string content_encoding;
  std::string storage_class;
  std::string last_modified;  // HTTP date as sent
  metadata_list metadata;     // x-amz-meta-* with the prefix stripped, names lower-case
  echoed_checksums checksums;
  std::optional<int> parts_count;  // x-amz-mp-parts-count
};

result<operation_request> build_head_object(head_object_request request);
// HEAD has no error body: a 404 becomes code "NoSuchKey" in error_from_response.
result<head_object_result> parse_head_object(const http::response& response);

// The object fields of a HEAD or GET response (shared with GetObject).
head_object_result read_object_headers(const http::headers& h);

}  // namespace quiltup::s3
