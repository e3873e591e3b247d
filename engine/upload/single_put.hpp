#pragma once
// One PutObject for an object below the multipart threshold: reserve and read the body,
// take a request slot, send, and check S3's echoed checksum against ours.
#include "core/awaitable.hpp"
#include "upload/upload_context.hpp"
#include "upload/upload_item.hpp"
#include "upload/upload_result.hpp"

namespace quiltup::upload {

// Fills everything in `out` but duration (the caller times the whole item).
awaitable<void> single_put(upload_context& ctx, checked_item item, upload_result& out);

}  // namespace quiltup::upload
