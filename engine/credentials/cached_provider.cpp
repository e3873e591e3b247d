#include "credentials/cached_provider.hpp"

#include <boost/asio/steady_timer.hpp>

#include <algorithm>

namespace quiltup::credentials {

// One refresh: its outcome, and a timer that never fires but is cancelled to wake waiters.
struct cached_provider::flight {
  explicit flight(executor ex) : done(std::move(ex)) { done.expires_at(asio::steady_timer::time_point::max()); }
  std::optional<result<aws_credentials>> outcome;
  asio::steady_timer done;
};

cached_provider::cached_provider(std::shared_ptr<provider> inner, cache_options options)
    : inner_(std::move(inner)), options_(std::move(options)) {}

cached_provider::~cached_provider() = default;

cached_provider::entry cached_provider::make_entry(aws_credentials keys, std::chrono::system_clock::time_point now) const {
  entry e{std::move(keys), std::chrono::system_clock::time_point::max(), std::chrono::system_clock::time_point::max()};
  if (!e.keys.expiration) return e;
  const auto expiration = *e.keys.expiration;
  const auto lifetime = std::max(expiration - now, std::chrono::system_clock::duration::zero());
  const auto ahead = std::min<std::chrono::system_clock::duration>(options_.refresh_ahead, lifetime / 2);
  const auto margin = std::min<std::chrono::system_clock::duration>(options_.expiry_margin, lifetime / 4);
  e.refresh_at = expiration - ahead;
  e.usable_until = expiration - margin;
  return e;
}

awaitable<result<aws_credentials>> cached_provider::fetch() {
  const auto now = options_.now();
  if (current_ && now < current_->refresh_at) co_return current_->keys;
  if (current_ && now < current_->usable_until && flight_) co_return current_->keys;  // someone is refreshing
  if (flight_) co_return co_await join(flight_);
  co_return co_await lead();
}

awaitable<result<aws_credentials>> cached_provider::join(std::shared_ptr<flight> f) {
  if (!f->outcome) co_await f->done.async_wait(as_tuple_awaitable);
  if (!f->outcome)
    co_return make_error("Cancelled", "waiting for credentials was cancelled", {}, "nothing to do: the caller cancelled");
  co_return *f->outcome;
}

awaitable<result<aws_credentials>> cached_provider::lead() {
  auto f = std::make_shared<flight>(co_await asio::this_coro::executor);
  flight_ = f;
  ++inner_fetches_;
  // Whatever ends this coroutine (return, exception, cancellation), the waiters wake and the
  // next caller may start a new flight.
  struct finish {
    cached_provider* self;
    std::shared_ptr<flight> f;
    ~finish() {
      if (!f->outcome)
        f->outcome = make_error("Cancelled", "the credential refresh was cancelled", {}, "retry the request");
      f->done.cancel();
      if (self->flight_ == f) self->flight_.reset();
    }
  } guard{this, f};

  auto got = co_await inner_->fetch();
  const auto now = options_.now();
  if (got) {
    current_ = make_entry(*got, now);
  } else if (current_ && now < current_->usable_until) {
    // The old keys still work: keep serving them, try again a little later.
    current_->refresh_at = std::min(current_->usable_until, now + options_.retry_after_failure);
    got = current_->keys;
  }
  f->outcome = got;
  co_return got;
}

}  // namespace quiltup::credentials
