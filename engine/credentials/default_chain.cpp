#include "credentials/default_chain.hpp"

#include "credentials/container_provider.hpp"
#include "credentials/environment_provider.hpp"
#include "credentials/profile_provider.hpp"

namespace quiltup::credentials {

std::shared_ptr<chain_provider> make_default_chain(http::client& http, const chain_config& config) {
  std::vector<std::shared_ptr<provider>> providers;
  providers.push_back(std::make_shared<quilt_catalog_provider>(http, config.env, config.catalog));
  if (env_flag(config.env, "QUILTUP_AMBIENT_CREDENTIALS", true)) {
    providers.push_back(std::make_shared<environment_provider>(config.env));
    providers.push_back(std::make_shared<profile_provider>(config.env));
    providers.push_back(std::make_shared<container_provider>(http, config.env));
    providers.push_back(std::make_shared<imds_provider>(http, config.env, config.imds));
  }
  return std::make_shared<chain_provider>(std::move(providers));
}

credentials_session::credentials_session(http::client& http, chain_config config)
    : chain_(make_default_chain(http, config)), cached_(std::make_shared<cached_provider>(chain_, config.cache)) {}

}  // namespace quiltup::credentials
