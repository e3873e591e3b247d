#include "tools/index.hpp"

namespace quiltup::mcp::tools {

void register_all_tools(tool_registry& registry, const server_config& config) {
  registry.add(bucket_objects_put_tool(config));
  registry.add(packaging_tool(config));
  registry.add(permissions_tool(config));
  registry.add(package_visualization_tool(config));
}

}  // namespace quiltup::mcp::tools
