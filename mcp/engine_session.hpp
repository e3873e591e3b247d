#pragma once
// The engine connection every tool call shares: one http::client (its connection pool and
// curl multi handle), one credentials session (catalog first, then ambient; keys cached and
// refreshed across calls) and one pacer per endpoint. Built by main before the first request
// and cheap to build: nothing touches the network or the credential files until a tool asks.
//
// Settings come from the environment the MCP host passes, read when a call needs them, so a
// bad AWS_ENDPOINT_URL is an answer to that call, not a crash at startup:
//   AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL, AWS_REGION / AWS_DEFAULT_REGION, AWS_CA_BUNDLE,
//   QUILT_REGISTRY_URL + QUILT_JWT / QUILT_JWT_FILE, AWS_* keys and profiles.
//
// Used from the io executor only; destroy it before the io_context (main declares it after).
#include "core/awaitable.hpp"
#include "core/error.hpp"
#include "credentials/default_chain.hpp"
#include "http/client.hpp"
#include "s3/client.hpp"

#include <memory>

namespace quiltup::mcp {

class engine_session {
 public:
  explicit engine_session(executor io);
  engine_session(const engine_session&) = delete;
  engine_session& operator=(const engine_session&) = delete;

  // An S3 client for one call, on the shared connection pool, pacer and credentials. Errors
  // name AWS_ENDPOINT_URL when the endpoint is malformed.
  result<std::unique_ptr<s3::client>> make_s3_client();

  credentials::credentials_session& credentials() noexcept { return credentials_; }
  http::client& http() noexcept { return http_; }

 private:
  http::client http_;
  credentials::credentials_session credentials_;
  std::shared_ptr<s3::pacer> pacer_;
};

}  // namespace quiltup::mcp
