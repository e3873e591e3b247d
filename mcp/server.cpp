#include "server.hpp"

#include "stderr_log.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/json/serialize.hpp>

namespace quiltup::mcp {

namespace json = boost::json;
using jsonrpc::code::internal_error;
using jsonrpc::code::invalid_params;
using jsonrpc::code::invalid_request;
using jsonrpc::code::method_not_found;

server::server(executor io, const tool_registry& tools, protocol::server_identity identity,
               std::function<void(std::string)> write_line)
    : io_(io),
      tools_(tools),
      identity_(identity),
      write_line_(std::move(write_line)),
      legacy_(std::move(identity)),
      in_flight_(io) {
  tasks_.on_status_change([this](const tasks::task& t) { notify_task_status(t); });
}

void server::handle_line(std::string line) {
  auto message = jsonrpc::parse_message(line);
  if (auto* req = std::get_if<jsonrpc::request>(&message)) handle_request(std::move(*req));
  else if (auto* n = std::get_if<jsonrpc::notification>(&message)) handle_notification(*n);
  else if (auto* r = std::get_if<jsonrpc::rejection>(&message)) fail(r->id, r->code, r->message);
}

void server::handle_oversized_line(std::size_t bytes) {
  log_error("dropped an input line of " + std::to_string(bytes) + " bytes (limit 10 MiB)");
  fail(nullptr, invalid_request,
       "Invalid Request: message of " + std::to_string(bytes) +
           " bytes exceeds the 10 MiB line limit; split the items over several calls");
}

void server::handle_notification(const jsonrpc::notification& n) {
  if (n.method == "notifications/initialized") {
    legacy_.initialized();
  } else if (n.method == "notifications/cancelled") {
    if (auto* id = n.params.if_contains("requestId"); id && (id->is_string() || id->is_int64() || id->is_uint64()))
      in_flight_.cancel(jsonrpc::id_key(*id));  // unknown or finished ids are a normal race
  }
  // Anything else is ignored: notifications are never answered.
}

void server::handle_request(jsonrpc::request req) {
  if (protocol::is_modern_request(req.method, req.params)) {
    auto envelope = protocol::read_envelope(req.params);
    if (auto* e = std::get_if<protocol::envelope_error>(&envelope))
      return fail(req.id, e->code, e->message, e->data ? &*e->data : nullptr);
    return serve_modern(req, std::get<protocol::modern_meta>(std::move(envelope)));
  }
  serve_legacy(req);
}

void server::serve_legacy(jsonrpc::request& req) {
  if (req.method == "initialize") return answer(req.id, legacy_.initialize(req.params), false);
  if (req.method == "ping") return answer(req.id, {}, false);
  if (req.method == "logging/setLevel") {
    if (!legacy_.set_log_level(req.params))
      return fail(req.id, invalid_params,
                  "Invalid params: level must be one of debug, info, notice, warning, error, critical, alert, emergency");
    return answer(req.id, {}, false);
  }
  if (req.method == "tools/list") return list_tools(req, std::nullopt);
  if (serve_legacy_task_method(req)) return;
  if (req.method == "tools/call") {
    auto ctx = make_context(req, era::legacy, legacy_.protocol_version());
    ctx->client_capabilities = legacy_.client_capabilities();
    ctx->log_threshold = legacy_.log_threshold();
    return call_tool(req, std::move(ctx));
  }
  fail(req.id, method_not_found, "Method not found: " + req.method);
}

void server::serve_modern(jsonrpc::request& req, protocol::modern_meta meta) {
  if (req.method == "server/discover") return answer(req.id, protocol::discover_result(identity_), true);
  if (req.method == "tools/list") return list_tools(req, meta);
  if (serve_modern_task_method(req, meta)) return;
  if (req.method == "tools/call") {
    auto ctx = make_context(req, era::modern, meta.protocol_version);
    ctx->client_capabilities = std::move(meta.client_capabilities);
    ctx->log_threshold = meta.log_level;
    return call_tool(req, std::move(ctx));
  }
  // ping, logging/setLevel and initialize do not exist in 2026-07-28.
  fail(req.id, method_not_found, "Method not found: " + req.method);
}

void server::list_tools(const jsonrpc::request& req, const std::optional<protocol::modern_meta>& modern) {
  // One page holds every tool, so no cursor we could have issued exists.
  if (auto* cursor = req.params.if_contains("cursor"); cursor && !cursor->is_null())
    return fail(req.id, invalid_params, "Invalid params: unknown cursor; call tools/list without a cursor");
  json::object result{{"tools", tools_.describe(modern ? era::modern : era::legacy, !modern && legacy_.tasks_negotiated())}};
  if (modern) protocol::mark_cacheable(result);
  answer(req.id, std::move(result), modern.has_value());
}

std::shared_ptr<request_context> server::make_context(const jsonrpc::request& req, era e, std::string version) {
  std::optional<json::value> token;
  if (auto* meta = req.params.if_contains("_meta"); meta && meta->is_object())
    if (auto* t = meta->get_object().if_contains("progressToken"); t && (t->is_string() || t->is_int64() || t->is_uint64()))
      token = *t;
  return std::make_shared<request_context>(req.id, e, std::move(version), std::move(token), write_line_);
}

void server::call_tool(jsonrpc::request& req, std::shared_ptr<request_context> ctx) {
  if (shutting_down_) return fail(req.id, internal_error, "Internal error: the server is shutting down");
  auto* name = req.params.if_contains("name");
  if (!name || !name->is_string())
    return fail(req.id, invalid_params, "Invalid params: tools/call needs \"name\", the tool name as a string");
  const tool_spec* tool = tools_.find(name->get_string());
  if (!tool) return fail(req.id, invalid_params, "Unknown tool: " + std::string(name->get_string()));
  json::object arguments;
  if (auto* a = req.params.if_contains("arguments"); a && !a->is_null()) {
    if (!a->is_object())
      return fail(req.id, invalid_params, "Invalid params: \"arguments\" must be an object of the tool's inputSchema");
    arguments = std::move(a->get_object());  // up to 10 MiB of items: moved, not copied
  }

  // Legacy: the client asks for a task with params.task. Modern: we decide, for clients that
  // declared the tasks extension (any other client simply waits for the result).
  if (ctx->era == era::legacy) {
    if (auto* task = req.params.if_contains("task")) {
      if (tool->tasks == task_support::forbidden)
        return fail(req.id, method_not_found,
                    "Method not found: tool " + tool->name + " does not run as a task; call it without \"task\"");
      if (!task->is_object())
        return fail(req.id, invalid_params, "Invalid params: \"task\" must be an object such as {\"ttl\": 60000}");
      std::optional<std::chrono::milliseconds> ttl;
      if (auto* t = task->get_object().if_contains("ttl"); t && t->is_number())
        ttl = std::chrono::milliseconds(static_cast<std::int64_t>(t->to_number<double>()));
      return start_task(req.id, tool, std::move(arguments), std::move(ctx), ttl);
    }
  } else if (tool->tasks != task_support::forbidden && tool->prefers_task &&
             protocol::declares_tasks_extension(ctx->client_capabilities) && tool->prefers_task(arguments)) {
    return start_task(req.id, tool, std::move(arguments), std::move(ctx), std::nullopt);
  }

  auto key = jsonrpc::id_key(req.id);
  asio::cancellation_slot slot;
  if (!in_flight_.add(key, ctx, slot))
    return fail(req.id, invalid_request, "Invalid Request: id " + json::serialize(req.id) + " is already in use by a request in flight");
  asio::co_spawn(io_, run_tool(tool, std::move(arguments), ctx),
                 asio::bind_cancellation_slot(slot, [this, key](std::exception_ptr e) {
                   if (e) log_error("tools/call " + key + " ended with an unexpected exception");
                   in_flight_.remove(key);
                 }));
}

awaitable<void> server::run_tool(const tool_spec* tool, json::object arguments, std::shared_ptr<request_context> ctx) {
  std::optional<json::object> result;
  std::string fault;
  try {
    result = to_json(co_await tool->handler(std::move(arguments), ctx));
  } catch (const std::exception& e) {
    fault = e.what();
  }
  if (ctx->cancelled) co_return;  // notifications/cancelled: the client expects no response
  ctx->progress.close();          // nothing about this request may follow its response
  ctx->answered = true;
  if (result) answer(ctx->id, std::move(*result), ctx->era == era::modern);
  else {
    log_error("tool " + tool->name + " failed: " + fault);
    fail(ctx->id, internal_error, "Internal error in tool " + tool->name + ": " + fault);
  }
}

void server::answer(const jsonrpc::request_id& id, json::object result, bool modern) {
  if (modern) protocol::seal_result(result, identity_);
  write_line_(jsonrpc::result_line(id, std::move(result)));
}

void server::fail(const jsonrpc::request_id& id, int code, std::string_view message, const json::value* data) {
  write_line_(jsonrpc::error_line(id, code, message, data));
}

awaitable<void> server::shutdown() {
  shutting_down_ = true;
  in_flight_.cancel_all();
  co_await in_flight_.wait_idle();
}

}  // namespace quiltup::mcp
