#include "scheduler/fifo_semaphore.hpp"

#include <boost/asio/steady_timer.hpp>

#include <stdexcept>
#include <string>
#include <utility>

namespace quiltup::scheduler {

// A waiter parks on a timer that never expires: serving it cancels the timer, and a
// cancellation of the awaiting coroutine cancels the same wait, so `granted` tells them apart.
struct fifo_semaphore::waiter {
  std::size_t n;
  asio::steady_timer* timer;
  bool granted = false;
};

units::units(units&& other) noexcept
    : owner_(std::exchange(other.owner_, nullptr)), count_(std::exchange(other.count_, 0)) {}

units& units::operator=(units&& other) noexcept {
  if (this != &other) {
    release();
    owner_ = std::exchange(other.owner_, nullptr);
    count_ = std::exchange(other.count_, 0);
  }
  return *this;
}

void units::release() noexcept {
  if (owner_ && count_) owner_->give_back(count_);
  count_ = 0;
}

void units::shrink_to(std::size_t keep) noexcept {
  if (keep >= count_) return;
  auto surplus = count_ - keep;
  count_ = keep;
  if (owner_) owner_->give_back(surplus);
}

units units::split(std::size_t n) noexcept {
  if (n > count_) n = count_;
  count_ -= n;
  return units(owner_, n);
}

void fifo_semaphore::take(std::size_t n) noexcept {
  in_use_ += n;
  if (in_use_ > peak_) peak_ = in_use_;
}

void fifo_semaphore::give_back(std::size_t n) noexcept {
  in_use_ -= n;
  serve_queue();
}

void fifo_semaphore::serve_queue() noexcept {
  while (!queue_.empty() && queue_.front()->n <= capacity_ - in_use_) {
    auto* w = queue_.front();
    queue_.pop_front();
    take(w->n);
    w->granted = true;
    w->timer->cancel();
  }
}

std::optional<units> fifo_semaphore::try_acquire(std::size_t n) {
  if (n > capacity_)
    throw std::invalid_argument("fifo_semaphore: " + std::to_string(n) + " units exceed capacity " +
                                std::to_string(capacity_));
  if (!queue_.empty() || n > capacity_ - in_use_) return std::nullopt;
  take(n);
  return units(this, n);
}

awaitable<std::optional<units>> fifo_semaphore::acquire(std::size_t n) {
  if (auto u = try_acquire(n)) co_return std::move(u);
  // Already cancelled: a wait started now would never see the (past) cancellation signal.
  if ((co_await asio::this_coro::cancellation_state).cancelled() != asio::cancellation_type::none)
    co_return std::nullopt;

  asio::steady_timer timer(co_await asio::this_coro::executor, asio::steady_timer::time_point::max());
  waiter w{n, &timer};
  auto position = queue_.insert(queue_.end(), &w);
  // Leaves the queue consistent whatever ends this frame: cancellation, or the frame being
  // destroyed unresumed when its io_context goes away.
  struct guard {
    fifo_semaphore* sem;
    waiter* w;
    std::list<waiter*>::iterator position;
    bool handed_over = false;
    ~guard() {
      if (handed_over) return;
      if (w->granted) sem->give_back(w->n);
      else {
        sem->queue_.erase(position);
        sem->serve_queue();  // the head may have been what blocked smaller waiters
      }
    }
  } g{this, &w, position};

  co_await timer.async_wait(as_tuple_awaitable);
  if (!w.granted) co_return std::nullopt;
  g.handed_over = true;
  co_return units(this, n);
}

}  // namespace quiltup::scheduler
