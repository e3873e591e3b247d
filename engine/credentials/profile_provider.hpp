#pragma once
// The shared files' profile (profile_config.hpp): static keys (aws_access_key_id,
// aws_secret_access_key, aws_session_token) → source "profile"; else credential_process →
// source "credential_process", honouring its Expiration (the cache refreshes before it).
// Role assumption and SSO profiles are declined with a message saying so.
#include "credentials/environment.hpp"
#include "credentials/provider.hpp"

#include <chrono>

namespace quiltup::credentials {

class profile_provider final : public provider {
 public:
  explicit profile_provider(environment env = process_environment(),
                            std::chrono::milliseconds process_timeout = std::chrono::seconds(60))
      : env_(std::move(env)), process_timeout_(process_timeout) {}
  awaitable<result<aws_credentials>> fetch() override;
  std::string_view name() const noexcept override { return "profile"; }

 private:
  environment env_;
  std::chrono::milliseconds process_timeout_;
};

}  // namespace quiltup::credentials
