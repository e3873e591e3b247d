// permissions discover: what the caller's credentials may do with each bucket, found out for
// real with S3 probes (list, read, and a write probe that leaves nothing behind), plus the
// catalog's view when one is configured (quilt.md §5).
#include "tools/action_call.hpp"
#include "tools/index.hpp"
#include "tools/package_json.hpp"
#include "tools/package_session.hpp"

#include "arguments.hpp"
#include "quilt/catalog_permissions.hpp"
#include "quilt/direct_backend.hpp"
#include "quilt/permissions.hpp"

#include <boost/json/parse.hpp>

#include <algorithm>
#include <array>
#include <ctime>

namespace quiltup::mcp::tools {

namespace json = boost::json;

namespace {

constexpr std::array<std::string_view, 1> actions{"discover"};

constexpr auto discovery_text =
    "Discover which S3 buckets the current credentials can list, read and write, by probing each bucket.";

constexpr auto description = R"text(Find out what the current credentials may do with S3 buckets before uploading or packaging: call {"action": "discover", "params": {"check_buckets": [...]}}; leave action out to list the actions.
For each bucket it runs real probes: list (ListObjectsV2, max-keys 1), read (HeadObject on a missing probe key: 404 means allowed) and write (CreateMultipartUpload on a probe key, aborted at once, so nothing is left behind; set probe_write=false to skip it). Answers read_access, write_access, list_access and a permission_level (full_access, read_write, read_only, list_only, write_only, no_access) per bucket, with each probe's outcome. With a Quilt catalog configured (QUILT_REGISTRY_URL + QUILT_JWT) it adds the catalog's view and user identity, and check_buckets may be omitted to check every bucket the catalog lists.
Use it when an upload or packaging call fails with AccessDenied.
Example: {"action":"discover","params":{"check_buckets":["my-team-bucket"]}})text";

constexpr auto input_schema = R"json({
  "type": "object",
  "properties": {
    "action": {"type": ["string", "null"], "enum": ["discover", null], "description": "discover; omit to list the actions."},
    "params": {
      "type": "object",
      "description": "Unknown keys are ignored.",
      "properties": {
        "check_buckets": {"type": "array", "items": {"type": "string"},
                          "description": "Buckets to check, e.g. [\"my-team-bucket\"] (s3:// URIs accepted)."},
        "probe_write": {"type": "boolean", "description": "Run the write probe (default true): CreateMultipartUpload, then Abort."}
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
    "bucket_permissions": {
      "type": "array",
      "items": {
        "type": "object",
        "properties": {
          "name": {"type": "string"},
          "accessible": {"type": "boolean"},
          "list_access": {"type": "boolean"},
          "read_access": {"type": "boolean"},
          "write_access": {"type": ["boolean", "null"], "description": "null when the write probe was skipped"},
          "permission_level": {"type": "string"},
          "determined_by": {"type": "string"},
          "probes": {"type": "array", "items": {"type": "object",
            "properties": {"operation": {"type": "string"}, "outcome": {"type": "string"}, "code": {"type": "string"}, "message": {"type": "string"}},
            "required": ["operation", "outcome"]}},
          "notes": {"type": "array", "items": {"type": "string"}},
          "catalog": {"type": "object"}
        },
        "required": ["name", "accessible", "read_access", "write_access", "permission_level"]
      }
    },
    "categorized_buckets": {"type": "object", "properties": {
      "accessible": {"type": "array", "items": {"type": "string"}},
      "not_accessible": {"type": "array", "items": {"type": "string"}}}},
    "total_buckets_checked": {"type": "integer", "minimum": 0},
    "discovery_timestamp": {"type": "string"},
    "user_identity": {"type": "object"},
    "catalog_url": {"type": "string"},
    "catalog_error": {"type": "string"},
    "message": {"type": "string"},
    "error": {"type": "string"},
    "error_code": {"type": "string"},
    "field": {"type": "string"},
    "possible_fixes": {"type": "array", "items": {"type": "string"}},
    "credentials": {"type": "object", "properties": {"source": {"type": ["string", "null"]}, "attempts": {"type": "array"}},
                    "required": ["source", "attempts"]}
  },
  "required": ["success"]
})json";

struct discover_params {
  std::vector<std::string> buckets;
  bool probe_write = true;
};

result<discover_params> read_params(const json::object& params) {
  discover_params p;
  auto buckets = param_string_list(params, "check_buckets", "[\"my-team-bucket\"]");
  if (!buckets) return buckets.error();
  for (auto& b : *buckets) {
    auto bare = bare_bucket(b);
    if (bare.empty())
      return invalid_argument("params.check_buckets", "contains an empty bucket name", "list bucket names, e.g. [\"my-team-bucket\"]");
    p.buckets.push_back(std::move(bare));
  }
  auto probe_write = param_bool(params, "probe_write", true);
  if (!probe_write) return probe_write.error();
  p.probe_write = *probe_write;
  return p;
}

json::object catalog_view_json(const quilt::catalog_bucket_access& b) {
  return {{"accessible", b.accessible},
          {"read_access", b.read_access},
          {"write_access", b.write_access},
          {"permission_level", b.permission_level},
          {"title", b.title},
          {"browsable", b.browsable}};
}

json::object bucket_json(const quilt::bucket_permissions& b) {
  json::array probes, notes;
  for (auto& p : b.probes) {
    json::object row{{"operation", p.operation}, {"outcome", p.outcome}};
    if (!p.code.empty()) row["code"] = p.code;
    if (!p.message.empty()) row["message"] = p.message;
    probes.push_back(std::move(row));
  }
  for (auto& n : b.notes) notes.emplace_back(n);
  // The probes stop at NoSuchBucket: nobody can write to a bucket that does not exist, so the
  // answer is false, not unknown.
  bool missing = std::any_of(b.probes.begin(), b.probes.end(), [](auto& p) { return p.code == "NoSuchBucket"; });
  json::value write = b.write_access ? json::value(*b.write_access) : missing ? json::value(false) : json::value(nullptr);
  return {{"name", b.name},
          {"accessible", b.accessible},
          {"list_access", b.list},
          {"read_access", b.read_access},
          {"write_access", write},
          {"permission_level", b.permission_level},
          {"determined_by", b.determined_by},
          {"probes", std::move(probes)},
          {"notes", std::move(notes)}};
}

awaitable<tool_result> discover(json::object params, engine_session* engine) {
  auto p = read_params(params);
  if (!p) co_return failure_result(p.error(), {{"action", "discover"}});
  json::object base{{"action", "discover"}};

  auto opened = co_await package_session::open(engine);
  if (!opened.session) co_return session_failure_result(*opened.error, opened.report, std::move(base));
  auto& session = *opened.session;

  json::object out{{"success", true}, {"action", "discover"}};
  std::optional<quilt::catalog_permissions> catalog;
  if (auto* client = session.catalog()) {
    out["catalog_url"] = client->endpoint().registry_url;
    auto view = co_await quilt::discover_catalog_permissions(*client, p->buckets);
    if (view) {
      auto& u = view->user;
      json::array roles;
      for (auto& r : u.roles) roles.emplace_back(r);
      out["user_identity"] = json::object{{"name", u.name}, {"email", u.email}, {"is_admin", u.is_admin},
                                          {"role", u.role}, {"roles", std::move(roles)}};
      catalog = std::move(*view);
    } else {
      out["catalog_error"] = view.error().to_string();  // the S3 probes still answer
    }
  }
  if (p->buckets.empty() && catalog)
    for (auto& b : catalog->buckets) p->buckets.push_back(b.name);
  if (p->buckets.empty()) {
    auto e = invalid_argument("params.check_buckets", "is required when no Quilt catalog lists the buckets",
                              "list the buckets to check, e.g. {\"check_buckets\": [\"my-team-bucket\"]}");
    base["credentials"] = credentials::to_json(session.credentials());
    co_return failure_result(e, std::move(base));
  }

  quilt::permissions_options options;
  options.probe_write = p->probe_write;
  auto found = co_await quilt::discover_permissions(session.s3(), p->buckets, options);

  json::array rows, accessible, not_accessible;
  for (auto& b : found) {
    auto row = bucket_json(b);
    if (catalog)
      for (auto& c : catalog->buckets)
        if (c.name == b.name) row["catalog"] = catalog_view_json(c);
    (b.accessible ? accessible : not_accessible).emplace_back(b.name);
    rows.push_back(std::move(row));
  }
  out["bucket_permissions"] = std::move(rows);
  out["categorized_buckets"] = json::object{{"accessible", std::move(accessible)}, {"not_accessible", std::move(not_accessible)}};
  out["total_buckets_checked"] = found.size();
  out["discovery_timestamp"] = quilt::rfc3339_utc(std::time(nullptr));
  out["credentials"] = credentials::to_json(session.credentials());
  co_return answer(std::move(out));
}

awaitable<tool_result> handle(json::object arguments, std::shared_ptr<engine_session> engine) {
  auto call = read_action_call(arguments, actions);
  if (!call) co_return failure_result(call.error());
  if (!call->action) co_return discovery_result("permissions", actions, discovery_text);
  if (*call->action == "discover") co_return co_await discover(std::move(call->params), engine.get());
  co_return unknown_action_result("permissions", *call->action, actions);
}

}  // namespace

tool_spec permissions_tool(const server_config& config) {
  return tool_spec{
      .name = "permissions",
      .title = "Discover S3 bucket permissions",
      .description = description,
      .input_schema = json::parse(input_schema).as_object(),
      .output_schema = json::parse(output_schema).as_object(),
      // The write probe creates and aborts a multipart upload: no object, no version, no change.
      .annotations = {.read_only = true, .destructive = false, .idempotent = true, .open_world = true},
      .handler = [engine = config.engine](json::object arguments, std::shared_ptr<request_context>) {
        return handle(std::move(arguments), engine);
      },
  };
}

}  // namespace quiltup::mcp::tools
