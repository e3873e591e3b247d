// packaging: create, delete or browse Quilt packages ({action, params}; quilt.md §1, §4). The
// tool's face — description, schemas, annotations — and the dispatch to packaging_<action>.cpp.
#include "tools/action_call.hpp"
#include "tools/index.hpp"
#include "tools/package_json.hpp"
#include "tools/packaging_actions.hpp"

#include <boost/json/parse.hpp>

#include <array>

namespace quiltup::mcp::tools {

namespace json = boost::json;

namespace {

constexpr std::array<std::string_view, 3> actions{"browse", "create", "delete"};

constexpr auto discovery_text =
    "Quilt package operations: create a package revision from S3 objects, browse a revision's entries, "
    "delete a package (confirm=true required; dry_run=true previews).";

constexpr auto description = R"text(Create, browse or delete Quilt packages (versioned collections of S3 objects) in a bucket. Call with {"action": ..., "params": {...}}; leave action out to list the actions.
- create: params name ("namespace/name", required; alias package_name), files (list of s3:// URIs in one bucket, optionally with ?versionId=; logical keys are the file names, or the full keys with auto_organize=true), description (the revision message), readme (inline Markdown, uploaded as the package's README.md to bucket), metadata (object; alias meta), bucket, dry_run (plan only). Needs files or readme. Returns top_hash and the entries.
- browse: params name, bucket (required), top_hash (default: latest), offset, limit (default 1000). Returns logical key, physical key, size and hash of each entry.
- delete: params name, bucket, confirm (must be true to delete), dry_run (preview what would go), reason. Removes every revision's pointer; manifests and data objects stay.
Without a Quilt catalog configured (QUILT_REGISTRY_URL + QUILT_JWT), quiltup writes the quilt3 layout itself. An AccessDenied means the credentials lack S3 permissions: run permissions(action="discover").
Example: {"action":"create","params":{"name":"my-team/my-pkg","bucket":"my-bucket","files":["s3://my-bucket/data.csv"],"description":"First version","metadata":{"author":"Jane"}}})text";

constexpr auto input_schema = R"json({
  "type": "object",
  "properties": {
    "action": {"type": ["string", "null"], "enum": ["browse", "create", "delete", null],
               "description": "What to do; omit to list the actions."},
    "params": {
      "type": "object",
      "description": "The action's parameters; unknown keys are ignored.",
      "properties": {
        "name": {"type": "string", "description": "Package name \"namespace/name\", e.g. \"my-team/my-pkg\" (letters, digits, '-', '_')."},
        "package_name": {"type": "string", "description": "Same as name."},
        "bucket": {"type": "string", "description": "The package's bucket, e.g. \"my-bucket\" (create: where the README goes)."},
        "files": {"type": "array", "items": {"type": "string"}, "description": "create: s3:// URIs, all in one bucket."},
        "description": {"type": "string", "description": "create: the revision message."},
        "readme": {"type": "string", "description": "create: Markdown for the package's README.md."},
        "metadata": {"type": ["object", "string"], "description": "create: package metadata (object, or a JSON string of one)."},
        "meta": {"type": ["object", "string"], "description": "Same as metadata."},
        "auto_organize": {"type": "boolean", "description": "create: logical key = full S3 key instead of the file name."},
        "prefix_map": {"type": "object", "additionalProperties": {"type": "string"},
                       "description": "create: {\"s3://b/raw/\": \"data/\"} puts files under raw/ at data/ in the package."},
        "dry_run": {"type": "boolean", "description": "create: return the plan; delete: preview. Nothing is written."},
        "confirm": {"type": "boolean", "description": "delete: must be true to delete."},
        "reason": {"type": "string", "description": "delete: why, echoed in the answer."},
        "top_hash": {"type": "string", "description": "browse: a revision's top hash (default: latest)."},
        "offset": {"type": "integer", "minimum": 0, "description": "browse: first entry to return."},
        "limit": {"type": "integer", "minimum": 1, "maximum": 10000, "description": "browse: entries per answer (default 1000)."},
        "registry": {"type": "string", "description": "s3://bucket of the package; used when bucket is absent."}
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
    "action": {"type": "string", "description": "create | browse | preview | deleted | refused"},
    "backend": {"type": "string", "enum": ["direct", "catalog"]},
    "dry_run": {"type": "boolean"},
    "package_name": {"type": "string"},
    "bucket": {"type": "string"},
    "registry": {"type": "string"},
    "top_hash": {"type": "string"},
    "entries_added": {"type": "integer", "minimum": 0},
    "entries": {"type": "array", "items": {"$ref": "#/$defs/entry"}},
    "entries_omitted": {"type": "integer", "minimum": 0},
    "files": {"type": "array", "items": {"type": "object", "properties": {"logical_key": {"type": "string"}, "physical_key": {"type": "string"}},
                                         "required": ["logical_key", "physical_key"]}},
    "metadata": {},
    "planned_readme_uri": {"type": ["string", "null"]},
    "readme_target_bucket": {"type": ["string", "null"]},
    "readme_upload": {"type": "object"},
    "manifest_key": {"type": "string"},
    "pointer_key": {"type": "string"},
    "modified": {"type": "string"},
    "revision": {},
    "package": {
      "type": "object",
      "properties": {
        "name": {"type": "string"}, "bucket": {"type": "string"}, "top_hash": {"type": "string"},
        "message": {"type": ["string", "null"]}, "user_meta": {},
        "total_entries": {"type": "integer", "minimum": 0}, "total_bytes": {"type": "integer", "minimum": 0},
        "offset": {"type": "integer", "minimum": 0}, "next_offset": {"type": ["integer", "null"]},
        "entries": {"type": "array", "items": {"$ref": "#/$defs/entry"}}
      },
      "required": ["name", "bucket", "top_hash", "total_entries", "entries"]
    },
    "revisions": {"type": "array", "items": {"type": "object", "properties": {"top_hash": {"type": "string"}, "unix_seconds": {"type": "integer"}, "pointer_key": {"type": "string"}},
                                             "required": ["top_hash"]}},
    "deleted_keys": {"type": "array", "items": {"type": "string"}},
    "reason": {"type": "string"},
    "warnings": {"type": "array", "items": {"type": "string"}},
    "message": {"type": "string"},
    "error": {"type": "string"},
    "error_code": {"type": "string"},
    "field": {"type": "string"},
    "possible_fixes": {"type": "array", "items": {"type": "string"}},
    "next_steps": {"type": "array", "items": {"type": "string"}},
    "credentials": {"type": "object", "properties": {"source": {"type": ["string", "null"]}, "attempts": {"type": "array"}},
                    "required": ["source", "attempts"]}
  },
  "required": ["success"],
  "$defs": {
    "entry": {
      "type": "object",
      "properties": {
        "logical_key": {"type": "string"}, "physical_key": {"type": "string"},
        "size": {"type": "integer", "minimum": 0},
        "hash": {"type": "object", "properties": {"type": {"type": "string"}, "value": {"type": "string"}}, "required": ["type", "value"]},
        "meta": {"type": "object"}
      },
      "required": ["logical_key", "physical_key", "size", "hash"]
    }
  }
})json";

awaitable<tool_result> handle(json::object arguments, std::shared_ptr<engine_session> engine) {
  auto call = read_action_call(arguments, actions);
  if (!call) co_return failure_result(call.error());
  if (!call->action) co_return discovery_result("packaging", actions, discovery_text);
  auto& action = *call->action;
  if (action == "create") co_return co_await packaging_create(std::move(call->params), engine.get());
  if (action == "delete") co_return co_await packaging_delete(std::move(call->params), engine.get());
  if (action == "browse") co_return co_await packaging_browse(std::move(call->params), engine.get());
  co_return unknown_action_result("packaging", action, actions);
}

}  // namespace

tool_spec packaging_tool(const server_config& config) {
  return tool_spec{
      .name = "packaging",
      .title = "Create, browse or delete Quilt packages",
      .description = description,
      .input_schema = json::parse(input_schema).as_object(),
      .output_schema = json::parse(output_schema).as_object(),
      // One set for all actions, the worst case: delete destroys, create makes a new revision each time.
      .annotations = {.read_only = false, .destructive = true, .idempotent = false, .open_world = true},
      .handler = [engine = config.engine](json::object arguments, std::shared_ptr<request_context>) {
        return handle(std::move(arguments), engine);
      },
  };
}

}  // namespace quiltup::mcp::tools
