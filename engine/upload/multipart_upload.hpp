#pragma once
// One object in parts: CreateMultipartUpload → parts in parallel (bounded per upload by
// options.parts_per_upload, globally by the request limiter and the byte budget, each part's
// memory reserved before it is read) → CompleteMultipartUpload. Any failure or cancellation
// after Create stops the siblings, waits for them, and aborts (confirmed by ListParts).
// Complete is retried by the S3 client, 200-with-<Error> included; a NoSuchUpload from a
// retried Complete is checked with HeadObject before it counts as a failure.
#include "core/awaitable.hpp"
#include "upload/part_plan.hpp"
#include "upload/upload_context.hpp"
#include "upload/upload_item.hpp"
#include "upload/upload_result.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace quiltup::upload {

// Fills everything in `out` but duration (the caller times the whole item).
awaitable<void> multipart_upload(upload_context& ctx, checked_item item, part_plan plan, upload_result& out);

// hex(md5(md5_1 ‖ … ‖ md5_N))-N from the part ETags S3 returned (quotes allowed); empty when
// an ETag is not a plain MD5 (SSE-KMS / SSE-C), so no comparison is possible.
std::string expected_multipart_etag(const std::vector<std::string>& part_etags);

}  // namespace quiltup::upload
