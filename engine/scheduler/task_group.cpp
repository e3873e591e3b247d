#include "scheduler/task_group.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/system/system_error.hpp>

#include <algorithm>
#include <list>

namespace quiltup::scheduler {

struct task_group::state {
  executor ex;
  options opts;
  // std::list: a child's signal must keep its address while siblings come and go.
  std::list<asio::cancellation_signal> signals;
  std::vector<asio::steady_timer*> waiters;
  std::vector<std::exception_ptr> exceptions;
  std::size_t running = 0;
  std::size_t spawned = 0;
  bool cancelled = false;

  void emit(asio::cancellation_type type) {
    // Copy the iterators first: a child may finish inside emit() on some executors.
    std::vector<asio::cancellation_signal*> targets;
    for (auto& s : signals) targets.push_back(&s);
    for (auto* s : targets) s->emit(type);
  }

  void finished(std::list<asio::cancellation_signal>::iterator signal, std::exception_ptr e) {
    signals.erase(signal);
    --running;
    if (e) {
      exceptions.push_back(e);
      if (opts.cancel_siblings_on_exception) {
        cancelled = true;
        emit(asio::cancellation_type::terminal);
      }
    }
    if (running == 0)
      for (auto* w : waiters) w->cancel();
  }
};

task_group::task_group(executor ex, options opts) : state_(std::make_shared<state>()) {
  state_->ex = std::move(ex);
  state_->opts = opts;
}

task_group::~task_group() {
  // Children still running belong to nobody now; stop them rather than let them run on.
  if (state_->running) state_->emit(asio::cancellation_type::terminal);
}

bool task_group::spawn(awaitable<void> child) {
  auto st = state_;
  if (st->cancelled) return false;
  auto signal = st->signals.emplace(st->signals.end());
  ++st->running;
  ++st->spawned;
  asio::co_spawn(st->ex, std::move(child),
                 asio::bind_cancellation_slot(signal->slot(), [st, signal](std::exception_ptr e) {
                   // The signal cannot be erased while its slot's handler is being run: finish
                   // the bookkeeping in a fresh handler.
                   asio::post(st->ex, [st, signal, e] { st->finished(signal, e); });
                 }));
  return true;
}

void task_group::cancel(asio::cancellation_type type) {
  state_->cancelled = true;
  state_->emit(type);
}

bool task_group::cancelled() const noexcept { return state_->cancelled; }
std::size_t task_group::running() const noexcept { return state_->running; }
std::size_t task_group::spawned() const noexcept { return state_->spawned; }
const std::vector<std::exception_ptr>& task_group::exceptions() const noexcept { return state_->exceptions; }

std::exception_ptr task_group::first_exception() const noexcept {
  return state_->exceptions.empty() ? nullptr : state_->exceptions.front();
}

awaitable<void> task_group::wait() {
  auto st = state_;
  bool interrupted = false;
  for (;;) {
    // Checked before every wait too: a cancellation that arrived while the caller was between
    // operations must still reach the children.
    auto cs = co_await asio::this_coro::cancellation_state;
    if (cs.cancelled() != asio::cancellation_type::none) {
      interrupted = true;
      st->cancelled = true;
      st->emit(asio::cancellation_type::terminal);
      co_await asio::this_coro::reset_cancellation_state();
    }
    if (st->running == 0) break;
    asio::steady_timer timer(st->ex, asio::steady_timer::time_point::max());
    st->waiters.push_back(&timer);
    co_await timer.async_wait(as_tuple_awaitable);
    std::erase(st->waiters, &timer);
  }
  if (interrupted) throw boost::system::system_error(asio::error::operation_aborted, "task_group::wait");
}

}  // namespace quiltup::scheduler
