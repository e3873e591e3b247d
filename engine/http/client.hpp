#pragma once
// co_await http.send(request): one HTTP exchange on libcurl's multi interface, driven by the
// Asio executor the client was made with (socket readiness and curl's timer become Asio waits).
// Connections are pooled and reused per host. Every member is used from that executor only.
//
// Transport failures (refused, reset, timeout, TLS) come back as error values with code
// "ConnectionFailed"/"Timeout"/"TlsError"/... and retryable=true; any HTTP status, 4xx and 5xx
// included, is a response: interpreting it is the caller's job.
#include "core/awaitable.hpp"
#include "core/error.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

#include <memory>

namespace quiltup::http {

struct client_options {
  long max_connections_per_host = 64;
  long max_total_connections = 256;
  bool verify_tls = true;
  std::string ca_bundle;  // empty: curl's default (respects AWS_CA_BUNDLE only if the caller passes it)
  // curl's upload buffer (max 2 MiB): big writes keep the socket fed (s3-facts §7).
  long upload_buffer_size = 2 * 1024 * 1024;
};

class client {
 public:
  explicit client(executor ex, client_options options = {});
  ~client();
  client(const client&) = delete;
  client& operator=(const client&) = delete;

  // Cancellation (Asio per-operation cancellation of the awaiting coroutine) removes the
  // transfer from the multi handle and completes with code "Cancelled".
  awaitable<result<response>> send(request req);

  executor get_executor() const noexcept;

 private:
  struct impl;
  std::shared_ptr<impl> impl_;
};

}  // namespace quiltup::http
