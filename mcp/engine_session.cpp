#include "engine_session.hpp"

#include <cstdlib>

namespace quiltup::mcp {

namespace {

http::client_options http_options() {
  http::client_options o;
  // AWS_CA_BUNDLE is the AWS CLI's variable for a private CA; the CLI honours it the same way.
  if (const char* ca = std::getenv("AWS_CA_BUNDLE")) o.ca_bundle = ca;
  return o;
}

}  // namespace

engine_session::engine_session(executor io)
    : http_(std::move(io), http_options()), credentials_(http_), pacer_(std::make_shared<s3::pacer>()) {}

result<std::unique_ptr<s3::client>> engine_session::make_s3_client() {
  auto ep = s3::endpoint::make(s3::endpoint_config_from_environment());
  if (!ep) return ep.error();
  return std::make_unique<s3::client>(http_, std::move(*ep), credentials_.source(),
                                      s3::client_options{.pacer = pacer_});
}

}  // namespace quiltup::mcp
