#pragma once
// The one call from the bucket_objects_put tool into the upload engine.
//
// Contract for the engine side:
//  - runs every item, concurrently, on the engine; a failed item does not stop the others
//    and comes back as a put_item_result with `error`;
//  - calls `on_progress` on the calling coroutine's executor (the MCP io executor), as
//    objects and bytes complete; the tool throttles and orders what reaches the client;
//  - honours the calling coroutine's cancellation state: on cancellation it stops the
//    parts, aborts every multipart upload it started, waits for that, then throws
//    operation_aborted (the MCP request is answered with nothing).
#include "core/awaitable.hpp"
#include "tools/bucket_objects_put_request.hpp"

namespace quiltup::mcp::tools {

awaitable<put_batch_result> put_batch(put_request request, put_progress_callback on_progress);

}  // namespace quiltup::mcp::tools
