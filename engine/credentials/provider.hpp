#pragma once
// One source of AWS keys. fetch() answers keys, or an error value saying why not; a provider
// whose configuration is absent declines with code not_configured_code, which the chain
// records as "skipped" and passes over (a configured provider that fails is "failed").
#include "core/awaitable.hpp"
#include "core/aws_credentials.hpp"
#include "core/error.hpp"

#include <string>
#include <string_view>

namespace quiltup::credentials {

inline constexpr std::string_view not_configured_code = "CredentialsNotConfigured";

class provider {
 public:
  virtual ~provider() = default;
  virtual awaitable<result<aws_credentials>> fetch() = 0;
  // Stable wire name used in attempt records: "catalog", "environment", "profile", ...
  virtual std::string_view name() const noexcept = 0;
};

inline error not_configured(std::string message, std::string field = {}, std::string hint = {}) {
  return make_error(std::string(not_configured_code), std::move(message), std::move(field), std::move(hint));
}

inline bool is_not_configured(const error& e) noexcept { return e.code == not_configured_code; }

}  // namespace quiltup::credentials
