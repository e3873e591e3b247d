#include "s3/credentials_source.hpp"

#include <cstdlib>

namespace quiltup::s3 {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? std::string(v) : std::string();
}

// Free coroutines with value parameters: a capturing lambda coroutine would keep only a
// pointer to the lambda, which the std::function may drop before the first resume.
awaitable<result<aws_credentials>> from_environment() { co_return read_environment_credentials(); }
awaitable<result<aws_credentials>> fixed(aws_credentials credentials) { co_return credentials; }

}  // namespace

result<aws_credentials> read_environment_credentials() {
  aws_credentials c;
  c.access_key_id = env("AWS_ACCESS_KEY_ID");
  c.secret_access_key = env("AWS_SECRET_ACCESS_KEY");
  c.session_token = env("AWS_SESSION_TOKEN");
  c.source = "environment";
  if (c.access_key_id.empty() || c.secret_access_key.empty()) {
    const char* missing = c.access_key_id.empty() ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY";
    return make_error("NoCredentials", std::string("no AWS credentials: ") + missing + " is not set",
                      missing, "export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary keys)");
  }
  return c;
}

credentials_source environment_credentials() {
  return [] { return from_environment(); };
}

credentials_source static_credentials(aws_credentials credentials) {
  if (credentials.source.empty()) credentials.source = "static";
  return [credentials = std::move(credentials)] { return fixed(credentials); };
}

}  // namespace quiltup::s3
