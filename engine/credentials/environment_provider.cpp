#include "credentials/environment_provider.hpp"

#include "credentials/rfc3339.hpp"

namespace quiltup::credentials {

result<aws_credentials> environment_provider::read() const {
  auto id = env_("AWS_ACCESS_KEY_ID");
  auto secret = env_("AWS_SECRET_ACCESS_KEY");
  if (!id && !secret)
    return not_configured("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set", "AWS_ACCESS_KEY_ID",
                          "export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary keys)");
  if (!id || !secret) {
    const char* missing = id ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID";
    return make_error("IncompleteCredentials", std::string(missing) + " is not set while its partner is", missing,
                      std::string("export ") + missing + " too, or unset both to use another credential source");
  }
  aws_credentials c;
  c.access_key_id = *id;
  c.secret_access_key = *secret;
  c.session_token = env_or(env_, "AWS_SESSION_TOKEN");
  c.source = "environment";
  if (auto expiration = env_("AWS_CREDENTIAL_EXPIRATION")) {
    auto when = parse_rfc3339(*expiration);
    if (!when)
      return make_error("IncompleteCredentials", "AWS_CREDENTIAL_EXPIRATION is not an RFC 3339 timestamp",
                        "AWS_CREDENTIAL_EXPIRATION", "use a value like 2024-02-20T15:00:00Z, or unset it");
    c.expiration = *when;
  }
  return c;
}

awaitable<result<aws_credentials>> environment_provider::fetch() { co_return read(); }

}  // namespace quiltup::credentials
