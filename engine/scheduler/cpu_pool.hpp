#pragma once
// Threads for work that would stall the io thread: file reads (pread) and hashing a part. The
// caller's coroutine resumes on its own executor afterwards. With zero threads the work runs
// inline on the caller's thread (useful on one core, and measured in bench/).
#include "core/awaitable.hpp"

#include <boost/asio/async_result.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>

#include <cstddef>
#include <exception>
#include <optional>
#include <memory>
#include <type_traits>
#include <utility>

namespace quiltup::scheduler {

class cpu_pool {
 public:
  explicit cpu_pool(std::size_t threads)
      : pool_(threads ? std::make_unique<asio::thread_pool>(threads) : nullptr) {}
  ~cpu_pool() {
    if (pool_) pool_->join();
  }
  cpu_pool(const cpu_pool&) = delete;
  cpu_pool& operator=(const cpu_pool&) = delete;

  // Runs `work()` on the pool and gives back its value (or rethrows what it threw). `work` is
  // taken by value: it must own, or share ownership of, everything it touches.
  template <class F>
  awaitable<std::invoke_result_t<F>> run(F work) {
    using value_type = std::invoke_result_t<F>;
    if (!pool_) co_return work();
    // The pool thread works on `work` and `out` in this suspended frame, then posts the
    // resumption back to the caller's executor; the frame (and every copy of the captures)
    // is only ever touched by one thread at a time, and destroyed on the caller's.
    std::optional<value_type> out;
    std::exception_ptr failed;
    co_await asio::async_initiate<decltype(use_awaitable), void()>(
        [this, &work, &out, &failed](auto handler) {
          auto home = asio::get_associated_executor(handler);
          asio::post(*pool_, [&work, &out, &failed, handler = std::move(handler), home]() mutable {
            try {
              out.emplace(work());
            } catch (...) {
              failed = std::current_exception();
            }
            asio::post(home, std::move(handler));
          });
        },
        use_awaitable);
    if (failed) std::rethrow_exception(failed);
    co_return std::move(*out);
  }

  bool inline_only() const noexcept { return !pool_; }

 private:
  std::unique_ptr<asio::thread_pool> pool_;
};

}  // namespace quiltup::scheduler
