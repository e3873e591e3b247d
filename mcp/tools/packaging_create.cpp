// packaging create: checks the params, then (unless dry_run) uploads the README and writes a
// new revision through the package_service; the answer names the top hash and the entries.
#include "tools/action_call.hpp"
#include "tools/package_json.hpp"
#include "tools/package_session.hpp"
#include "tools/packaging_actions.hpp"

#include "arguments.hpp"
#include "quilt/physical_key.hpp"

namespace quiltup::mcp::tools {

namespace json = boost::json;

namespace {

// Rows of entries in one answer; a package can have millions, and browse pages them.
constexpr std::size_t max_entry_rows = 1000;

result<std::optional<quilt::json_value>> read_metadata(const json::object& params) {
  std::string_view spelled = "metadata";
  auto* v = find_alias(params, {"metadata", "meta"}, &spelled);
  if (!v || v->is_null()) return std::optional<quilt::json_value>();
  auto field = field_path("params", spelled);
  // Upstream accepts the object as a JSON string too (some clients send nested objects that way).
  if (v->is_string()) {
    auto parsed = quilt::parse_json(v->get_string());
    if (!parsed)
      return invalid_argument(field, "is a string but not valid JSON (" + parsed.error().message + ")",
                              "send an object, e.g. {\"author\": \"Jane\"}");
    return std::optional<quilt::json_value>(std::move(*parsed));
  }
  auto converted = to_quilt_json(*v);
  if (!converted) return invalid_argument(field, converted.error().message, "send an object, e.g. {\"author\": \"Jane\"}");
  return std::optional<quilt::json_value>(std::move(*converted));
}

result<std::vector<quilt::prefix_mapping>> read_prefix_map(const json::object& params) {
  std::vector<quilt::prefix_mapping> out;
  auto* v = params.if_contains("prefix_map");
  if (!v || v->is_null()) return out;
  if (!v->is_object())
    return invalid_argument("params.prefix_map", "expected an object, got " + std::string(json_type_name(*v)),
                            "send {\"s3://my-bucket/raw/\": \"data/\"}");
  for (auto& [from, to] : v->get_object()) {
    if (!to.is_string())
      return invalid_argument(field_path("params.prefix_map", from), "expected a string, got " + std::string(json_type_name(to)),
                              "map each S3 prefix to a logical folder, e.g. \"data/\"");
    out.push_back({std::string(from), std::string(to.get_string())});
  }
  return out;
}

result<quilt::create_params> read_params(const json::object& params) {
  quilt::create_params p;
  auto target = read_package_target(params);
  if (!target) return target.error();
  p.name = std::move(target->name);
  p.bucket = std::move(target->bucket);

  auto files = param_string_list(params, "files", "[\"s3://my-bucket/data.csv\"]");
  if (!files) return files.error();
  p.files = std::move(*files);

  auto description = param_string(params, {"description"});
  if (!description) return description.error();
  if (*description && !(*description)->empty()) p.description = std::move(**description);  // "" is no message

  auto readme = param_string(params, {"readme"});
  if (!readme) return readme.error();
  p.readme = std::move(*readme);

  auto metadata = read_metadata(params);
  if (!metadata) return metadata.error();
  p.metadata = std::move(*metadata);

  auto auto_organize = param_bool(params, "auto_organize", false);
  if (!auto_organize) return auto_organize.error();
  p.auto_organize = *auto_organize;
  auto prefix_map = read_prefix_map(params);
  if (!prefix_map) return prefix_map.error();
  p.prefix_map = std::move(*prefix_map);

  auto dry_run = param_bool(params, "dry_run", false);
  if (!dry_run) return dry_run.error();
  p.dry_run = *dry_run;
  return p;
}

json::array warnings_json(const std::vector<std::string>& warnings) {
  json::array out;
  for (auto& w : warnings) out.emplace_back(w);
  return out;
}

// The plan a dry run returns (upstream's field names).
json::object dry_run_json(const quilt::create_plan& plan) {
  json::array files;
  for (auto& e : plan.request.entries)
    files.push_back({{"logical_key", e.logical_key}, {"physical_key", quilt::format_physical_key(e.location)}});
  json::object out{{"success", true},
                   {"action", "create"},
                   {"dry_run", true},
                   {"package_name", plan.request.name.str()},
                   {"bucket", plan.request.bucket},
                   {"files", std::move(files)},
                   {"metadata", plan.request.user_meta ? to_json(*plan.request.user_meta) : json::value(nullptr)},
                   {"warnings", warnings_json(plan.warnings)},
                   {"message", "Dry run completed successfully"}};
  if (plan.readme) {
    out["planned_readme_uri"] = "s3://" + plan.readme->bucket + "/" + plan.readme->key;
    out["readme_target_bucket"] = plan.readme->bucket;
  } else {
    out["planned_readme_uri"] = nullptr;
    out["readme_target_bucket"] = nullptr;
  }
  return out;
}

json::object created_json(const quilt::create_outcome& outcome, const credentials::credential_report& report) {
  auto& c = *outcome.created;
  json::object out{{"success", true},
                   {"action", "create"},
                   {"backend", outcome.backend},
                   {"dry_run", false},
                   {"package_name", c.name.str()},
                   {"bucket", c.bucket},
                   {"top_hash", c.top_hash},
                   {"entries_added", c.entries.size()},
                   {"entries", entries_json(c.entries, max_entry_rows)},
                   {"modified", c.modified},
                   {"warnings", warnings_json(outcome.warnings)},
                   {"message", "Package '" + c.name.str() + "' created successfully"},
                   {"credentials", credentials::to_json(report)}};
  if (c.entries.size() > max_entry_rows) out["entries_omitted"] = c.entries.size() - max_entry_rows;
  if (!c.manifest_key.empty()) out["manifest_key"] = c.manifest_key;
  if (!c.pointer_key.empty()) out["pointer_key"] = c.pointer_key;
  if (!c.revision.is_null()) out["revision"] = to_json(c.revision);
  if (auto& r = outcome.readme)
    out["readme_upload"] = json::object{{"bucket", r->bucket}, {"key", r->key}, {"size", r->size},
                                        {"etag", r->etag},
                                        {"version_id", r->version_id.empty() ? json::value(nullptr) : json::value(r->version_id)}};
  return out;
}

}  // namespace

awaitable<tool_result> packaging_create(json::object params, engine_session* engine) {
  auto p = read_params(params);
  if (!p) co_return failure_result(p.error(), {{"action", "create"}});
  json::object base{{"action", "create"}, {"package_name", p->name}};

  // A dry run is the plan alone: no credentials or network needed.
  if (p->dry_run) {
    auto plan = quilt::plan_create(std::move(*p));
    if (!plan) co_return failure_result(plan.error(), std::move(base));
    co_return answer(dry_run_json(*plan));
  }
  // Argument mistakes come back before credentials are looked for.
  if (auto plan = quilt::plan_create(*p); !plan) co_return failure_result(plan.error(), std::move(base));

  auto opened = co_await package_session::open(engine);
  if (!opened.session) co_return session_failure_result(*opened.error, opened.report, std::move(base));
  auto& session = *opened.session;
  auto outcome = co_await session.service().create(std::move(*p));
  if (!outcome) {
    base["credentials"] = credentials::to_json(session.credentials());
    co_return failure_result(outcome.error(), std::move(base));
  }
  co_return answer(created_json(*outcome, session.credentials()));
}

}  // namespace quiltup::mcp::tools
