#pragma once
// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN (+ optional
// AWS_CREDENTIAL_EXPIRATION, RFC 3339), read at each fetch. Source "environment".
#include "credentials/environment.hpp"
#include "credentials/provider.hpp"

namespace quiltup::credentials {

class environment_provider final : public provider {
 public:
  explicit environment_provider(environment env = process_environment()) : env_(std::move(env)) {}
  awaitable<result<aws_credentials>> fetch() override;
  std::string_view name() const noexcept override { return "environment"; }

  // The same, without a coroutine: for callers that check before starting.
  result<aws_credentials> read() const;

 private:
  environment env_;
};

}  // namespace quiltup::credentials
