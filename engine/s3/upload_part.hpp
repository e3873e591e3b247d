#pragma once
// UploadPart: PUT /{key}?partNumber=n&uploadId=id. Re-sending a part number overwrites it.
#include "core/error.hpp"
#include "http/response.hpp"
#include "s3/checksum.hpp"
#include "s3/operation.hpp"

#include <string>

namespace quiltup::s3 {

inline constexpr int max_part_number = 10'000;

struct upload_part_request {
  std::string bucket;
  std::string key;
  std::string upload_id;
  int part_number = 1;  // 1..10,000
  http::body body;
  s3::checksum checksum;  // per-part value (COMPOSITE) or none
  payload_mode payload = payload_mode::signed_payload;
  std::string payload_sha256;
};

struct upload_part_result : response_meta {
  int part_number = 0;
  std::string etag;  // quoted, as S3 sent it
  echoed_checksums checksums;
};

result<operation_request> build_upload_part(upload_part_request request);
result<upload_part_result> parse_upload_part(const http::response& response);

}  // namespace quiltup::s3
