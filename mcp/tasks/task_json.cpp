#include "tasks/task_json.hpp"

#include <cstdio>
#include <ctime>

namespace quiltup::mcp::tasks {

namespace {

namespace json = boost::json;

// ISO 8601 in UTC with milliseconds: "2025-11-25T10:30:00.123Z".
std::string iso8601(task::wall_clock::time_point at) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
  std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char out[64];
  std::snprintf(out, sizeof out, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday,
                utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(ms % 1000));
  return out;
}

json::object common(const task& t) {
  json::object out{{"taskId", t.id},
                   {"status", to_string(t.status)},
                   {"createdAt", iso8601(t.created_at)},
                   {"lastUpdatedAt", iso8601(t.last_updated_at)}};
  if (!t.status_message.empty()) out["statusMessage"] = t.status_message;
  return out;
}

}  // namespace

json::object legacy_task_json(const task& t) {
  auto out = common(t);
  out["ttl"] = t.ttl.count();
  out["pollInterval"] = t.poll_interval.count();
  return out;
}

json::object modern_task_json(const task& t) {
  auto out = common(t);
  out["ttlMs"] = t.ttl.count();
  out["pollIntervalMs"] = t.poll_interval.count();
  if (t.status == task_status::completed && t.result) out["result"] = *t.result;
  if (t.status == task_status::failed && t.error) out["error"] = *t.error;
  return out;
}

void mark_related(json::object& result, const task& t) {
  json::value& meta = result["_meta"];
  if (!meta.is_object()) meta = json::object{};
  meta.get_object()["io.modelcontextprotocol/related-task"] = json::object{{"taskId", t.id}};
}

}  // namespace quiltup::mcp::tasks
