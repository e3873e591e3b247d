#pragma once
// The requests in flight, each with the cancellation signal bound to its coroutine.
// notifications/cancelled → cancel(id): the coroutine's pending operation completes with
// operation_aborted and the request is marked so that no response is ever written for it.
// Shutdown cancels everything and waits until the last request has unwound.
// Touched only from the io executor.
#include "core/awaitable.hpp"
#include "request_context.hpp"

#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/steady_timer.hpp>

#include <map>
#include <memory>
#include <string>

namespace quiltup::mcp {

class cancellation_registry {
 public:
  explicit cancellation_registry(executor io);

  // Registers the request; the slot goes to its co_spawn. False when the id is in flight already.
  bool add(const std::string& key, std::shared_ptr<request_context> ctx, asio::cancellation_slot& slot);
  void remove(const std::string& key);

  // False when the id is unknown or already finished: that race is normal and ignored.
  bool cancel(const std::string& key);
  void cancel_all();

  std::size_t in_flight() const { return entries_.size(); }
  // Resumes once nothing is in flight.
  awaitable<void> wait_idle();

 private:
  struct entry {
    asio::cancellation_signal signal;
    std::shared_ptr<request_context> ctx;
  };
  std::map<std::string, std::unique_ptr<entry>> entries_;
  asio::steady_timer idle_;  // never expires by itself; cancelled when the map empties
};

}  // namespace quiltup::mcp
