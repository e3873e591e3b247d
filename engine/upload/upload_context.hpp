#pragma once
// What single_put and multipart_upload share, owned by the uploader: the S3 client, the
// options, the memory budget, the global request limit and the read/hash pool. Used from the
// io executor only; everything referenced here outlives every upload.
#include "s3/client.hpp"
#include "scheduler/byte_budget.hpp"
#include "scheduler/cpu_pool.hpp"
#include "scheduler/slot_limiter.hpp"
#include "upload/upload_options.hpp"

#include <cstdint>
#include <functional>

namespace quiltup::upload {

struct upload_context {
  s3::client& s3;
  const upload_options& options;
  scheduler::byte_budget& budget;
  scheduler::slot_limiter& requests;
  scheduler::cpu_pool& pool;
  s3::payload_mode payload;  // resolved from options.payload and the endpoint's scheme
  // Bytes that just landed (a part, or a whole small object): feeds progress events.
  std::function<void(std::uint64_t)> on_bytes;
};

s3::payload_mode resolve_payload_mode(payload_signing mode, const s3::endpoint& ep) noexcept;

}  // namespace quiltup::upload
