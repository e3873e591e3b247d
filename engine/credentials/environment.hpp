#pragma once
// Read access to environment variables, injectable so providers are testable without
// touching the process environment. An empty value counts as unset, as in the AWS SDKs.
#include <functional>
#include <map>
#include <optional>
#include <string>

namespace quiltup::credentials {

using environment = std::function<std::optional<std::string>(const std::string& name)>;

// getenv, read at each lookup (a rotated token file path or a re-exported key is seen).
environment process_environment();
// A fixed map: tests, and the MCP server's per-request configuration.
environment fixed_environment(std::map<std::string, std::string> values);

std::string env_or(const environment& env, const std::string& name, std::string fallback = {});
// "off", "false", "0", "no" (any case) → false; "on", "true", "1", "yes" → true; else fallback.
bool env_flag(const environment& env, const std::string& name, bool fallback);

}  // namespace quiltup::credentials
