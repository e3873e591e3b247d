#include "upload/single_put.hpp"

#include "crypto/encoding.hpp"
#include "s3/put_object.hpp"
#include "upload/body_reader.hpp"
#include "upload/checksum_policy.hpp"

namespace quiltup::upload {

awaitable<void> single_put(upload_context& ctx, checked_item item, upload_result& out) {
  const auto size = item.payload.size();
  auto body = co_await read_body(ctx, item.payload, 0, size);
  if (!body) {
    out.error = body.error();
    if (out.error->step.empty()) out.error->step = "read";
    co_return;
  }

  s3::put_object_request req;
  req.bucket = item.bucket;
  req.key = item.key;
  req.body = std::move(body->body);
  req.content_type = item.content_type;
  req.metadata = std::move(item.metadata);
  req.cache_control = item.cache_control;
  req.content_encoding = item.content_encoding;
  req.storage_class = item.storage_class;
  req.payload = ctx.payload;
  req.payload_sha256 = body->digest.sha256_hex;
  const auto& digest = body->digest;
  if (digest.checksum) req.checksum = request_checksum(*digest.checksum);

  auto op = s3::build_put_object(std::move(req));
  if (!op) {
    out.error = op.error();
    out.error->step = "PutObject";
    co_return;
  }
  // MD5 travels as Content-MD5, which the operation builder has no field for.
  if (digest.md5) op->headers.set("Content-MD5", crypto::base64_encode(*digest.md5));

  auto slot = co_await ctx.requests.acquire();
  if (!slot) {
    out.error = slot.error();
    out.error->step = "PutObject";
    co_return;
  }
  auto sent = co_await ctx.s3.execute(std::move(*op));
  slot->release();
  if (!sent) {
    out.error = sent.error();
    co_return;
  }
  out.attempts += sent->meta.attempts;
  auto put = s3::parse_put_object(sent->response);
  if (!put) {
    out.error = put.error();
    out.error->step = "PutObject";
    co_return;
  }
  out.etag = s3::unquote_etag(put->etag);
  out.version_id = put->version_id;
  if (digest.checksum) {
    out.checksum.algorithm = std::string(crypto::s3_algorithm_name(digest.checksum->algorithm));
    out.checksum.value = digest.checksum->base64();
    out.checksum.type = "FULL_OBJECT";
    if (auto mismatch = check_echo(digest.checksum->algorithm, out.checksum.value, put->checksums, "PutObject")) {
      mismatch->request_id = sent->meta.request_id;
      out.error = std::move(*mismatch);
      co_return;
    }
    out.checksum.confirmed_by_server = echoed(digest.checksum->algorithm, put->checksums);
  }
  if (ctx.on_bytes) ctx.on_bytes(size);
}

}  // namespace quiltup::upload
