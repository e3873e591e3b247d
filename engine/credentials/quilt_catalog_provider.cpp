#include "credentials/quilt_catalog_provider.hpp"

#include "credentials/credentials_json.hpp"

#include <fstream>
#include <sstream>

namespace quiltup::credentials {
namespace {

std::string trimmed(std::string s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

bool looks_like_html(const http::response& r) {
  if (auto type = r.headers.get("Content-Type"); type && type->find("text/html") != std::string_view::npos) return true;
  const auto first = r.body.find_first_not_of(" \t\r\n");
  return first != std::string::npos && r.body[first] == '<';
}

const char* login_hint = "log in to the catalog again and pass the new token (QUILT_JWT, QUILT_JWT_FILE or the request's token)";

}  // namespace

std::string quilt_catalog_provider::bearer_token() const {
  if (options_.bearer_token) return trimmed(*options_.bearer_token);
  if (auto jwt = env_("QUILT_JWT")) return trimmed(*jwt);
  if (auto path = env_("QUILT_JWT_FILE")) {
    std::ifstream in(*path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return trimmed(ss.str());
  }
  return {};
}

awaitable<result<aws_credentials>> quilt_catalog_provider::fetch() {
  std::string registry = options_.registry_url ? *options_.registry_url : env_or(env_, "QUILT_REGISTRY_URL");
  if (registry.empty())
    co_return not_configured("QUILT_REGISTRY_URL environment variable not configured", "QUILT_REGISTRY_URL",
                             "set QUILT_REGISTRY_URL to the registry (e.g. https://<stack>-registry.example.com) and QUILT_JWT");
  while (!registry.empty() && registry.back() == '/') registry.pop_back();
  const std::string token = bearer_token();
  if (token.empty()) {
    if (!options_.bearer_token && !env_("QUILT_JWT") && env_("QUILT_JWT_FILE"))
      co_return make_error("InvalidJwt", "QUILT_JWT_FILE is missing, unreadable or empty", "QUILT_JWT_FILE", login_hint);
    co_return not_configured("JWT authentication required. Provide Authorization: Bearer header.", "QUILT_JWT",
                             "set QUILT_JWT or QUILT_JWT_FILE, or pass the token with the request");
  }

  http::request req;
  req.method = "GET";
  req.url = registry + "/api/auth/get_credentials";
  req.headers.add("Authorization", "Bearer " + token);
  req.headers.add("Accept", "application/json");
  req.headers.add("User-Agent", "quiltup/0.1");
  req.connect_timeout = std::min<std::chrono::milliseconds>(options_.timeout, std::chrono::seconds(5));
  req.total_timeout = options_.timeout;

  auto response = co_await http_.send(std::move(req));
  if (!response) {
    error e = response.error();
    const bool timeout = e.code == "Timeout";
    co_return make_error(timeout ? "Timeout" : "CatalogUnreachable",
                         timeout ? "Timeout while fetching AWS credentials from " + registry
                                 : "Failed to fetch AWS credentials: " + e.message,
                         "QUILT_REGISTRY_URL", "check that QUILT_REGISTRY_URL is the registry and is reachable");
  }
  const http::response& r = *response;
  if (r.status == 401) {
    error e = make_error("InvalidJwt", "JWT token invalid or expired. Please re-authenticate.", "QUILT_JWT", login_hint);
    e.http_status = 401;
    co_return e;
  }
  if (r.status == 403) {
    error e = make_error("InvalidJwt",
                         "Access denied. Check your permissions. The registry refused the JWT (it may be expired or "
                         "invalid, or its role may not be allowed to get credentials).",
                         "QUILT_JWT", login_hint);
    e.http_status = 403;
    co_return e;
  }
  if (looks_like_html(r)) {
    error e = make_error("CatalogUrlNotRegistry",
                         registry + " answered /api/auth/get_credentials with HTML, not JSON: use the registry URL, not "
                                    "the catalog URL",
                         "QUILT_REGISTRY_URL",
                         "set QUILT_REGISTRY_URL to the catalog's registryUrl from https://<catalog-host>/config.json "
                         "(e.g. https://<stack>-registry.example.com)");
    e.http_status = r.status;
    co_return e;
  }
  if (r.status < 200 || r.status > 299) {
    error e = make_error("CatalogCredentialsFailed",
                         "Catalog credential request failed (status " + std::to_string(r.status) + "): " + excerpt(r.body),
                         "QUILT_REGISTRY_URL", "retry later; if it persists, check the registry's logs");
    e.http_status = r.status;
    e.retryable = r.status >= 500 || r.status == 429;
    co_return e;
  }
  auto parsed = parse_credentials_json(r.body, {.what = "Catalog credential endpoint",
                                                .source = "catalog",
                                                .require_session_token = true,
                                                .require_expiration = true});
  if (!parsed) co_return parsed.error();
  if (parsed->expiration && *parsed->expiration <= options_.now())
    co_return make_error("ExpiredCredentials",
                         "We're getting credentials that are already expired. Check your computer's clock, please",
                         "Expiration", "sync the system clock (e.g. with NTP) and retry");
  co_return parsed;
}

}  // namespace quiltup::credentials
