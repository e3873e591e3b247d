#include "scheduler/slot_limiter.hpp"

namespace quiltup::scheduler {

awaitable<result<slot>> slot_limiter::acquire() {
  auto got = co_await sem_.acquire(1);
  if (!got) co_return make_error("Cancelled", "cancelled while waiting for a request slot");
  co_return std::move(*got);
}

}  // namespace quiltup::scheduler
