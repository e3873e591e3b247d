#pragma once
// The server's tools, in registration order (tools/list SHOULD be deterministic).
#include "tool.hpp"

#include <boost/json/array.hpp>

#include <string_view>
#include <vector>

namespace quiltup::mcp {

class tool_registry {
 public:
  // Throws std::invalid_argument on a bad or duplicate name: a programming error, found at start.
  void add(tool_spec spec);
  const tool_spec* find(std::string_view name) const;
  const std::vector<tool_spec>& tools() const { return tools_; }

  // The `tools` array of a tools/list result. `task_support`: show execution.taskSupport
  // (2025-11-25 only; older revisions and 2026-07-28 have no such field).
  boost::json::array describe(era e, bool task_support = false) const;

 private:
  std::vector<tool_spec> tools_;
};

bool is_valid_tool_name(std::string_view name);

}  // namespace quiltup::mcp
