#pragma once
// libcurl's multi-socket interface driven by an Asio executor, after curl's
// docs/examples/asiohiper.cpp: curl says which sockets to watch and when to wake it up, Asio
// does the waiting, and every readiness or timeout becomes one curl_multi_socket_action call.
// A finished transfer completes the operation that started it.
//
// Threading: the CURLM handle and everything around it are touched only on the executor given
// at construction (a multi handle is single-threaded). async_perform may be initiated from any
// thread; the work hops to that executor. Completions are always posted, so no caller code ever
// runs inside a curl callback or inside socket_action.
//
// Sockets: curl opens and closes its connection sockets through us (OPENSOCKETFUNCTION /
// CLOSESOCKETFUNCTION), so each one is an Asio socket object and closing it cancels its waits
// cleanly. Descriptors curl opened itself (its threaded resolver's socketpair) are watched
// through a dup() of the descriptor, which Asio owns.
#include "core/awaitable.hpp"
#include "http/easy_handle.hpp"

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/system/error_code.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>

namespace quiltup::http {

struct multi_options {
  long max_host_connections = 64;   // further transfers to that host wait in curl's queue
  long max_total_connections = 256;  // also the size of the idle-connection cache
};

struct multi_stats {
  std::uint64_t connections_opened = 0;  // connection sockets curl had us open, ever
  std::size_t open_connections = 0;      // of those, still open (busy or idle in curl's cache)
  std::size_t active_transfers = 0;
};

class curl_multi {
 public:
  using perform_signature = void(boost::system::error_code, CURLcode);
  using perform_handler = asio::any_completion_handler<perform_signature>;

  curl_multi(executor ex, multi_options options = {});
  // Transfers still running complete with operation_aborted; idle connections are closed.
  // Destroy it on the executor's thread, or once the executor's context has stopped.
  ~curl_multi();
  curl_multi(const curl_multi&) = delete;
  curl_multi& operator=(const curl_multi&) = delete;

  // Runs an applied easy handle to its end. Completes with ({}, curl's result), or with
  // (operation_aborted, CURLE_OK) when cancelled through the token's cancellation slot (any
  // cancellation type; the transfer is removed from the multi handle at once) or when this
  // object is destroyed first. `easy` must outlive the operation.
  template <class CompletionToken>
  auto async_perform(easy_handle& easy, CompletionToken&& token) {
    return asio::async_initiate<CompletionToken, perform_signature>(
        [this](auto handler, easy_handle* e) { start(*e, perform_handler(std::move(handler))); }, token, &easy);
  }

  executor get_executor() const noexcept;
  // Call on the executor.
  multi_stats stats() const noexcept;

 private:
  struct state;
  void start(easy_handle& easy, perform_handler handler);

  std::shared_ptr<state> state_;
};

}  // namespace quiltup::http
