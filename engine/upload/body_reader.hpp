#pragma once
// Turns a range of an item's bytes into a request body plus its digests. File ranges are read
// into a part_buffer whose memory is reserved from the budget first (waiting if it is spent);
// in-memory items are only hashed. Reading and hashing run on the cpu_pool.
#include "core/awaitable.hpp"
#include "core/error.hpp"
#include "http/body.hpp"
#include "upload/part_digest.hpp"
#include "upload/upload_context.hpp"
#include "upload/upload_item.hpp"

#include <cstdint>

namespace quiltup::upload {

struct prepared_body {
  http::body body;
  part_digest digest;
};

// The digests a request needs under the context's options and payload mode.
digest_request digests_for(const upload_context& ctx);

// Errors: the budget's ("InvalidArgument" naming memory_limit, "Cancelled") and the file's
// ("FileChanged", "IOError").
awaitable<result<prepared_body>> read_body(upload_context& ctx, item_payload payload, std::uint64_t offset,
                                           std::uint64_t length);

}  // namespace quiltup::upload
