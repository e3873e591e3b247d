#pragma once
// ECS/EKS container credentials endpoint:
//   AWS_CONTAINER_CREDENTIALS_RELATIVE_URI → http://169.254.170.2<uri>
//   AWS_CONTAINER_CREDENTIALS_FULL_URI     → as given; plain http only to loopback or the
//                                            ECS/EKS agent addresses (as the AWS SDKs require)
//   Authorization header from AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE (re-read at each fetch:
//   EKS rotates it) or AWS_CONTAINER_AUTHORIZATION_TOKEN.
// Response: {"AccessKeyId","SecretAccessKey","Token","Expiration",...}. Source "container".
#include "credentials/environment.hpp"
#include "credentials/provider.hpp"
#include "http/client.hpp"

#include <chrono>

namespace quiltup::credentials {

// The URL the environment points at, or a not-configured / invalid-URL error.
result<std::string> container_credentials_url(const environment& env);

class container_provider final : public provider {
 public:
  container_provider(http::client& http, environment env = process_environment(),
                     std::chrono::milliseconds timeout = std::chrono::seconds(5))
      : http_(http), env_(std::move(env)), timeout_(timeout) {}
  awaitable<result<aws_credentials>> fetch() override;
  std::string_view name() const noexcept override { return "container"; }

 private:
  http::client& http_;
  environment env_;
  std::chrono::milliseconds timeout_;
};

}  // namespace quiltup::credentials
