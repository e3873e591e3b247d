#pragma once
// A scripted provider for chain and cache tests: answers from a queue of results (the last
// one repeats), counts its fetches, and can hold each fetch until a gate opens.
#include "credentials/provider.hpp"

#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <deque>
#include <memory>
#include <string>

namespace quiltup::test {

inline aws_credentials keys(std::string id, std::string source = "fake") {
  aws_credentials c;
  c.access_key_id = std::move(id);
  c.secret_access_key = "secret-of-" + c.access_key_id + "-0123456789";
  c.session_token = "token-of-" + c.access_key_id + "-0123456789";
  c.source = std::move(source);
  return c;
}

class fake_provider final : public credentials::provider {
 public:
  explicit fake_provider(std::string name) : name_(std::move(name)) {}

  void answer(result<aws_credentials> r) { answers_.push_back(std::move(r)); }
  // Each fetch sleeps this long first (on the caller's executor), so concurrent callers overlap.
  void delay(std::chrono::milliseconds d) { delay_ = d; }
  int fetches() const noexcept { return fetches_; }

  awaitable<result<aws_credentials>> fetch() override {
    ++fetches_;
    if (delay_.count() > 0) {
      boost::asio::steady_timer t(co_await boost::asio::this_coro::executor, delay_);
      co_await t.async_wait(use_awaitable);
    }
    if (answers_.empty()) co_return make_error("NoAnswer", "fake provider " + name_ + " has no scripted answer");
    auto r = answers_.front();
    if (answers_.size() > 1) answers_.pop_front();
    co_return r;
  }
  std::string_view name() const noexcept override { return name_; }

 private:
  std::string name_;
  std::deque<result<aws_credentials>> answers_;
  std::chrono::milliseconds delay_{0};
  int fetches_ = 0;
};

}  // namespace quiltup::test
