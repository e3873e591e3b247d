#pragma once
// Diagnostics for quiltup-mcp go to stderr, always: stdout belongs to the MCP protocol.
// Whole lines under a lock, so messages from the reader thread and the io thread don't mix.
#include <string_view>

namespace quiltup::mcp {

void log_info(std::string_view message);
void log_error(std::string_view message);

}  // namespace quiltup::mcp
