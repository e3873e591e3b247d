// package_visualization enrich: adds quilt_summarize.json (catalog format) and, when missing, a
// README.md to a package, recorded as a new revision that keeps every existing entry (quilt.md §6).
#include "tools/action_call.hpp"
#include "tools/index.hpp"
#include "tools/package_json.hpp"
#include "tools/package_session.hpp"

#include "arguments.hpp"
#include "quilt/package_name.hpp"
#include "quilt/visualization.hpp"

#include <boost/json/parse.hpp>

#include <array>

namespace quiltup::mcp::tools {

namespace json = boost::json;

namespace {

constexpr std::array<std::string_view, 1> actions{"enrich"};

constexpr auto discovery_text =
    "Add catalog visualizations to a package: quilt_summarize.json with previews and dashboards, and a README.md when missing.";

constexpr auto description = R"text(Enrich a Quilt package for the catalog: call {"action": "enrich", "params": {"package_name": ..., "bucket": ...}}; leave action out to list the actions.
enrich reads the latest revision, writes quilt_summarize.json at the package root in the catalog's format (HTML dashboards such as MultiQC reports first, then previews of .csv/.tsv/.parquet/.json files, keeping rows of an existing quilt_summarize.json that still point to entries; never Voila or Jupyter), generates a README.md (title, contents by folder, sizes, how to browse) only when the package has none, and records both in a new revision with the same metadata and every existing entry. Existing files are kept. Params: package_name (alias name, "namespace/name"), bucket (required), max_previews (default 20).
Example: {"action":"enrich","params":{"package_name":"example-team/cellpainting-csv-data","bucket":"quilt-sandbox-bucket"}})text";

constexpr auto input_schema = R"json({
  "type": "object",
  "properties": {
    "action": {"type": ["string", "null"], "enum": ["enrich", null], "description": "enrich; omit to list the actions."},
    "params": {
      "type": "object",
      "description": "Unknown keys are ignored.",
      "properties": {
        "package_name": {"type": "string", "description": "\"namespace/name\", e.g. \"my-team/my-pkg\"."},
        "name": {"type": "string", "description": "Same as package_name."},
        "bucket": {"type": "string", "description": "The package's bucket, e.g. \"my-bucket\"."},
        "max_previews": {"type": "integer", "minimum": 0, "maximum": 200, "description": "Files listed in generated rows (default 20)."},
        "metadata_template": {"type": "string", "description": "Accepted for compatibility; ignored."}
      }
    },
    "_context": {"type": "object", "description": "Navigation context from the Quilt UI; ignored."}
  }
})json";

constexpr auto output_schema = R"json({
  "type": "object",
  "properties": {
    "success": {"type": "boolean"},
    "module": {"type": "string"},
    "actions": {"type": "array", "items": {"type": "string"}},
    "description": {"type": "string"},
    "action": {"type": "string"},
    "backend": {"type": "string"},
    "package_name": {"type": "string"},
    "bucket": {"type": "string"},
    "previous_top_hash": {"type": "string"},
    "readme_created": {"type": "boolean"},
    "summary_key": {"type": "string"},
    "readme_key": {"type": ["string", "null"]},
    "dashboards_added": {"type": "integer", "minimum": 0},
    "table_visualizations": {"type": "integer", "minimum": 0},
    "json_previews": {"type": "integer", "minimum": 0},
    "kept_rows": {"type": "integer", "minimum": 0},
    "upload_result": {"type": "array", "items": {"type": "object"}},
    "package_update": {"type": "object", "properties": {"top_hash": {"type": "string"}, "entries": {"type": "integer"}}, "required": ["top_hash"]},
    "warnings": {"type": "array", "items": {"type": "string"}},
    "message": {"type": "string"},
    "next_steps": {"type": "array", "items": {"type": "string"}},
    "error": {"type": "string"},
    "error_code": {"type": "string"},
    "field": {"type": "string"},
    "possible_fixes": {"type": "array", "items": {"type": "string"}},
    "credentials": {"type": "object", "properties": {"source": {"type": ["string", "null"]}, "attempts": {"type": "array"}},
                    "required": ["source", "attempts"]}
  },
  "required": ["success"]
})json";

result<quilt::enrich_params> read_params(const json::object& params) {
  quilt::enrich_params p;
  auto name = required_param_string(params, {"package_name", "name"}, "\"my-team/my-pkg\"");
  if (!name) return name.error();
  if (auto parsed = quilt::parse_package_name(*name); !parsed) return parsed.error();
  p.name = std::move(*name);
  auto bucket = required_param_string(params, {"bucket"}, "\"my-bucket\"");
  if (!bucket) return bucket.error();
  p.bucket = bare_bucket(*bucket);
  auto max_previews = param_integer(params, "max_previews", 0, 200);
  if (!max_previews) return max_previews.error();
  if (*max_previews) p.summary.max_previews = std::size_t(**max_previews);
  return p;
}

json::object enriched_json(const quilt::enrich_result& r, std::string_view backend,
                           const credentials::credential_report& report) {
  json::array uploads, warnings;
  for (auto& u : r.uploads)
    uploads.push_back({{"key", u.key}, {"size", u.size}, {"etag", u.etag},
                       {"version_id", u.version_id.empty() ? json::value(nullptr) : json::value(u.version_id)}});
  for (auto& w : r.warnings) warnings.emplace_back(w);
  std::string name = r.name.str();
  return {{"success", true},
          {"action", "enrich"},
          {"backend", backend},
          {"package_name", name},
          {"bucket", r.bucket},
          {"previous_top_hash", r.previous_top_hash},
          {"readme_created", r.readme_created},
          {"summary_key", r.summary_key},
          {"readme_key", r.readme_key.empty() ? json::value(nullptr) : json::value(r.readme_key)},
          {"dashboards_added", r.dashboards_added},
          {"table_visualizations", r.table_visualizations},
          {"json_previews", r.json_previews},
          {"kept_rows", r.kept_rows},
          {"upload_result", std::move(uploads)},
          {"package_update", {{"top_hash", r.revision.top_hash}, {"entries", r.revision.entries.size()}}},
          {"warnings", std::move(warnings)},
          {"message", r.message},
          {"next_steps", json::array{"Browse it: packaging(action='browse', params={'name': '" + name + "', 'bucket': '" +
                                     r.bucket + "'})"}},
          {"credentials", credentials::to_json(report)}};
}

awaitable<tool_result> enrich(json::object params, engine_session* engine) {
  auto p = read_params(params);
  if (!p) co_return failure_result(p.error(), {{"action", "enrich"}});
  json::object base{{"action", "enrich"}, {"package_name", p->name}, {"bucket", p->bucket}};

  auto opened = co_await package_session::open(engine);
  if (!opened.session) co_return session_failure_result(*opened.error, opened.report, std::move(base));
  auto& session = *opened.session;
  auto outcome = co_await quilt::enrich(session.backend(), session.uploader(), session.s3(), std::move(*p), &session.known());
  if (!outcome) {
    base["credentials"] = credentials::to_json(session.credentials());
    co_return failure_result(outcome.error(), std::move(base));
  }
  co_return answer(enriched_json(*outcome, session.backend().kind(), session.credentials()));
}

awaitable<tool_result> handle(json::object arguments, std::shared_ptr<engine_session> engine) {
  auto call = read_action_call(arguments, actions);
  if (!call) co_return failure_result(call.error());
  if (!call->action) co_return discovery_result("package_visualization", actions, discovery_text);
  if (*call->action == "enrich") co_return co_await enrich(std::move(call->params), engine.get());
  co_return unknown_action_result("package_visualization", *call->action, actions);
}

}  // namespace

tool_spec package_visualization_tool(const server_config& config) {
  return tool_spec{
      .name = "package_visualization",
      .title = "Add catalog visualizations to a Quilt package",
      .description = description,
      .input_schema = json::parse(input_schema).as_object(),
      .output_schema = json::parse(output_schema).as_object(),
      // Rewrites quilt_summarize.json and makes a new revision on every call.
      .annotations = {.read_only = false, .destructive = true, .idempotent = false, .open_world = true},
      .handler = [engine = config.engine](json::object arguments, std::shared_ptr<request_context>) {
        return handle(std::move(arguments), engine);
      },
  };
}

}  // namespace quiltup::mcp::tools
