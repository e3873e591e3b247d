#pragma once
// Every tool the server offers, registered in one place (tools/index.cpp is only the list).
#include "config.hpp"
#include "tool_registry.hpp"

namespace quiltup::mcp::tools {

void register_all_tools(tool_registry& registry, const server_config& config);

// One factory per tool, each defined in the tool's own file.
tool_spec bucket_objects_put_tool(const server_config& config);
tool_spec packaging_tool(const server_config& config);
tool_spec permissions_tool(const server_config& config);
tool_spec package_visualization_tool(const server_config& config);

}  // namespace quiltup::mcp::tools
