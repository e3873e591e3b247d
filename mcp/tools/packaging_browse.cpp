// packaging browse: one page of a revision's entries (latest by default), each with logical
// key, physical key, size and hash; next_offset says where the following page starts.
#include "tools/action_call.hpp"
#include "tools/package_json.hpp"
#include "tools/package_session.hpp"
#include "tools/packaging_actions.hpp"

#include "arguments.hpp"
#include "quilt/package_name.hpp"

#include <limits>

namespace quiltup::mcp::tools {

namespace json = boost::json;

namespace {

result<quilt::browse_params> read_params(const json::object& params) {
  quilt::browse_params p;
  auto target = read_package_target(params);
  if (!target) return target.error();
  if (auto parsed = quilt::parse_package_name(target->name); !parsed) return parsed.error();
  p.name = std::move(target->name);
  p.bucket = std::move(target->bucket);
  if (p.bucket.empty())
    return invalid_argument("params.bucket", "Bucket parameter required for package browsing",
                            "add the package's bucket, e.g. \"bucket\": \"my-bucket\"");

  auto top_hash = param_string(params, {"top_hash", "hash"});
  if (!top_hash) return top_hash.error();
  if (*top_hash && **top_hash != "latest") p.top_hash = std::move(**top_hash);

  auto offset = param_integer(params, "offset", 0, std::numeric_limits<std::int64_t>::max());
  if (!offset) return offset.error();
  if (*offset) p.offset = std::uint64_t(**offset);
  auto limit = param_integer(params, "limit", 1, 10000);
  if (!limit) return limit.error();
  if (*limit) p.limit = std::uint64_t(**limit);
  return p;
}

json::object browse_json(const quilt::browse_result& r, std::string_view backend,
                         const credentials::credential_report& report) {
  json::object package{{"name", r.name.str()},
                       {"bucket", r.bucket},
                       {"top_hash", r.top_hash},
                       {"message", r.message ? json::value(*r.message) : json::value(nullptr)},
                       {"user_meta", r.user_meta ? to_json(*r.user_meta) : json::value(nullptr)},
                       {"total_entries", r.total_entries},
                       {"total_bytes", r.total_bytes},
                       {"offset", r.offset},
                       {"next_offset", r.next_offset ? json::value(*r.next_offset) : json::value(nullptr)},
                       {"entries", entries_json(r.entries, r.entries.size())}};
  return {{"success", true},
          {"action", "browse"},
          {"backend", backend},
          {"package_name", r.name.str()},
          {"bucket", r.bucket},
          {"top_hash", r.top_hash},
          {"package", std::move(package)},
          {"credentials", credentials::to_json(report)}};
}

}  // namespace

awaitable<tool_result> packaging_browse(json::object params, engine_session* engine) {
  auto p = read_params(params);
  if (!p) co_return failure_result(p.error(), {{"action", "browse"}});

  json::object base{{"action", "browse"}, {"package_name", p->name}, {"bucket", p->bucket}};
  auto opened = co_await package_session::open(engine);
  if (!opened.session) co_return session_failure_result(*opened.error, opened.report, std::move(base));
  auto& session = *opened.session;
  auto outcome = co_await session.service().browse(*p);
  if (!outcome) {
    base["credentials"] = credentials::to_json(session.credentials());
    co_return failure_result(outcome.error(), std::move(base));
  }
  co_return answer(browse_json(*outcome, session.backend().kind(), session.credentials()));
}

}  // namespace quiltup::mcp::tools
