#pragma once
// A tools/call result: the JSON for structuredContent, the same JSON as one text block for
// older clients, and isError. Argument problems and "nothing was done" failures are results
// with isError, not protocol errors (SEP-1303), so the model can read them and retry.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstddef>
#include <optional>
#include <string>

namespace quiltup::mcp {

struct tool_result {
  std::optional<boost::json::value> structured;  // absent only on error results
  std::string text;
  bool is_error = false;
};

// Success (or partial success): structuredContent plus its compact JSON as text.
tool_result structured_result(boost::json::object structured);
// A failure the caller can act on; `text` names the field and the fix.
tool_result error_result(std::string text);
// A failure that still has the tool's result shape (e.g. no credentials: success false).
tool_result error_result(std::string text, boost::json::object structured);

// Largest result we will put on one stdout line: the TS SDK drops lines over 10 MiB, and
// the envelope and escaping need room.
inline constexpr std::size_t result_line_budget = 8 * 1024 * 1024;

// The CallToolResult object. A result over the budget is replaced by an isError result that
// says how to ask for less, so the client never sees a line it must reject.
boost::json::object to_json(const tool_result& r, std::size_t budget = result_line_budget);

}  // namespace quiltup::mcp
