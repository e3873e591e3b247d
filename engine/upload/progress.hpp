#pragma once
// Progress of a batch, for the CLI's progress bar and MCP progress notifications. Totals grow
// as items are pulled from a stream; `totals_final` says the source is exhausted.
#include <cstdint>
#include <functional>

namespace quiltup::upload {

struct progress_event {
  std::uint64_t objects_done = 0;    // finished, landed or failed
  std::uint64_t objects_failed = 0;
  std::uint64_t objects_total = 0;   // pulled so far
  std::uint64_t bytes_done = 0;      // bytes sent in finished requests (parts count as they land)
  std::uint64_t bytes_total = 0;     // sizes of the items checked so far
  bool totals_final = false;
};

using progress_callback = std::function<void(const progress_event&)>;

}  // namespace quiltup::upload
