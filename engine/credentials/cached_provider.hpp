#pragma once
// Keeps the inner provider's keys until shortly before they expire, and fetches at most once
// at a time however many callers ask (single flight: 500 coroutines needing keys at the same
// moment cause one fetch; the others wait for it).
//
// Windows, for keys that expire (lifetime L = Expiration − fetch time):
//   refresh_at   = Expiration − min(refresh_ahead, L/2)    from here the next caller refreshes
//   usable_until = Expiration − min(expiry_margin, L/4)    until here the old keys are served
// Between the two, one caller leads the refresh while everyone else keeps getting the
// still-valid keys, so an upload spanning the expiry never waits or fails. Past usable_until
// callers wait for the refresh. A failed refresh keeps serving still-valid keys and retries
// after retry_after_failure. Keys without Expiration are kept for good.
//
// Threading: use from one executor (the io thread); no locks. No detached work: the refresh
// runs in the caller that leads it.
#include "credentials/provider.hpp"

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>

namespace quiltup::credentials {

struct cache_options {
  std::chrono::seconds refresh_ahead{300};
  std::chrono::seconds expiry_margin{10};
  std::chrono::seconds retry_after_failure{10};
  std::function<std::chrono::system_clock::time_point()> now = [] { return std::chrono::system_clock::now(); };
};

class cached_provider final : public provider {
 public:
  explicit cached_provider(std::shared_ptr<provider> inner, cache_options options = {});
  ~cached_provider() override;

  awaitable<result<aws_credentials>> fetch() override;
  std::string_view name() const noexcept override { return inner_->name(); }

  // Forget the keys (e.g. S3 said ExpiredToken): the next fetch goes to the inner provider.
  void invalidate() noexcept { current_.reset(); }
  std::size_t inner_fetches() const noexcept { return inner_fetches_; }
  const std::shared_ptr<provider>& inner() const noexcept { return inner_; }

 private:
  struct flight;
  struct entry {
    aws_credentials keys;
    std::chrono::system_clock::time_point refresh_at;
    std::chrono::system_clock::time_point usable_until;
  };

  awaitable<result<aws_credentials>> lead();
  static awaitable<result<aws_credentials>> join(std::shared_ptr<flight> f);
  entry make_entry(aws_credentials keys, std::chrono::system_clock::time_point now) const;

  std::shared_ptr<provider> inner_;
  cache_options options_;
  std::optional<entry> current_;
  std::shared_ptr<flight> flight_;  // the refresh in progress, if any
  std::size_t inner_fetches_ = 0;
};

}  // namespace quiltup::credentials
