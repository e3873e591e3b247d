#include "cancellation.hpp"

namespace quiltup::mcp {

cancellation_registry::cancellation_registry(executor io) : idle_(io, asio::steady_timer::time_point::max()) {}

bool cancellation_registry::add(const std::string& key, std::shared_ptr<request_context> ctx,
                                asio::cancellation_slot& slot) {
  auto [it, inserted] = entries_.try_emplace(key);
  if (!inserted) return false;
  it->second = std::make_unique<entry>();
  it->second->ctx = std::move(ctx);
  slot = it->second->signal.slot();
  return true;
}

void cancellation_registry::remove(const std::string& key) {
  entries_.erase(key);
  if (entries_.empty()) idle_.cancel();
}

bool cancellation_registry::cancel(const std::string& key) {
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second->ctx->cancelled) return false;
  it->second->ctx->cancelled = true;
  it->second->ctx->progress.close();
  // terminal: co_spawn's default filter lets only terminal cancellation through.
  it->second->signal.emit(asio::cancellation_type::terminal);
  return true;
}

void cancellation_registry::cancel_all() {
  std::vector<std::string> keys;
  for (auto& [key, e] : entries_) keys.push_back(key);
  for (auto& key : keys) cancel(key);
}

awaitable<void> cancellation_registry::wait_idle() {
  while (!entries_.empty()) {
    idle_.expires_at(asio::steady_timer::time_point::max());
    co_await idle_.async_wait(as_tuple_awaitable);
  }
}

}  // namespace quiltup::mcp
