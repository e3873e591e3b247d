#include "quilt/catalog_client.hpp"

#include "core/redact.hpp"
#include "credentials/credentials_json.hpp"
#include "credentials/quilt_catalog_provider.hpp"
#include "quilt/canonical_json.hpp"

namespace quiltup::quilt {
namespace {

const char* login_hint =
    "log in to the catalog again and pass the new token (QUILT_JWT or QUILT_JWT_FILE in the server's environment)";

bool looks_like_html(const http::response& r) {
  if (auto type = r.headers.get("Content-Type"); type && type->find("text/html") != std::string_view::npos) return true;
  const auto first = r.body.find_first_not_of(" \t\r\n");
  return first != std::string::npos && r.body[first] == '<';
}

// Python requests' raise_for_status wording ("400 Client Error"), which upstream's messages
// carry and users search for.
std::string status_text(int status) {
  return std::to_string(status) + (status >= 500 ? " Server Error" : " Client Error");
}

error failed(const graphql_operation& op, std::string code, std::string detail, std::string field, std::string hint) {
  return make_error(std::move(code), "GraphQL " + op.what + " failed: " + detail, std::move(field), std::move(hint));
}

// Every GraphQL error message, joined: the first alone may hide which field was at fault.
std::string joined_messages(const json_array& errors) {
  std::string out;
  for (const auto& e : errors) {
    auto message = string_or(&e, "message", "(no message)");
    if (const auto* path = e.find("path"); path && path->as_array()) {
      std::string at;
      for (const auto& step : *path->as_array())
        at += (at.empty() ? "" : ".") + (step.as_string() ? *step.as_string() : to_json(step, json_style::canonical));
      if (!at.empty()) message += " (at " + at + ")";
    }
    out += (out.empty() ? "" : "; ") + message;
  }
  return out;
}

}  // namespace

std::optional<catalog_endpoint> catalog_endpoint_from_environment(http::client& http,
                                                                  const credentials::environment& env) {
  std::string registry = credentials::env_or(env, "QUILT_REGISTRY_URL");
  while (!registry.empty() && registry.back() == '/') registry.pop_back();
  if (registry.empty()) return std::nullopt;
  std::string token = credentials::quilt_catalog_provider(http, env).bearer_token();
  if (token.empty()) return std::nullopt;
  return catalog_endpoint{std::move(registry), std::move(token)};
}

awaitable<result<json_value>> catalog_client::execute(std::string_view document, json_value variables,
                                                      graphql_operation op) {
  json_value body = json_object{};
  body.set("query", std::string(document));
  body.set("variables", variables.is_null() ? json_value(json_object{}) : std::move(variables));

  http::request req;
  req.method = "POST";
  req.url = endpoint_.registry_url + "/graphql";
  req.headers.add("Authorization", "Bearer " + endpoint_.bearer_token);
  req.headers.add("Content-Type", "application/json");
  req.headers.add("Accept", "application/json");
  req.headers.add("User-Agent", "quiltup/0.1");
  req.body = http::body::from_string(to_json(body, json_style::manifest));
  req.connect_timeout = std::min<std::chrono::milliseconds>(timeout_, std::chrono::seconds(10));
  req.total_timeout = timeout_;

  redactor scrub;
  scrub.add_secret(endpoint_.bearer_token);

  auto response = co_await http_.send(std::move(req));
  if (!response) {
    const error& e = response.error();
    const bool timeout = e.code == "Timeout";
    error out = failed(op, timeout ? "Timeout" : "CatalogUnreachable",
                       (timeout ? "timed out waiting for " : "cannot reach ") + endpoint_.registry_url + "/graphql: " +
                           scrub(e.message),
                       "QUILT_REGISTRY_URL", "check that QUILT_REGISTRY_URL is the registry and that it is reachable");
    out.retryable = true;
    co_return out;
  }
  const http::response& r = *response;

  if (r.status == 401 || r.status == 403) {
    error e = failed(op, "InvalidJwt",
                     status_text(r.status) + (r.status == 401 ? ": the registry says the JWT is invalid or expired"
                                                              : ": the registry refused the JWT"),
                     "QUILT_JWT", login_hint);
    e.http_status = r.status;
    co_return e;
  }
  if (looks_like_html(r)) {
    error e = failed(op, "CatalogUrlNotRegistry",
                     status_text(r.status) + ": " + endpoint_.registry_url +
                         "/graphql answered with HTML, not JSON: this is the catalog URL, not the registry URL",
                     "QUILT_REGISTRY_URL",
                     "set QUILT_REGISTRY_URL to the catalog's registryUrl from https://<catalog-host>/config.json");
    e.http_status = r.status;
    co_return e;
  }

  auto parsed = parse_json(r.body);
  const json_value* errors = parsed ? parsed->find("errors") : nullptr;
  const bool has_errors = errors && errors->as_array() && !errors->as_array()->empty();

  if (r.status < 200 || r.status > 299) {
    // A GraphQL server answers validation errors with 400 and a JSON body: quote its messages
    // rather than the raw body.
    std::string detail = status_text(r.status) + ": " +
                         (has_errors ? scrub(joined_messages(*errors->as_array())) : credentials::excerpt(scrub(r.body)));
    error e = failed(op, "GraphQLHttpError", std::move(detail), "",
                     r.status >= 500 ? "the registry failed; retry later, and if it persists check the registry's logs"
                                     : op.hint);
    e.http_status = r.status;
    e.retryable = r.status >= 500 || r.status == 429;
    co_return e;
  }
  if (!parsed) {
    error e = failed(op, "GraphQLError", "the registry answered with non-JSON: " + credentials::excerpt(scrub(r.body)),
                     "QUILT_REGISTRY_URL", "check that QUILT_REGISTRY_URL is the registry");
    e.http_status = r.status;
    co_return e;
  }
  if (has_errors) {
    error e = failed(op, "GraphQLError", scrub(joined_messages(*errors->as_array())), "", op.hint);
    e.http_status = r.status;
    co_return e;
  }
  const json_value* data = parsed->find("data");
  if (!data || !data->as_object()) {
    error e = failed(op, "GraphQLError", "the response has no data", "", "retry; if it persists check the registry");
    e.http_status = r.status;
    co_return e;
  }
  co_return *data;
}

const json_value* find_path(const json_value& root, std::initializer_list<std::string_view> path) {
  const json_value* at = &root;
  for (auto key : path) {
    at = at->find(key);
    if (!at) return nullptr;
  }
  return at;
}

std::string string_or(const json_value* object, std::string_view key, std::string fallback) {
  if (!object) return fallback;
  const json_value* v = object->find(key);
  return v && v->as_string() ? *v->as_string() : fallback;
}

}  // namespace quiltup::quilt
