#pragma once
// The provider order of issue 5, ready to use:
//   catalog → environment → profile → container → imds
// QUILTUP_AMBIENT_CREDENTIALS=off keeps the catalog only. The chain sits behind a
// cached_provider (refresh 300 s ahead, single flight), and credentials_session keeps the
// report of the fetch that produced the keys in use.
//
// One session per bearer token: keys issued for one JWT are never served to another.
#include "credentials/cached_provider.hpp"
#include "credentials/chain_provider.hpp"
#include "credentials/environment.hpp"
#include "credentials/imds_provider.hpp"
#include "credentials/quilt_catalog_provider.hpp"
#include "credentials/source_adapter.hpp"
#include "http/client.hpp"

#include <memory>

namespace quiltup::credentials {

struct chain_config {
  environment env = process_environment();
  catalog_options catalog;  // registry / per-request token overrides
  imds_options imds;
  cache_options cache;
};

std::shared_ptr<chain_provider> make_default_chain(http::client& http, const chain_config& config);

class credentials_session {
 public:
  credentials_session(http::client& http, chain_config config = {});

  // What to hand to s3::client (s3::credentials_source).
  credentials_callable source() const { return as_credentials_source(cached_); }
  awaitable<result<aws_credentials>> fetch() { return cached_->fetch(); }
  // Report of the last chain run: source and every attempt. Empty before the first fetch.
  const credential_report& report() const noexcept { return chain_->last_report(); }
  std::size_t fetches() const noexcept { return cached_->inner_fetches(); }
  void invalidate() noexcept { cached_->invalidate(); }

 private:
  std::shared_ptr<chain_provider> chain_;
  std::shared_ptr<cached_provider> cached_;
};

}  // namespace quiltup::credentials
