#pragma once
// The dispatcher (mcp.md §3): one line in, at most one answer out, in either protocol era.
// Quick requests are answered inline; tools/call runs as its own coroutine on the io
// executor, registered with the cancellation registry, so a ping, a second call or a
// notifications/cancelled is handled while a long upload runs. A call run as a task
// (server_tasks.cpp) is answered at once with a task handle; its job is registered the same
// way, under "t:<task id>", so tasks/cancel and shutdown reach it.
// Every member is touched only from the io executor.
#include "cancellation.hpp"
#include "core/awaitable.hpp"
#include "jsonrpc/message.hpp"
#include "protocol/legacy_session.hpp"
#include "protocol/modern_envelope.hpp"
#include "protocol/server_identity.hpp"
#include "tasks/task_table.hpp"
#include "tool_registry.hpp"

#include <chrono>

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace quiltup::mcp {

class server {
 public:
  server(executor io, const tool_registry& tools, protocol::server_identity identity,
         std::function<void(std::string)> write_line);

  void handle_line(std::string line);
  void handle_oversized_line(std::size_t bytes);

  // Orderly stop: cancel every request in flight (they send no response) and wait for them
  // to unwind, which is when their uploads have been aborted.
  awaitable<void> shutdown();

 private:
  void handle_request(jsonrpc::request req);
  void handle_notification(const jsonrpc::notification& n);
  void serve_legacy(jsonrpc::request& req);
  void serve_modern(jsonrpc::request& req, protocol::modern_meta meta);
  void list_tools(const jsonrpc::request& req, const std::optional<protocol::modern_meta>& modern);
  void call_tool(jsonrpc::request& req, std::shared_ptr<request_context> ctx);
  awaitable<void> run_tool(const tool_spec* tool, boost::json::object arguments, std::shared_ptr<request_context> ctx);

  // server_tasks.cpp
  bool serve_legacy_task_method(jsonrpc::request& req);
  bool serve_modern_task_method(jsonrpc::request& req, const protocol::modern_meta& meta);
  void start_task(const jsonrpc::request_id& id, const tool_spec* tool, boost::json::object arguments,
                  std::shared_ptr<request_context> ctx, std::optional<std::chrono::milliseconds> ttl);
  awaitable<void> run_task(const tool_spec* tool, boost::json::object arguments, std::shared_ptr<request_context> ctx,
                           std::shared_ptr<tasks::task> task);
  void cancel_task(tasks::task& task);
  void answer_task_result(const jsonrpc::request_id& id, const tasks::task& task);
  awaitable<void> wait_task_result(std::shared_ptr<tasks::task> task, std::shared_ptr<request_context> ctx);
  void notify_task_status(const tasks::task& task);

  void answer(const jsonrpc::request_id& id, boost::json::object result, bool modern);
  void fail(const jsonrpc::request_id& id, int code, std::string_view message, const boost::json::value* data = nullptr);
  std::shared_ptr<request_context> make_context(const jsonrpc::request& req, era e, std::string version);

  executor io_;
  const tool_registry& tools_;
  protocol::server_identity identity_;
  std::function<void(std::string)> write_line_;
  protocol::legacy_session legacy_;
  cancellation_registry in_flight_;
  tasks::task_table tasks_;
  bool shutting_down_ = false;
};

}  // namespace quiltup::mcp
