#pragma once
// One MCP tool: what tools/list shows about it and the coroutine that serves tools/call.
// Each tool lives in mcp/tools/<name>.cpp with its schemas, description and handler.
#include "core/awaitable.hpp"
#include "request_context.hpp"
#include "tool_result.hpp"

#include <boost/json/object.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace quiltup::mcp {

// Hints for the client (mcp.md §5). The protocol's defaults are destructive and open-world,
// so every tool states all four explicitly.
struct tool_annotations {
  bool read_only = false;
  bool destructive = true;
  bool idempotent = false;
  bool open_world = true;
};

// Arguments arrive by value: the handler is a coroutine and may outlive the caller's frame.
using tool_handler =
    std::function<awaitable<tool_result>(boost::json::object arguments, std::shared_ptr<request_context> ctx)>;

// Whether a call may run as a task (mcp.md §10). In 2025-11-25 the client asks for one
// (execution.taskSupport says whether it may); in 2026-07-28 the server decides, through
// prefers_task, for clients that declared the tasks extension.
enum class task_support { forbidden, optional };

struct tool_spec {
  std::string name;  // 1-128 chars of [A-Za-z0-9_.-]; the wire name
  std::string title;
  std::string description;  // written for a model: what it does, limits, an example
  boost::json::object input_schema;
  std::optional<boost::json::object> output_schema;
  tool_annotations annotations;
  tool_handler handler;
  task_support tasks = task_support::forbidden;
  // True when this call is big enough to outlive a client's request timeout: answered with a
  // task handle instead of a result. Arguments are not yet validated here; guess cheaply.
  std::function<bool(const boost::json::object& arguments)> prefers_task = {};
};

}  // namespace quiltup::mcp
