#include "quilt/catalog_permissions.hpp"

#include "quilt/graphql_documents.hpp"

#include <algorithm>
#include <cctype>

namespace quiltup::quilt {
namespace {

const char* access_hint = "check that the JWT belongs to a catalog user (QUILT_JWT) and that QUILT_REGISTRY_URL is right";

bool same_email(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

catalog_bucket_access bucket_access(const json_value& bucket, const catalog_user& user) {
  catalog_bucket_access out;
  out.name = string_or(&bucket, "name");
  out.title = string_or(&bucket, "title");
  out.description = string_or(&bucket, "description");
  if (const auto* b = bucket.find("browsable"); b && b->as_bool()) out.browsable = *b->as_bool();
  if (const auto* t = bucket.find("lastIndexed"); t && t->as_string()) out.last_indexed = *t->as_string();
  out.accessible = out.read_access = true;
  if (const auto* list = bucket.find("collaborators"); list && list->as_array()) {
    for (const auto& c : *list->as_array()) {
      if (!same_email(string_or(find_path(c, {"collaborator"}), "email"), user.email)) continue;
      if (string_or(&c, "permissionLevel") == "READ_WRITE") out.write_access = true;
    }
  }
  out.permission_level = out.write_access ? "read_write" : "read_only";
  return out;
}

}  // namespace

awaitable<result<catalog_permissions>> discover_catalog_permissions(catalog_client& client,
                                                                    std::vector<std::string> check_buckets) {
  const graphql_operation op{"permissions query", access_hint};
  // Named arguments, not temporaries in the co_await expression: GCC 12 destroys some of those twice.
  auto me = co_await client.execute(graphql::me, json_value(), op);
  if (!me) co_return me.error();
  const json_value* who = me->find("me");
  if (!who || who->is_null())
    co_return make_error("NoUserData", "No user data returned from catalog", "QUILT_JWT",
                         "the token is anonymous or not a user's: log in to the catalog and use that user's JWT");

  catalog_permissions out;
  out.registry_url = client.endpoint().registry_url;
  out.user.name = string_or(who, "name");
  out.user.email = string_or(who, "email");
  if (const auto* admin = who->find("isAdmin"); admin && admin->as_bool()) out.user.is_admin = *admin->as_bool();
  out.user.role = string_or(find_path(*who, {"role"}), "name");
  if (const auto* roles = who->find("roles"); roles && roles->as_array())
    for (const auto& r : *roles->as_array()) out.user.roles.push_back(string_or(&r, "name"));

  // Try the current stacks' query first; an older stack rejects it in validation.
  out.answered_by = "buckets";
  auto listed = co_await client.execute(graphql::buckets_query, json_value(), op);
  if (!listed) {
    auto older = co_await client.execute(graphql::bucket_configs_query, json_value(), op);
    if (!older) {
      error e = older.error();
      e.message += " (and the current-stack query failed too: " + listed.error().message + ")";
      co_return e;
    }
    out.answered_by = "bucketConfigs";
    listed = std::move(older);
  }
  const json_value* buckets = listed->find(out.answered_by);
  std::vector<catalog_bucket_access> returned;
  if (buckets && buckets->as_array())
    for (const auto& b : *buckets->as_array()) returned.push_back(bucket_access(b, out.user));

  if (check_buckets.empty()) {
    out.buckets = std::move(returned);
    co_return out;
  }
  for (auto& name : check_buckets) {
    auto it = std::find_if(returned.begin(), returned.end(), [&](const auto& b) { return b.name == name; });
    if (it != returned.end()) {
      out.buckets.push_back(*it);
    } else {
      catalog_bucket_access none;
      none.name = name;
      none.permission_level = "no_access";
      out.buckets.push_back(std::move(none));
    }
  }
  co_return out;
}

}  // namespace quiltup::quilt
