#include "credentials/profile_provider.hpp"

#include "credentials/credential_process.hpp"
#include "credentials/profile_config.hpp"

namespace quiltup::credentials {

awaitable<result<aws_credentials>> profile_provider::fetch() {
  auto loaded = load_profile_config(env_);
  if (!loaded) co_return loaded.error();
  const profile_config& p = *loaded;
  const std::string label = "profile '" + p.name + "'";

  if (!p.found) {
    error e = make_error("ProfileNotFound",
                         label + " is in neither " + p.credentials_path + " nor " + p.config_path, "AWS_PROFILE",
                         "check AWS_PROFILE, or set AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE to the files that define it");
    // An explicitly chosen profile that is missing is a mistake; the implicit default is just absent.
    if (!p.name_from_environment) e.code = std::string(not_configured_code);
    co_return e;
  }

  const std::string* id = p.get("aws_access_key_id");
  const std::string* secret = p.get("aws_secret_access_key");
  if (id && secret && !id->empty() && !secret->empty()) {
    aws_credentials c;
    c.access_key_id = *id;
    c.secret_access_key = *secret;
    if (const std::string* token = p.get("aws_session_token")) c.session_token = *token;
    c.source = "profile";
    co_return c;
  }
  if (id || secret)
    co_return make_error("IncompleteCredentials",
                         label + " sets only one of aws_access_key_id and aws_secret_access_key",
                         id ? "aws_secret_access_key" : "aws_access_key_id", "add the missing key to the profile");

  if (const std::string* command = p.get("credential_process"))
    co_return co_await run_credential_process(*command, process_timeout_);

  for (const char* unsupported : {"role_arn", "sso_session", "sso_start_url", "web_identity_token_file"})
    if (p.get(unsupported))
      co_return not_configured(label + " uses " + unsupported + ", which quiltup does not resolve", unsupported,
                               "export temporary keys (e.g. from `aws configure export-credentials`) or use credential_process");
  co_return not_configured(label + " has neither aws_access_key_id nor credential_process", "AWS_PROFILE",
                           "add aws_access_key_id and aws_secret_access_key, or credential_process, to the profile");
}

}  // namespace quiltup::credentials
