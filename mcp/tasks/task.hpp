#pragma once
// One long tools/call run as a task (mcp.md §10): what tasks/get shows about it and, once it is
// terminal, the result tasks/result (2025-11-25) or tasks/get (2026-07-28) hands back.
// Touched only from the io executor.
#include "core/awaitable.hpp"
#include "request_context.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/json/object.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quiltup::mcp::tasks {

enum class task_status { working, input_required, completed, failed, cancelled };

std::string_view to_string(task_status s) noexcept;
inline bool is_terminal(task_status s) noexcept {
  return s == task_status::completed || s == task_status::failed || s == task_status::cancelled;
}

struct task {
  using wall_clock = std::chrono::system_clock;

  task(std::string id_, mcp::era era_, std::uint64_t sequence_)
      : id(std::move(id_)), era(era_), sequence(sequence_) {}

  std::string id;  // 128 random bits: without an auth context, knowing the id is the access right
  mcp::era era;
  std::uint64_t sequence;  // creation order, for tasks/list pages
  task_status status = task_status::working;
  std::string status_message;
  wall_clock::time_point created_at = wall_clock::now();
  wall_clock::time_point last_updated_at = created_at;
  std::chrono::milliseconds ttl{0};            // how long the outcome is kept once terminal
  std::chrono::milliseconds poll_interval{1000};
  std::optional<wall_clock::time_point> expires_at;  // set when terminal

  // Terminal outcome: the CallToolResult (completed, or failed by isError in 2025-11-25), or
  // the JSON-RPC error {code, message} of a fault.
  std::optional<boost::json::object> result;
  std::optional<boost::json::object> error;

  // Timers of the tasks/result requests waiting for the outcome (each owned by its waiter);
  // cancelled when the task turns terminal.
  std::vector<asio::steady_timer*> waiters;
};

}  // namespace quiltup::mcp::tasks
