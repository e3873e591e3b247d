#pragma once
// bucket_objects_put: arguments → put_request, and put_batch_result → the tool's answer.
// Exposed for the tool's own registration and for tests of the argument rules.
#include "config.hpp"
#include "core/error.hpp"
#include "tool_result.hpp"
#include "tools/bucket_objects_put_request.hpp"

#include <boost/json/object.hpp>

#include <string_view>

namespace quiltup::mcp::tools {

inline constexpr std::size_t max_items_per_call = 10000;
inline constexpr std::size_t max_key_bytes = 1024;
inline constexpr std::size_t max_metadata_bytes = 2048;  // S3's limit on user-defined metadata
// 2026-07-28 clients with the tasks extension get a task handle for calls this big: enough
// work to outlive a 60 s request timeout on a modest link.
inline constexpr std::size_t task_min_items = 1000;
inline constexpr std::uint64_t task_min_bytes = 64ull << 20;

// Every failure names the field (items[3].data) and the fix.
result<put_request> parse_put_request(const boost::json::object& arguments, const server_config& config);

// Whether a call is big enough to run as a task (task_min_items / task_min_bytes), judged from
// the raw arguments; files count only under the allowed roots, so the answer reveals nothing
// about other host files.
bool prefers_task(const boost::json::object& arguments, const server_config& config);

// The answer: structuredContent (valid against the output schema) plus its text copy.
// isError only when nothing was uploaded.
tool_result put_answer(std::string_view bucket, std::size_t requested, std::size_t max_results,
                       const put_batch_result& outcome);

}  // namespace quiltup::mcp::tools
