#pragma once
// AWS keys as the signer needs them, plus where they came from. Never print the secret or
// the session token: to_string-style helpers deliberately do not exist for this type.
#include <chrono>
#include <optional>
#include <string>

namespace quiltup {

struct aws_credentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // empty for long-term keys
  std::optional<std::chrono::system_clock::time_point> expiration;
  std::string source;  // "catalog", "environment", "profile", "process", "container", "imds", "static"
};

}  // namespace quiltup
