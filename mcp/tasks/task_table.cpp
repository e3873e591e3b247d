#include "tasks/task_table.hpp"

#include <boost/system/system_error.hpp>
#include <openssl/rand.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace quiltup::mcp::tasks {

std::string_view to_string(task_status s) noexcept {
  switch (s) {
    case task_status::working: return "working";
    case task_status::input_required: return "input_required";
    case task_status::completed: return "completed";
    case task_status::failed: return "failed";
    case task_status::cancelled: return "cancelled";
  }
  return "working";
}

std::string random_task_id() {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof b) != 1) throw std::runtime_error("the OS random generator failed; cannot make a task id");
  b[6] = (b[6] & 0x0f) | 0x40;  // version 4
  b[8] = (b[8] & 0x3f) | 0x80;  // RFC 4122 variant
  char out[37];
  std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
  return out;
}

std::shared_ptr<task> task_table::create(mcp::era era, std::optional<std::chrono::milliseconds> requested_ttl,
                                         std::string status_message) {
  purge();
  // Over the cap, drop the oldest finished tasks; running ones are never dropped (they are
  // bounded by what the client can submit, and their owner still waits for them).
  for (auto it = by_sequence_.begin(); by_sequence_.size() >= limits_.max_tasks && it != by_sequence_.end();) {
    auto next = std::next(it);
    if (is_terminal(it->second->status)) erase(*it->second);
    it = next;
  }
  auto t = std::make_shared<task>(random_task_id(), era, next_sequence_++);
  t->ttl = std::clamp(requested_ttl.value_or(limits_.default_ttl), limits_.min_ttl, limits_.max_ttl);
  t->poll_interval = limits_.poll_interval;
  t->status_message = std::move(status_message);
  by_id_.emplace(t->id, t->sequence);
  by_sequence_.emplace(t->sequence, t);
  return t;
}

std::shared_ptr<task> task_table::find(const std::string& id) {
  purge();
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : by_sequence_.at(it->second);
}

void task_table::set_message(task& t, std::string message) {
  if (is_terminal(t.status) || message == t.status_message) return;
  t.status_message = std::move(message);
  t.last_updated_at = task::wall_clock::now();
}

bool task_table::finish(task& t, task_status status, std::optional<boost::json::object> result,
                        std::optional<boost::json::object> error, std::string message) {
  if (is_terminal(t.status)) return false;
  t.status = status;
  t.result = std::move(result);
  t.error = std::move(error);
  t.status_message = std::move(message);
  t.last_updated_at = task::wall_clock::now();
  // The outcome stays available for ttl after it exists (never less than ttl from creation).
  t.expires_at = t.last_updated_at + t.ttl;
  for (auto* w : t.waiters) w->cancel();
  if (listener_) listener_(t);
  return true;
}

awaitable<void> task_table::wait_terminal(std::shared_ptr<task> t) {
  while (!is_terminal(t->status)) {
    asio::steady_timer timer(co_await asio::this_coro::executor, asio::steady_timer::time_point::max());
    t->waiters.push_back(&timer);
    co_await timer.async_wait(as_tuple_awaitable);
    std::erase(t->waiters, &timer);
    // Our own cancellation (notifications/cancelled on tasks/result, shutdown) ends the wait.
    if (!is_terminal(t->status) && (co_await asio::this_coro::cancellation_state).cancelled() != asio::cancellation_type::none)
      throw boost::system::system_error(asio::error::operation_aborted, "tasks/result wait");
  }
}

std::optional<task_table::page> task_table::list(const std::optional<std::string>& cursor) {
  purge();
  std::uint64_t after = 0;
  if (cursor) {
    try {
      std::size_t used = 0;
      after = std::stoull(*cursor, &used);
      if (used != cursor->size() || after == 0 || after >= next_sequence_) return std::nullopt;
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  page out;
  for (auto it = by_sequence_.upper_bound(after); it != by_sequence_.end(); ++it) {
    if (out.tasks.size() == limits_.page_size) {
      out.next_cursor = std::to_string(out.tasks.back()->sequence);
      break;
    }
    out.tasks.push_back(it->second);
  }
  return out;
}

void task_table::purge() {
  auto now = task::wall_clock::now();
  std::vector<task*> expired;
  for (auto& [seq, t] : by_sequence_)
    if (t->expires_at && *t->expires_at <= now) expired.push_back(t.get());
  for (auto* t : expired) erase(*t);
}

void task_table::erase(const task& t) {
  auto seq = t.sequence;
  by_id_.erase(t.id);
  by_sequence_.erase(seq);  // last: `t` may be owned only by this map
}

}  // namespace quiltup::mcp::tasks
