#include "s3_connection.hpp"

#include <cstdlib>

namespace quiltup::cli {

s3_connection::s3_connection() : http_(io_.get_executor(), [] {
  http::client_options o;
  // AWS_CA_BUNDLE is the AWS CLI's variable for a private CA; honour it the same way.
  if (const char* ca = std::getenv("AWS_CA_BUNDLE")) o.ca_bundle = ca;
  return o;
}()) {}

result<std::unique_ptr<s3_connection>> s3_connection::from_environment() {
  auto ep = s3::endpoint::make(s3::endpoint_config_from_environment());
  if (!ep) return ep.error();
  auto keys = s3::read_environment_credentials();
  if (!keys) return keys.error();
  std::unique_ptr<s3_connection> c(new s3_connection());
  c->client_ = std::make_unique<s3::client>(c->http_, std::move(*ep), s3::environment_credentials());
  return c;
}

}  // namespace quiltup::cli
