#pragma once
// The JSON shape every credential endpoint shares: AccessKeyId, SecretAccessKey, a session
// token (SessionToken from the registry and credential_process, Token from the container and
// IMDS endpoints) and an optional RFC 3339 Expiration. Pure: the error texts say which
// endpoint answered (`what`) and never quote a secret.
#include "core/aws_credentials.hpp"
#include "core/error.hpp"

#include <string>
#include <string_view>

namespace quiltup::credentials {

struct json_expectations {
  std::string what;                  // "Catalog credential endpoint", "Container credentials endpoint", ...
  std::string source;                // aws_credentials::source to stamp
  bool require_session_token = false;
  bool require_expiration = false;
  bool require_version_1 = false;    // credential_process: "Version": 1
};

// Errors (code "InvalidCredentialResponse"):
//   "<what> returned an empty response"
//   "<what> returned non-JSON response: <redacted first 200 chars>"
//   "Invalid credential response: missing fields [AccessKeyId, ...] (from <what>)"
//   "... Expiration '<text>' is not an RFC 3339 timestamp"
result<aws_credentials> parse_credentials_json(std::string_view body, const json_expectations& expect);

// First 200 characters, redacted, control characters flattened: for quoting server text.
std::string excerpt(std::string_view text);

}  // namespace quiltup::credentials
