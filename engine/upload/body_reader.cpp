#include "upload/body_reader.hpp"

#include "upload/part_buffer.hpp"

#include <memory>

namespace quiltup::upload {

digest_request digests_for(const upload_context& ctx) {
  return digest_request{
      .checksum = ctx.options.checksum,
      .md5 = ctx.options.checksum == crypto::checksum_algorithm::md5,
      .sha256_hex = ctx.payload == s3::payload_mode::signed_payload,
  };
}

awaitable<result<prepared_body>> read_body(upload_context& ctx, item_payload payload, std::uint64_t offset,
                                           std::uint64_t length) {
  auto what = digests_for(ctx);
  if (payload.in_memory()) {
    auto bytes = payload.bytes;
    std::string_view view = std::string_view(*bytes).substr(offset, length);
    // Named, not a temporary in the co_await expression: GCC 12 destroys such temporaries twice.
    auto job = [bytes, view, what] { return digest_of(as_bytes(view), what); };
    auto digest = co_await ctx.pool.run(std::move(job));
    http::body body;
    body.bytes = view;
    body.owner = std::move(bytes);
    prepared_body out;
    out.body = std::move(body);
    out.digest = std::move(digest);
    co_return out;
  }

  auto lease = co_await ctx.budget.acquire(length);
  if (!lease) co_return lease.error();
  auto buffer = std::make_shared<part_buffer>(std::move(*lease));
  auto file = payload.file;
  // The pool task shares the buffer and the file, so neither can vanish under a running read.
  auto job = [buffer, file, offset, what] { return read_and_digest(*file, offset, buffer->bytes(), what); };
  auto digest = co_await ctx.pool.run(std::move(job));
  if (!digest) co_return digest.error();
  prepared_body out;
  out.body = part_buffer::as_body(std::move(buffer));
  out.digest = std::move(*digest);
  co_return out;
}

}  // namespace quiltup::upload
