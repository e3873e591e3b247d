#include "tools/bucket_objects_put_engine.hpp"

namespace quiltup::mcp::tools {

// The upload engine (engine/upload/uploader.hpp) is not part of this build yet. Until it is,
// the tool says so plainly instead of pretending to upload: every item is reported as not
// attempted, and the batch as a whole fails.
awaitable<put_batch_result> put_batch(put_request request, put_progress_callback) {
  put_batch_result out;
  out.fatal = make_error("EngineUnavailable", "this quiltup-mcp build has no upload engine linked in", "",
                         "rebuild quiltup-mcp against quiltup::engine (engine/upload/uploader.hpp)");
  for (auto& item : request.items) {
    put_item_result row;
    row.key = item.key;
    row.size = item.size;
    out.results.push_back(std::move(row));
  }
  co_return out;
}

}  // namespace quiltup::mcp::tools
