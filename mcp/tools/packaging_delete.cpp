// packaging delete: dry_run previews the revisions and pointer objects that would go; without
// confirm=true nothing is deleted and the answer shows the call that would do it.
#include "tools/action_call.hpp"
#include "tools/package_json.hpp"
#include "tools/package_session.hpp"
#include "tools/packaging_actions.hpp"

#include "arguments.hpp"
#include "quilt/package_name.hpp"

#include <cstdlib>

namespace quiltup::mcp::tools {

namespace json = boost::json;

namespace {

result<quilt::delete_params> read_params(const json::object& params) {
  quilt::delete_params p;
  auto target = read_package_target(params);
  if (!target) return target.error();
  if (auto parsed = quilt::parse_package_name(target->name); !parsed) return parsed.error();
  p.name = std::move(target->name);
  p.bucket = std::move(target->bucket);
  if (p.bucket.empty())
    return invalid_argument("params.bucket", "is required to delete a package",
                            "add the package's bucket, e.g. \"bucket\": \"my-bucket\"");

  auto confirm = param_bool(params, "confirm", false);
  if (!confirm) return confirm.error();
  p.confirm = *confirm;
  auto dry_run = param_bool(params, "dry_run", false);
  if (!dry_run) return dry_run.error();
  p.dry_run = *dry_run;
  auto reason = param_string(params, {"reason"});
  if (!reason) return reason.error();
  if (*reason) p.reason = std::move(**reason);
  return p;
}

// Where the package's revisions are recorded, for answers given before any backend is built.
std::string registry_of(const std::string& bucket) {
  const char* url = std::getenv("QUILT_REGISTRY_URL");
  return url && *url ? std::string(url) : "s3://" + bucket;
}

std::string confirm_call(const quilt::delete_params& p) {
  return "Call packaging(action='delete', params={'name': '" + p.name + "', 'bucket': '" + p.bucket +
         "', 'confirm': True})";
}

json::object deleted_json(const quilt::delete_result& r, std::string_view backend, const quilt::delete_params& p,
                          const credentials::credential_report& report) {
  json::array revisions, keys;
  for (auto& rev : r.revisions) revisions.push_back(revision_json(rev));
  for (auto& k : r.deleted_keys) keys.emplace_back(k);
  json::object out{{"success", true},
                   {"action", r.dry_run ? "preview" : "deleted"},
                   {"backend", backend},
                   {"dry_run", r.dry_run},
                   {"package_name", r.name.str()},
                   {"registry", r.registry},
                   {"bucket", r.bucket},
                   {"revisions", std::move(revisions)},
                   {"deleted_keys", std::move(keys)},
                   {"message", r.message},
                   {"credentials", credentials::to_json(report)}};
  if (!p.reason.empty()) out["reason"] = p.reason;
  if (r.dry_run) out["next_steps"] = json::array{confirm_call(p)};
  return out;
}

}  // namespace

awaitable<tool_result> packaging_delete(json::object params, engine_session* engine) {
  auto p = read_params(params);
  if (!p) co_return failure_result(p.error(), {{"action", "delete"}});

  // Refused before any credentials are looked for: nothing goes without an explicit confirm.
  if (!p->dry_run && !p->confirm) {
    json::object refusal{{"action", "preview"},
                         {"package_name", p->name},
                         {"registry", registry_of(p->bucket)},
                         {"bucket", p->bucket},
                         {"message", "Set confirm=True to delete this package"},
                         {"next_steps", json::array{confirm_call(*p)}}};
    if (!p->reason.empty()) refusal["reason"] = p->reason;
    co_return failure_result(quilt::confirm_required_error(*p), std::move(refusal));
  }

  json::object base{{"action", "delete"}, {"package_name", p->name}, {"bucket", p->bucket}};
  auto opened = co_await package_session::open(engine);
  if (!opened.session) co_return session_failure_result(*opened.error, opened.report, std::move(base));
  auto& session = *opened.session;
  auto outcome = co_await session.service().delete_package(*p);
  if (!outcome) {
    base["credentials"] = credentials::to_json(session.credentials());
    co_return failure_result(outcome.error(), std::move(base));
  }
  co_return answer(deleted_json(*outcome, session.backend().kind(), *p, session.credentials()));
}

}  // namespace quiltup::mcp::tools
