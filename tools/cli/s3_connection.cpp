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
  std::unique_ptr<s3_connection> c(new s3_connection());
  c->credentials_ = std::make_unique<credentials::credentials_session>(c->http_);
  auto keys = c->run(c->credentials_->fetch());
  if (!keys) {
    auto e = keys.error();
    std::string tried;
    for (const auto& a : c->credentials_->report().attempts)
      tried += (tried.empty() ? "" : "; ") + a.provider + ": " + a.outcome + (a.detail.empty() ? "" : " (" + a.detail + ")");
    if (!tried.empty()) e.message += " [tried " + tried + "]";
    if (e.hint.empty())
      e.hint = "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or QUILT_REGISTRY_URL with QUILT_JWT";
    return e;
  }
  c->client_ = std::make_unique<s3::client>(c->http_, std::move(*ep), c->credentials_->source());
  return c;
}

}  // namespace quiltup::cli
