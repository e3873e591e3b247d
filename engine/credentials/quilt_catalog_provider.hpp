#pragma once
// Short-lived keys from the Quilt registry (shared/spec/quilt.md §3):
//   GET {registry}/api/auth/get_credentials
//   Authorization: Bearer <jwt>, Accept: application/json
//   → {"AccessKeyId","SecretAccessKey","SessionToken","Expiration": RFC 3339}
// The registry is QUILT_REGISTRY_URL; the JWT is the per-request token when one is given,
// else QUILT_JWT, else the contents of QUILT_JWT_FILE (re-read at each fetch). Source
// "catalog". One provider serves one bearer token: cached keys are never shared across tokens.
//
// Error texts follow upstream where the situation matches:
//   401 → "JWT token invalid or expired. Please re-authenticate."        (code InvalidJwt)
//   403 → "Access denied. Check your permissions. ..."                     (code InvalidJwt)
//   HTML → "... use the registry URL, not the catalog URL"                (code CatalogUrlNotRegistry)
//   other non-2xx → "Catalog credential request failed (status N): <first 200 chars>"
//   empty / non-JSON / missing fields → see credentials_json.hpp
//   timeout → "Timeout while fetching AWS credentials"
//   keys already expired → the catalog UI's clock message
#include "credentials/environment.hpp"
#include "credentials/provider.hpp"
#include "http/client.hpp"

#include <chrono>
#include <functional>
#include <optional>

namespace quiltup::credentials {

struct catalog_options {
  std::optional<std::string> registry_url;  // overrides QUILT_REGISTRY_URL
  std::optional<std::string> bearer_token;  // per-request token; overrides QUILT_JWT / QUILT_JWT_FILE
  std::chrono::milliseconds timeout{30'000};
  std::function<std::chrono::system_clock::time_point()> now = [] { return std::chrono::system_clock::now(); };
};

class quilt_catalog_provider final : public provider {
 public:
  quilt_catalog_provider(http::client& http, environment env = process_environment(), catalog_options options = {})
      : http_(http), env_(std::move(env)), options_(std::move(options)) {}
  awaitable<result<aws_credentials>> fetch() override;
  std::string_view name() const noexcept override { return "catalog"; }

  // The JWT this provider would send (for registering it with a redactor); empty if none.
  std::string bearer_token() const;

 private:
  http::client& http_;
  environment env_;
  catalog_options options_;
};

}  // namespace quiltup::credentials
