#pragma once
// Which provider served and what each one tried: what the CLI JSON and the MCP answer carry as
//   "credentials": {"source": "catalog"|null, "expiration": "...Z"?, "attempts": [{provider, outcome, detail}]}
// Details are redacted error messages; never a key, token or JWT.
#include <boost/json/object.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace quiltup::credentials {

struct credential_attempt {
  std::string provider;  // "catalog", "environment", "profile", "container", "imds"
  std::string outcome;   // "ok", "skipped" (not configured) or "failed"
  std::string detail;    // why it declined or failed; for "ok", the source it gave
};

struct credential_report {
  std::string source;  // aws_credentials::source of the keys in use; empty when none
  std::optional<std::chrono::system_clock::time_point> expiration;
  std::vector<credential_attempt> attempts;

  // upstream's coarser label: "catalog", "ambient", or empty
  std::string coarse_source() const;
};

boost::json::object to_json(const credential_report& report);

}  // namespace quiltup::credentials
