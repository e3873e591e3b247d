#pragma once
// A task as each era writes it (mcp.md §10): 2025-11-25 `Task` {taskId, status, ttl,
// pollInterval, ...}; 2026-07-28 `DetailedTask` {..., ttlMs, pollIntervalMs} with the outcome
// inlined (`result` when completed, `error` when failed).
#include "tasks/task.hpp"

#include <boost/json/object.hpp>

namespace quiltup::mcp::tasks {

boost::json::object legacy_task_json(const task& t);
boost::json::object modern_task_json(const task& t);

// _meta["io.modelcontextprotocol/related-task"] = {taskId}, merged into `result`.
void mark_related(boost::json::object& result, const task& t);

}  // namespace quiltup::mcp::tasks
