// Tasks (mcp.md §10): 2025-11-25 experimental tasks (tasks/get, tasks/result, tasks/list,
// tasks/cancel, notifications/tasks/status) and the 2026-07-28 extension
// io.modelcontextprotocol/tasks (tasks/get, tasks/update, tasks/cancel). Both eras share one
// table; each answers in its own shape.
#include "server.hpp"

#include "stderr_log.hpp"
#include "tasks/task_json.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/json/serialize.hpp>

namespace quiltup::mcp {

namespace json = boost::json;
using jsonrpc::code::internal_error;
using jsonrpc::code::invalid_params;
using jsonrpc::code::method_not_found;
using jsonrpc::code::missing_required_client_capability;
using tasks::task_status;

namespace {

std::string job_key(const tasks::task& t) { return "t:" + t.id; }

std::optional<std::string> read_task_id(const json::object& params) {
  auto* id = params.if_contains("taskId");
  if (!id || !id->is_string()) return std::nullopt;
  return std::string(id->get_string());
}

}  // namespace

bool server::serve_legacy_task_method(jsonrpc::request& req) {
  const auto& m = req.method;
  if (m != "tasks/get" && m != "tasks/result" && m != "tasks/list" && m != "tasks/cancel") return false;
  if (!legacy_.tasks_negotiated()) {
    fail(req.id, method_not_found, "Method not found: " + m + " needs protocol revision 2025-11-25");
    return true;
  }
  if (m == "tasks/list") {
    std::optional<std::string> cursor;
    if (auto* c = req.params.if_contains("cursor"); c && !c->is_null()) {
      if (!c->is_string()) {
        fail(req.id, invalid_params, "Invalid params: cursor must be the nextCursor string of an earlier tasks/list");
        return true;
      }
      cursor = std::string(c->get_string());
    }
    auto page = tasks_.list(cursor);
    if (!page) {
      fail(req.id, invalid_params, "Invalid params: unknown cursor; call tasks/list without a cursor to start over");
      return true;
    }
    json::array listed;
    for (auto& t : page->tasks) listed.push_back(tasks::legacy_task_json(*t));
    json::object result{{"tasks", std::move(listed)}};
    if (page->next_cursor) result["nextCursor"] = *page->next_cursor;
    answer(req.id, std::move(result), false);
    return true;
  }

  // The TS SDK puts a stray "task" into these params; only taskId matters.
  auto id = read_task_id(req.params);
  auto task = id ? tasks_.find(*id) : nullptr;
  if (!task) {
    fail(req.id, invalid_params,
         id ? "Invalid params: task " + *id + " not found (unknown, or expired after its ttl)"
            : std::string("Invalid params: taskId must be the string from the tools/call task result"));
    return true;
  }
  if (m == "tasks/get") {
    answer(req.id, tasks::legacy_task_json(*task), false);
  } else if (m == "tasks/cancel") {
    if (tasks::is_terminal(task->status)) {
      fail(req.id, invalid_params,
           "Invalid params: task " + task->id + " is already " + std::string(tasks::to_string(task->status)) +
               "; only a working task can be cancelled");
      return true;
    }
    cancel_task(*task);
    answer(req.id, tasks::legacy_task_json(*task), false);
  } else if (tasks::is_terminal(task->status)) {  // tasks/result, ready
    answer_task_result(req.id, *task);
  } else {  // tasks/result blocks until the task is terminal; it is a request in flight meanwhile
    auto ctx = make_context(req, era::legacy, legacy_.protocol_version());
    auto key = jsonrpc::id_key(req.id);
    asio::cancellation_slot slot;
    if (!in_flight_.add(key, ctx, slot)) {
      fail(req.id, jsonrpc::code::invalid_request,
           "Invalid Request: id " + json::serialize(req.id) + " is already in use by a request in flight");
      return true;
    }
    asio::co_spawn(io_, wait_task_result(task, ctx), asio::bind_cancellation_slot(slot, [this, key](std::exception_ptr) {
                     in_flight_.remove(key);
                   }));
  }
  return true;
}

bool server::serve_modern_task_method(jsonrpc::request& req, const protocol::modern_meta& meta) {
  const auto& m = req.method;
  if (m != "tasks/get" && m != "tasks/update" && m != "tasks/cancel") return false;
  if (!protocol::declares_tasks_extension(meta.client_capabilities)) {
    json::value data = json::object{
        {"requiredCapabilities", {{"extensions", {{protocol::tasks_extension, json::object{}}}}}}};
    fail(req.id, missing_required_client_capability, "Missing required client capability", &data);
    return true;
  }
  auto id = read_task_id(req.params);
  auto task = id ? tasks_.find(*id) : nullptr;
  if (!task) {
    fail(req.id, invalid_params,
         id ? "Failed to retrieve task: task " + *id + " not found (unknown, or expired after its ttlMs)"
            : std::string("Invalid params: taskId must be the string from the tools/call task result"));
    return true;
  }
  if (m == "tasks/get") return answer(req.id, tasks::modern_task_json(*task), true), true;
  // tasks/cancel is cooperative and acknowledged even when the task finished first.
  if (m == "tasks/cancel" && !tasks::is_terminal(task->status)) cancel_task(*task);
  // tasks/update: this server never asks for input, so there is nothing to match responses to.
  answer(req.id, {}, true);
  return true;
}

void server::start_task(const jsonrpc::request_id& id, const tool_spec* tool, json::object arguments,
                        std::shared_ptr<request_context> ctx, std::optional<std::chrono::milliseconds> ttl) {
  auto task = tasks_.create(ctx->era, ttl, "Started " + tool->name);
  // The task is in the table before the client hears of it: a tasks/get right after resolves.
  if (ctx->era == era::legacy) {
    answer(id, {{"task", tasks::legacy_task_json(*task)}}, false);
  } else {
    auto created = tasks::modern_task_json(*task);
    created["resultType"] = "task";
    answer(id, std::move(created), true);
    // 2026-07-28: progress and log notifications are not sent for tasks.
    ctx->progress.close();
    ctx->log_threshold.reset();
  }
  // 2025-11-25: the request's progressToken stays valid until the task is terminal.
  ctx->progress.observe([this, t = task.get()](const std::string& message) { tasks_.set_message(*t, message); });

  auto key = job_key(*task);
  asio::cancellation_slot slot;
  in_flight_.add(key, ctx, slot);  // a fresh random id: never in use
  asio::co_spawn(io_, run_task(tool, std::move(arguments), ctx, task),
                 asio::bind_cancellation_slot(slot, [this, key](std::exception_ptr e) {
                   if (e) log_error("task " + key + " ended with an unexpected exception");
                   in_flight_.remove(key);
                 }));
}

awaitable<void> server::run_task(const tool_spec* tool, json::object arguments, std::shared_ptr<request_context> ctx,
                                 std::shared_ptr<tasks::task> task) {
  std::optional<json::object> result;
  std::string fault;
  try {
    result = to_json(co_await tool->handler(std::move(arguments), ctx));
  } catch (const std::exception& e) {
    fault = e.what();
  }
  ctx->progress.close();
  ctx->answered = true;
  if (ctx->cancelled) {  // tasks/cancel (already recorded) or shutdown
    tasks_.finish(*task, task_status::cancelled, std::nullopt, std::nullopt, "Cancelled; open multipart uploads were aborted");
    co_return;
  }
  if (!result) {
    log_error("task " + task->id + " (tool " + tool->name + ") failed: " + fault);
    tasks_.finish(*task, task_status::failed, std::nullopt,
                  json::object{{"code", internal_error}, {"message", "Internal error in tool " + tool->name + ": " + fault}},
                  "Internal error: " + fault);
    co_return;
  }
  auto* is_error = result->if_contains("isError");
  bool tool_error = is_error && is_error->is_bool() && is_error->get_bool();
  // 2025-11-25: isError ⇒ failed (tasks/result still returns the result). 2026-07-28: failed is
  // only for JSON-RPC errors; a tool error is a completed task whose result says so.
  auto status = tool_error && task->era == era::legacy ? task_status::failed : task_status::completed;
  tasks_.finish(*task, status, std::move(*result), std::nullopt,
                tool_error ? "Finished; the tool reported an error (see the result)" : "Finished");
}

void server::cancel_task(tasks::task& task) {
  in_flight_.cancel(job_key(task));  // the job stops its parts and aborts its multipart uploads
  tasks_.finish(task, task_status::cancelled, std::nullopt, std::nullopt, "Cancelled by the client");
}

void server::answer_task_result(const jsonrpc::request_id& id, const tasks::task& task) {
  if (task.result) {
    auto result = *task.result;
    tasks::mark_related(result, task);
    return answer(id, std::move(result), false);
  }
  if (task.error) {
    auto* code = task.error->if_contains("code");
    auto* message = task.error->if_contains("message");
    return fail(id, code && code->is_int64() ? int(code->get_int64()) : internal_error,
                message && message->is_string() ? std::string_view(message->get_string()) : "Internal error");
  }
  fail(id, invalid_params, "Invalid params: task " + task.id + " was cancelled; it has no result");
}

awaitable<void> server::wait_task_result(std::shared_ptr<tasks::task> task, std::shared_ptr<request_context> ctx) {
  try {
    co_await tasks::task_table::wait_terminal(task);
  } catch (const boost::system::system_error&) {
  }
  if (ctx->cancelled || !tasks::is_terminal(task->status)) co_return;  // cancelled: no response
  ctx->answered = true;
  answer_task_result(ctx->id, *task);
}

void server::notify_task_status(const tasks::task& task) {
  // Legacy only: 2026-07-28 pushes task updates only on subscriptions/listen streams.
  if (task.era != era::legacy) return;
  write_line_(jsonrpc::notification_line("notifications/tasks/status", tasks::legacy_task_json(task)));
}

}  // namespace quiltup::mcp
