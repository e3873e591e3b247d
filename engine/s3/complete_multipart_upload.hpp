#pragma once
// CompleteMultipartUpload: POST /{key}?uploadId=id with the part list. S3 may answer 200 and
// still carry <Error> in the body (s3-facts §2.3): every body is parsed; RGW answers an empty
// <ETag> (the caller may HEAD for the real one).
#include "core/error.hpp"
#include "http/response.hpp"
#include "s3/checksum.hpp"
#include "s3/operation.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace quiltup::s3 {

struct completed_part {
  int part_number = 0;
  std::string etag;       // as UploadPart returned it (quotes kept)
  s3::checksum checksum;  // the part's checksum when the upload uses one
};

struct complete_multipart_upload_request {
  std::string bucket;
  std::string key;
  std::string upload_id;
  std::vector<completed_part> parts;  // any order: sorted by part number when built
  s3::checksum full_object_checksum;  // FULL_OBJECT value, sent as x-amz-checksum-<alg>
  s3::checksum_type checksum_type = s3::checksum_type::unspecified;
  std::optional<std::uint64_t> object_size;  // x-amz-mp-object-size: S3 checks the total
  bool if_none_match = false;                // If-None-Match: * (fail if the key exists)
};

struct complete_multipart_upload_result : response_meta {
  std::string location;
  std::string bucket;
  std::string key;
  std::string etag;        // may be empty (RGW)
  std::string version_id;  // header
  echoed_checksums checksums;  // from headers and XML <Checksum*> elements
};

// The XML body alone (pure; tested with 1 and 10,000 parts).
std::string complete_multipart_upload_body(const std::vector<completed_part>& parts);

// Errors name parts[i] when a part number is out of range, repeated, or has no ETag.
result<operation_request> build_complete_multipart_upload(complete_multipart_upload_request request);
// A root <Error> (even under 200) is a failure with its <Code>; anything but
// <CompleteMultipartUploadResult> (or moto's ...Response) is "MalformedResponse".
result<complete_multipart_upload_result> parse_complete_multipart_upload(const http::response& response);

}  // namespace quiltup::s3
