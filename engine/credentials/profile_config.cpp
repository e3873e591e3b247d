#include "credentials/profile_config.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace quiltup::credentials {
namespace {

// nullopt: the file does not exist.
result<std::optional<ini_file>> read_ini(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::optional<ini_file>{};
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return make_error("InvalidConfigFile", "cannot read " + path, path,
                      "check the file's permissions, or point AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE elsewhere");
  std::ostringstream ss;
  ss << in.rdbuf();
  auto parsed = parse_ini(ss.str(), path);
  if (!parsed) return parsed.error();
  return std::optional<ini_file>(std::move(*parsed));
}

void merge(ini_section& into, const ini_section& from) {
  for (const auto& [k, v] : from.values) into.values[k] = v;
  for (const auto& [block, kv] : from.nested)
    for (const auto& [k, v] : kv) into.nested[block][k] = v;
}

}  // namespace

std::string profile_config::region() const {
  const std::string* r = settings.get("region");
  return r ? *r : std::string();
}

std::string profile_config::s3_endpoint_url() const {
  if (const std::string* v = services.get_nested("s3", "endpoint_url")) return *v;
  if (const std::string* v = settings.get_nested("s3", "endpoint_url")) return *v;
  if (const std::string* v = settings.get("endpoint_url")) return *v;
  return {};
}

std::string profile_config::s3_addressing_style() const {
  const std::string* v = settings.get_nested("s3", "addressing_style");
  return v ? *v : std::string();
}

result<profile_config> load_profile_config(const environment& env) {
  profile_config p;
  if (auto name = env("AWS_PROFILE")) {
    p.name = *name;
    p.name_from_environment = true;
  } else if (auto legacy = env("AWS_DEFAULT_PROFILE")) {
    p.name = *legacy;
    p.name_from_environment = true;
  } else {
    p.name = "default";
  }
  const std::string home = env_or(env, "HOME");
  p.credentials_path = env_or(env, "AWS_SHARED_CREDENTIALS_FILE", home.empty() ? "" : home + "/.aws/credentials");
  p.config_path = env_or(env, "AWS_CONFIG_FILE", home.empty() ? "" : home + "/.aws/config");

  if (!p.config_path.empty()) {
    auto config = read_ini(p.config_path);
    if (!config) return config.error();
    if (*config) {
      // [default] or [profile default] for the default profile, [profile x] for the others.
      for (const std::string& section : {p.name == "default" ? std::string("default") : std::string(),
                                         "profile " + p.name}) {
        if (section.empty()) continue;
        if (const ini_section* s = (*config)->find(section)) {
          merge(p.settings, *s);
          p.found = true;
        }
      }
      if (const std::string* services = p.settings.get("services"))
        if (const ini_section* s = (*config)->find("services " + *services)) p.services = *s;
    }
  }
  if (!p.credentials_path.empty()) {
    auto credentials = read_ini(p.credentials_path);
    if (!credentials) return credentials.error();
    if (*credentials)
      if (const ini_section* s = (*credentials)->find(p.name)) {
        merge(p.settings, *s);
        p.found = true;
      }
  }
  return p;
}

}  // namespace quiltup::credentials
