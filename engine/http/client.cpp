#include "http/client.hpp"

#include "http/curl_global.hpp"
#include "http/curl_multi.hpp"
#include "http/easy_handle.hpp"
#include "http/transport_error.hpp"

#include <curl/curl.h>

namespace quiltup::http {

namespace {

struct share_deleter {
  void operator()(CURLSH* s) const noexcept { curl_share_cleanup(s); }
};

// TLS sessions shared by all of a client's handles, so a new connection to a known host
// resumes instead of doing a full handshake. No lock callbacks: one thread uses the share.
std::unique_ptr<CURLSH, share_deleter> make_share() {
  ensure_curl_global();
  std::unique_ptr<CURLSH, share_deleter> share(curl_share_init());
  if (share) curl_share_setopt(share.get(), CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
  return share;  // without one, each handle simply keeps its own session cache
}

}  // namespace

struct client::impl {
  impl(executor ex, const client_options& options)
      : executor_(ex),
        share_(make_share()),
        transfer_{options.verify_tls, options.ca_bundle, options.upload_buffer_size,
                  options.receive_buffer_size, share_.get()},
        multi_(std::move(ex), multi_options{options.max_connections_per_host, options.max_total_connections}) {}

  executor executor_;
  std::unique_ptr<CURLSH, share_deleter> share_;  // declared before multi_: outlives every handle
  transfer_options transfer_;
  curl_multi multi_;
};

client::client(executor ex, client_options options) : impl_(std::make_shared<impl>(std::move(ex), options)) {}

client::~client() = default;

awaitable<result<response>> client::send(request req) {
  auto self = impl_;  // the pool outlives this exchange even if the client is destroyed meanwhile
  auto easy = std::make_unique<easy_handle>();
  if (auto applied = easy->apply(std::move(req), self->transfer_); !applied) co_return applied.error();

  auto [ec, code] = co_await self->multi_.async_perform(*easy, as_tuple_awaitable);

  const request& sent = easy->current_request();
  if (ec) co_return cancelled_error(sent.method, sent.url);
  if (code != CURLE_OK) co_return transport_error(code, easy->failure_detail(code), sent.method, sent.url);
  co_return easy->take_response();
}

executor client::get_executor() const noexcept { return impl_->executor_; }

client_stats client::stats() const noexcept {
  const auto s = impl_->multi_.stats();
  return {s.connections_opened, s.open_connections, s.active_transfers};
}

}  // namespace quiltup::http
