#pragma once
// Argument checks shared by the operation builders; each error names the field and the fix.
#include "core/error.hpp"
#include "s3/checksum.hpp"
#include "s3/operation.hpp"

#include <string_view>

namespace quiltup::s3 {

// Non-empty, no '/' (object operations accept legacy names; CreateBucket checks strictly).
result<void> check_bucket(std::string_view bucket);
result<void> check_upload_id(std::string_view upload_id);
result<void> check_part_number(int part_number, std::string_view field = "part_number");
// A checksum with an algorithm needs a value; adds x-amz-checksum-<alg> to the request.
result<void> add_checksum_header(operation_request& request, const checksum& c, std::string_view field = "checksum");
// signed_payload with a streaming body needs the hash up front.
result<void> check_payload(const operation_request& request);

}  // namespace quiltup::s3
