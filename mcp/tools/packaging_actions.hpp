#pragma once
// The actions of the `packaging` tool, one file each (packaging_<action>.cpp). Each reads its
// params first (a bad argument is an isError answer before anything touches the network), then
// opens a package_session and calls the engine's package_service.
#include "core/awaitable.hpp"
#include "tool_result.hpp"

#include <boost/json/object.hpp>

namespace quiltup::mcp {
class engine_session;
}

namespace quiltup::mcp::tools {

awaitable<tool_result> packaging_create(boost::json::object params, engine_session* engine);
awaitable<tool_result> packaging_delete(boost::json::object params, engine_session* engine);
awaitable<tool_result> packaging_browse(boost::json::object params, engine_session* engine);

}  // namespace quiltup::mcp::tools
