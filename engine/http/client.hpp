#pragma once
// co_await http.send(request): one HTTP exchange on libcurl's multi interface, driven by the
// Asio executor the client was made with (socket readiness and curl's timer become Asio waits).
// Connections are pooled and reused per host.
//
// Threading: everything (the curl multi handle, its sockets and timer, every curl callback)
// runs on the executor the client was made with, normally one io thread; there is no thread
// per request. send() may be awaited from a coroutine on another executor: the transfer hops
// to the client's executor and the caller resumes on its own. Destroy the client on its
// executor's thread (or after that context stopped). A send still in flight keeps the
// connection pool alive until it completes.
//
// Transport failures come back as error values (one table: http/transport_error.cpp): refused,
// reset, timed out, empty reply and failed TLS handshakes ("ConnectionFailed", "ConnectionReset",
// "Timeout", "EmptyReply", "TlsError", ...) are retryable; certificate problems, bad urls and a
// failing body reader are not; a cancelled send gives "Cancelled". Any HTTP status, 4xx and 5xx
// included, is a response: interpreting it is the caller's job.
#include "core/awaitable.hpp"
#include "core/error.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>

namespace quiltup::http {

struct client_options {
  long max_connections_per_host = 64;
  long max_total_connections = 256;
  bool verify_tls = true;
  std::string ca_bundle;  // empty: curl's default (respects AWS_CA_BUNDLE only if the caller passes it)
  // curl's upload buffer (max 2 MiB): big writes keep the socket fed (s3-facts §7).
  long upload_buffer_size = 2 * 1024 * 1024;
  // curl's receive buffer per running transfer (its default is 16 KiB, its maximum 512 KiB).
  long receive_buffer_size = 256 * 1024;
};

struct client_stats {
  std::uint64_t connections_opened = 0;  // TCP connections opened so far
  std::size_t open_connections = 0;      // still open, busy or idle in the pool
  std::size_t active_transfers = 0;
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
  // Connection counts, for tests and the per-run record. Call on the client's executor.
  client_stats stats() const noexcept;

 private:
  struct impl;
  std::shared_ptr<impl> impl_;
};

}  // namespace quiltup::http
