#pragma once
// One GraphQL exchange with a Quilt registry (shared/spec/quilt.md §4):
//   POST {registry}/graphql, Authorization: Bearer <jwt>, {"query", "variables"} → {"data", "errors"}
// The registry is QUILT_REGISTRY_URL (not the catalog host, which answers with HTML); the JWT is
// read exactly as the catalog credential provider reads it (QUILT_JWT, else QUILT_JWT_FILE).
//
// Every failure is a value whose message starts "GraphQL <what> failed: " (the prefix users
// search for, e.g. "GraphQL package creation failed: 400 Client Error: ..."):
//   transport failure   → code CatalogUnreachable / Timeout (retryable)
//   401 / 403           → code InvalidJwt, hint: log in again
//   HTML instead of JSON→ code CatalogUrlNotRegistry, hint: use the registry URL
//   other 4xx / 5xx     → code GraphQLHttpError, "<status> Client Error" / "<status> Server Error",
//                         hint: the operation's own advice (e.g. check the S3 URIs); 5xx retryable
//   {"errors": [...]}   → code GraphQLError with every message joined; hint: the operation's advice
// A union member the schema uses for failures (InvalidInput, OperationError) is data, not an
// error, at this level: the caller maps it (catalog_backend).
//
// Variables and data are quilt::json_value, so user metadata keeps its number text both ways
// (a float 1.0 stays 1.0, a 20-digit int stays exact) and revisions round-trip unchanged.
#include "core/awaitable.hpp"
#include "core/error.hpp"
#include "credentials/environment.hpp"
#include "http/client.hpp"
#include "quilt/json_value.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace quiltup::quilt {

struct catalog_endpoint {
  std::string registry_url;  // "https://registry.example.com", no trailing '/'
  std::string bearer_token;
};

// nullopt when QUILT_REGISTRY_URL or the JWT is missing: quiltup then uses the direct backend.
// The JWT is read by credentials::quilt_catalog_provider, so both see the same token.
std::optional<catalog_endpoint> catalog_endpoint_from_environment(http::client& http,
                                                                  const credentials::environment& env);

// What a request is for, in the words of its error messages.
struct graphql_operation {
  std::string what;  // "package creation" → "GraphQL package creation failed: ..."
  std::string hint;  // advice when the registry rejects the request (4xx or GraphQL errors)
};

class catalog_client {
 public:
  catalog_client(http::client& http, catalog_endpoint endpoint,
                 std::chrono::milliseconds timeout = std::chrono::seconds(60))
      : http_(http), endpoint_(std::move(endpoint)), timeout_(timeout) {}

  // The response's `data` object. `variables` must be an object (or null for none).
  awaitable<result<json_value>> execute(std::string_view document, json_value variables, graphql_operation op);

  const catalog_endpoint& endpoint() const noexcept { return endpoint_; }

 private:
  http::client& http_;
  catalog_endpoint endpoint_;
  std::chrono::milliseconds timeout_;
};

// Reading GraphQL data without a line of checks per field: a path of member names, nullptr when
// any step is absent or not an object.
const json_value* find_path(const json_value& root, std::initializer_list<std::string_view> path);
// The string at `key`, or `fallback` when absent, null or not a string.
std::string string_or(const json_value* object, std::string_view key, std::string fallback = {});

}  // namespace quiltup::quilt
