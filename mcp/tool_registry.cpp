#include "tool_registry.hpp"

#include <stdexcept>

namespace quiltup::mcp {

bool is_valid_tool_name(std::string_view name) {
  if (name.empty() || name.size() > 128) return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
              c == '-';
    if (!ok) return false;
  }
  return true;
}

void tool_registry::add(tool_spec spec) {
  if (!is_valid_tool_name(spec.name)) throw std::invalid_argument("invalid MCP tool name: '" + spec.name + "'");
  if (find(spec.name)) throw std::invalid_argument("MCP tool registered twice: '" + spec.name + "'");
  tools_.push_back(std::move(spec));
}

const tool_spec* tool_registry::find(std::string_view name) const {
  for (auto& t : tools_)
    if (t.name == name) return &t;
  return nullptr;
}

boost::json::array tool_registry::describe(era, bool task_support) const {
  boost::json::array out;
  for (auto& t : tools_) {
    boost::json::object tool{{"name", t.name},
                             {"title", t.title},
                             {"description", t.description},
                             {"inputSchema", t.input_schema}};
    if (t.output_schema) tool["outputSchema"] = *t.output_schema;
    tool["annotations"] = {{"title", t.title},
                           {"readOnlyHint", t.annotations.read_only},
                           {"destructiveHint", t.annotations.destructive},
                           {"idempotentHint", t.annotations.idempotent},
                           {"openWorldHint", t.annotations.open_world}};
    if (task_support && t.tasks == task_support::optional) tool["execution"] = {{"taskSupport", "optional"}};
    out.push_back(std::move(tool));
  }
  return out;
}

}  // namespace quiltup::mcp
