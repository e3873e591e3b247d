#include "credentials/environment.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace quiltup::credentials {

environment process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (!v || !*v) return std::nullopt;
    return std::string(v);
  };
}

environment fixed_environment(std::map<std::string, std::string> values) {
  return [values = std::move(values)](const std::string& name) -> std::optional<std::string> {
    auto it = values.find(name);
    if (it == values.end() || it->second.empty()) return std::nullopt;
    return it->second;
  };
}

std::string env_or(const environment& env, const std::string& name, std::string fallback) {
  auto v = env(name);
  return v ? *v : std::move(fallback);
}

bool env_flag(const environment& env, const std::string& name, bool fallback) {
  auto v = env(name);
  if (!v) return fallback;
  std::string s = *v;
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (s == "off" || s == "false" || s == "0" || s == "no") return false;
  if (s == "on" || s == "true" || s == "1" || s == "yes") return true;
  return fallback;
}

}  // namespace quiltup::credentials
