#pragma once
// The server's tasks, keyed by task id. Owns no coroutines: the server runs each task's job
// (registered with its cancellation registry, so shutdown stops and waits for it) and reports
// here how it went. Expired tasks are purged lazily, on each access; no timers run for them.
// Touched only from the io executor.
#include "core/awaitable.hpp"
#include "tasks/task.hpp"

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace quiltup::mcp::tasks {

struct table_limits {
  std::chrono::milliseconds default_ttl{std::chrono::hours(1)};
  std::chrono::milliseconds min_ttl{std::chrono::seconds(1)};
  std::chrono::milliseconds max_ttl{std::chrono::hours(24)};
  std::chrono::milliseconds poll_interval{std::chrono::seconds(1)};
  std::size_t max_tasks = 1000;  // past this, the oldest terminal tasks go first
  std::size_t page_size = 100;   // tasks/list
};

class task_table {
 public:
  using status_listener = std::function<void(const task&)>;

  explicit task_table(table_limits limits = {}) : limits_(limits) {}

  // A new working task; `requested_ttl` is the client's wish (2025-11-25 `task.ttl`), clamped.
  std::shared_ptr<task> create(mcp::era era, std::optional<std::chrono::milliseconds> requested_ttl,
                               std::string status_message);
  // Null when unknown or expired.
  std::shared_ptr<task> find(const std::string& id);

  // Progress while working; ignored once terminal.
  void set_message(task& t, std::string message);
  // Moves a working task to a terminal status (a task cancelled meanwhile stays cancelled)
  // and wakes everyone waiting on it. False when it was terminal already.
  bool finish(task& t, task_status status, std::optional<boost::json::object> result,
              std::optional<boost::json::object> error, std::string message);

  // Resumes once `t` is terminal (at once if it is).
  static awaitable<void> wait_terminal(std::shared_ptr<task> t);

  struct page {
    std::vector<std::shared_ptr<task>> tasks;
    std::optional<std::string> next_cursor;
  };
  // nullopt: a cursor this table never issued.
  std::optional<page> list(const std::optional<std::string>& cursor);

  void on_status_change(status_listener listener) { listener_ = std::move(listener); }
  std::size_t size() const noexcept { return by_sequence_.size(); }

 private:
  void purge();
  void erase(const task& t);

  table_limits limits_;
  std::uint64_t next_sequence_ = 1;
  std::map<std::uint64_t, std::shared_ptr<task>> by_sequence_;
  std::unordered_map<std::string, std::uint64_t> by_id_;
  status_listener listener_;
};

// 128 bits from the OS's CSPRNG, as a UUID v4 string.
std::string random_task_id();

}  // namespace quiltup::mcp::tasks
