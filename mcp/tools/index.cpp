#include "tools/index.hpp"

namespace quiltup::mcp::tools {

void register_all_tools(tool_registry& registry, const server_config& config) {
  registry.add(bucket_objects_put_tool(config));
}

}  // namespace quiltup::mcp::tools
