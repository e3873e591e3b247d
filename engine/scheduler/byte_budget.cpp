#include "scheduler/byte_budget.hpp"

#include <string>

namespace quiltup::scheduler {

namespace {

error too_large(std::size_t bytes, std::size_t capacity) {
  return make_error("InvalidArgument",
                    "a buffer of " + std::to_string(bytes) + " bytes does not fit in the memory budget of " +
                        std::to_string(capacity) + " bytes",
                    "memory_limit",
                    "raise the memory limit to at least " + std::to_string(bytes) +
                        " bytes or lower the part size / multipart threshold");
}

}  // namespace

awaitable<result<lease>> byte_budget::acquire(std::size_t bytes) {
  if (bytes > sem_.capacity()) co_return too_large(bytes, sem_.capacity());
  auto got = co_await sem_.acquire(bytes);
  if (!got) co_return make_error("Cancelled", "cancelled while waiting for memory budget");
  co_return std::move(*got);
}

std::optional<lease> byte_budget::try_acquire(std::size_t bytes) {
  if (bytes > sem_.capacity()) return std::nullopt;
  return sem_.try_acquire(bytes);
}

}  // namespace quiltup::scheduler
