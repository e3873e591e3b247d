#pragma once
// A request body read from disk: bytes in a buffer that owns its memory-budget lease, so the
// bytes and the reservation are freed together when the last request using them is done.
#include "http/body.hpp"
#include "scheduler/byte_budget.hpp"

#include <cstddef>
#include <memory>
#include <string_view>

namespace quiltup::upload {

class part_buffer {
 public:
  // Uninitialised storage of `lease.count()` bytes: it is overwritten by the read.
  explicit part_buffer(scheduler::lease lease)
      : lease_(std::move(lease)), size_(lease_.count()), data_(std::make_unique_for_overwrite<std::byte[]>(size_)) {}

  std::span<std::byte> bytes() noexcept { return {data_.get(), size_}; }
  std::string_view view() const noexcept { return {reinterpret_cast<const char*>(data_.get()), size_}; }

  // A body that keeps the buffer (and its lease) alive while the request, retries included, needs it.
  static http::body as_body(std::shared_ptr<part_buffer> buffer) {
    http::body b;
    b.bytes = buffer->view();
    b.owner = std::move(buffer);
    return b;
  }

 private:
  scheduler::lease lease_;
  std::size_t size_;
  std::unique_ptr<std::byte[]> data_;
};

}  // namespace quiltup::upload
