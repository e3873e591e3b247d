#pragma once
// The one call from the bucket_objects_put tool into the upload engine.
//
//  - runs every item, concurrently, on the engine; a failed item does not stop the others
//    and comes back as a put_item_result with `error`, in request order;
//  - gets credentials from the session's chain first (catalog, then ambient) and reports
//    which source served and what was tried; no credentials → `fatal`, nothing sent;
//  - calls `on_progress` on the calling coroutine's executor (the MCP io executor) as objects
//    and bytes complete; the tool throttles and orders what reaches the client;
//  - honours the calling coroutine's cancellation state: on cancellation it stops the parts,
//    aborts every multipart upload it started, waits for that, then throws operation_aborted
//    (the MCP request is answered with nothing).
#include "core/awaitable.hpp"
#include "tools/bucket_objects_put_request.hpp"

namespace quiltup::mcp {
class engine_session;
}

namespace quiltup::mcp::tools {

// `engine` null: a build or test without the engine connection; the batch fails as a whole.
awaitable<put_batch_result> put_batch(engine_session* engine, put_request request, put_progress_callback on_progress);

}  // namespace quiltup::mcp::tools
