#pragma once
// Scrubs text before it reaches a log line, an error message or an MCP answer. Server bodies,
// curl messages and command output are untrusted and may echo what we sent: a bearer JWT, a
// SigV4 Authorization header, a session token or a secret key.
//
// What goes: the value after "Authorization:" / "Bearer " / "X-Amz-Security-Token" (header,
// query or JSON form), the values of JSON/INI/env fields named like secrets
// (SecretAccessKey, SessionToken, Token, aws_secret_access_key, ...), three-part base64url
// strings that look like JWTs, and any exact string registered with a redactor.
#include <string>
#include <string_view>
#include <vector>

namespace quiltup {

inline constexpr std::string_view redacted_marker = "[redacted]";

// The generic patterns only.
std::string redact(std::string_view text);

// The generic patterns plus known secrets (keys, tokens, JWTs this process holds), matched
// exactly wherever they appear. Short strings (< 8 chars) are ignored: they would match
// ordinary words and carry little entropy anyway.
class redactor {
 public:
  void add_secret(std::string secret);
  std::string operator()(std::string_view text) const;

 private:
  std::vector<std::string> secrets_;
};

}  // namespace quiltup
