#include "upload/multipart_upload.hpp"

#include "crypto/checksum.hpp"
#include "crypto/encoding.hpp"
#include "s3/put_object.hpp"
#include "scheduler/slot_limiter.hpp"
#include "scheduler/task_group.hpp"
#include "upload/abort_upload.hpp"
#include "upload/body_reader.hpp"
#include "upload/checksum_policy.hpp"

#include <boost/asio/cancellation_state.hpp>
#include <boost/system/system_error.hpp>

#include <optional>

namespace quiltup::upload {

namespace {

struct part_outcome {
  s3::completed_part part;
  std::optional<crypto::checksum_value> checksum;
  std::uint64_t length = 0;
};

// Shared by the parent and its part coroutines; lives in the parent's frame, which always
// outlives them (the parent waits for its task_group).
struct upload_state {
  upload_context& ctx;
  const checked_item& item;
  const part_plan& plan;
  std::string upload_id;
  scheduler::task_group* group = nullptr;
  std::vector<std::optional<part_outcome>> parts;
  std::optional<error> failure;  // the first one; later ones are mostly "Cancelled" echoes of it
  int attempts = 0;

  void fail(error e) {
    if (!failure) failure = std::move(e);
    group->cancel();
  }
};

error with_step(error e, std::string step) {
  if (e.step.empty()) e.step = std::move(step);
  return e;
}

std::string part_step(std::uint32_t n, std::uint32_t count) {
  return "UploadPart " + std::to_string(n) + " of " + std::to_string(count);
}

error error_from_exception(std::exception_ptr ex, std::string step) {
  try {
    std::rethrow_exception(ex);
  } catch (const failure& f) {
    return with_step(f.info(), std::move(step));
  } catch (const boost::system::system_error& e) {
    if (e.code() == asio::error::operation_aborted)
      return with_step(make_error("Cancelled", "the upload was cancelled"), std::move(step));
    return with_step(make_error("InternalError", e.what()), std::move(step));
  } catch (const std::exception& e) {
    return with_step(make_error("InternalError", e.what()), std::move(step));
  }
}

awaitable<void> upload_one_part(upload_state& st, std::uint32_t n, scheduler::slot per_upload_slot) {
  co_await asio::this_coro::throw_if_cancelled(false);
  auto& ctx = st.ctx;
  const auto step = part_step(n, st.plan.part_count);
  const auto offset = st.plan.offset(n), length = st.plan.length(n);

  auto body = co_await read_body(ctx, st.item.payload, offset, length);
  if (!body) {
    st.fail(with_step(body.error(), step));
    co_return;
  }
  const auto digest = body->digest;

  s3::upload_part_request req;
  req.bucket = st.item.bucket;
  req.key = st.item.key;
  req.upload_id = st.upload_id;
  req.part_number = static_cast<int>(n);
  req.body = std::move(body->body);
  req.payload = ctx.payload;
  req.payload_sha256 = digest.sha256_hex;
  if (digest.checksum) req.checksum = request_checksum(*digest.checksum);
  auto op = s3::build_upload_part(std::move(req));
  if (!op) {
    st.fail(with_step(op.error(), step));
    co_return;
  }
  if (digest.md5) op->headers.set("Content-MD5", crypto::base64_encode(*digest.md5));
  op->step = step;

  auto slot = co_await ctx.requests.acquire();
  if (!slot) {
    st.fail(with_step(slot.error(), step));
    co_return;
  }
  auto sent = co_await ctx.s3.execute(std::move(*op));
  slot->release();
  if (!sent) {
    st.fail(with_step(sent.error(), step));
    co_return;
  }
  st.attempts += sent->meta.attempts;
  auto parsed = s3::parse_upload_part(sent->response);
  if (!parsed) {
    st.fail(with_step(parsed.error(), step));
    co_return;
  }
  if (parsed->etag.empty()) {
    st.fail(with_step(make_error("MalformedResponse", "UploadPart answered without an ETag"), step));
    co_return;
  }

  part_outcome outcome;
  outcome.part.part_number = static_cast<int>(n);
  outcome.part.etag = parsed->etag;
  outcome.length = length;
  if (digest.checksum) {
    auto ours = digest.checksum->base64();
    if (auto mismatch = check_echo(digest.checksum->algorithm, ours, parsed->checksums, step)) {
      mismatch->request_id = sent->meta.request_id;
      st.fail(std::move(*mismatch));
      co_return;
    }
    outcome.checksum = digest.checksum;
    outcome.part.checksum = request_checksum(*digest.checksum);
  }
  st.parts[n - 1] = std::move(outcome);
  if (ctx.on_bytes) ctx.on_bytes(length);
}

// The whole-object checksum S3 should report: COMPOSITE "base64-N" or FULL_OBJECT.
result<std::string> object_checksum(const upload_state& st, s3::checksum_type type) {
  auto alg = st.ctx.options.checksum;
  if (type == s3::checksum_type::full_object) {
    std::vector<crypto::part_crc> crcs;
    crcs.reserve(st.parts.size());
    for (const auto& p : st.parts) crcs.push_back({*p->checksum, p->length});
    auto v = crypto::full_object_crc(crcs, alg);
    if (!v) return v.error();
    return result<std::string>(boost::system::in_place_value, v->base64());
  }
  std::vector<crypto::checksum_value> values;
  values.reserve(st.parts.size());
  for (const auto& p : st.parts) values.push_back(*p->checksum);
  return crypto::composite_checksum(values, alg);
}

std::optional<std::array<std::uint8_t, 16>> md5_from_etag(std::string_view etag) {
  auto hex = s3::unquote_etag(etag);
  if (hex.size() != 32) return std::nullopt;
  std::array<std::uint8_t, 16> out{};
  for (std::size_t i = 0; i < 16; ++i) {
    auto nibble = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    int hi = nibble(hex[2 * i]), lo = nibble(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out[i] = static_cast<std::uint8_t>(hi * 16 + lo);
  }
  return out;
}

// Did the object that HEAD describes come from this upload? (s3-facts §2.4)
bool head_matches(const s3::head_object_result& head, const upload_state& st, const std::string& expected_etag,
                  const std::string& expected_checksum) {
  if (head.content_length != st.plan.object_size) return false;
  if (!expected_checksum.empty() && echoed(st.ctx.options.checksum, head.checksums))
    return head.checksums.find(s3_algorithm(st.ctx.options.checksum)) == expected_checksum;
  if (!expected_etag.empty()) return s3::unquote_etag(head.etag) == expected_etag;
  return false;
}

}  // namespace

std::string expected_multipart_etag(const std::vector<std::string>& part_etags) {
  std::vector<crypto::md5_digest> md5s;
  md5s.reserve(part_etags.size());
  for (const auto& e : part_etags) {
    auto m = md5_from_etag(e);
    if (!m) return {};
    md5s.push_back(*m);
  }
  auto etag = crypto::multipart_etag(md5s);
  return etag ? *etag : std::string{};
}

awaitable<void> multipart_upload(upload_context& ctx, checked_item item, part_plan plan, upload_result& out) {
  // Failures are values from here down; cancellation is noticed, never thrown past an upload
  // that still has to be aborted.
  co_await asio::this_coro::throw_if_cancelled(false);
  out.parts = plan.part_count;
  const auto checksum_type = multipart_checksum_type(ctx.options.checksum, ctx.options.full_object_checksum);

  // 1. Create.
  s3::create_multipart_upload_request create;
  create.bucket = item.bucket;
  create.key = item.key;
  create.content_type = item.content_type;
  create.metadata = item.metadata;
  create.cache_control = item.cache_control;
  create.content_encoding = item.content_encoding;
  create.storage_class = item.storage_class;
  create.checksum_algorithm = s3_algorithm(ctx.options.checksum);
  create.checksum_type = checksum_type;
  std::string upload_id;
  {
    auto slot = co_await ctx.requests.acquire();
    if (!slot) {
      out.error = with_step(slot.error(), "CreateMultipartUpload");
      co_return;
    }
    auto created = co_await ctx.s3.create_multipart_upload(std::move(create));
    if (!created) {
      out.error = with_step(created.error(), "CreateMultipartUpload");
      co_return;
    }
    out.attempts += created->attempts;
    upload_id = created->upload_id;
  }

  // 2. Parts.
  auto ex = co_await asio::this_coro::executor;
  scheduler::task_group group(ex, {.cancel_siblings_on_exception = true});
  upload_state st{ctx, item, plan, upload_id, &group, {}, std::nullopt, 0};
  st.parts.resize(plan.part_count);
  scheduler::slot_limiter per_upload(ctx.options.parts_per_upload);
  bool cancelled = false;
  for (std::uint32_t n = 1; n <= plan.part_count; ++n) {
    if ((co_await asio::this_coro::cancellation_state).cancelled() != asio::cancellation_type::none) {
      cancelled = true;
      break;
    }
    if (st.failure || group.cancelled()) break;
    auto slot = co_await per_upload.acquire();
    if (!slot) {
      cancelled = true;
      break;
    }
    group.spawn(upload_one_part(st, n, std::move(*slot)));
  }
  if (cancelled) group.cancel();
  try {
    co_await group.wait();
  } catch (const boost::system::system_error&) {
    cancelled = true;  // the wait passed our cancellation on to the parts and let them stop
  }
  if (auto ex_ptr = group.first_exception(); ex_ptr && !st.failure)
    st.failure = error_from_exception(ex_ptr, "UploadPart");
  if (cancelled && !st.failure)
    st.failure = with_step(make_error("Cancelled", "the upload was cancelled before all parts were sent"), "UploadPart");
  out.attempts += st.attempts;

  auto give_up = [&](error why) -> awaitable<void> {
    auto aborted = co_await abort_upload(ctx.s3, item.bucket, item.key, upload_id);
    out.attempts += aborted.attempts;
    if (!aborted.confirmed) {
      out.unaborted_upload_id = upload_id;
      why.message += "; the multipart upload " + upload_id + " could not be aborted" +
                     (aborted.last_error ? " (" + aborted.last_error->to_string() + ")" : std::string{});
      why.hint = "abort it with AbortMultipartUpload, or set a lifecycle rule AbortIncompleteMultipartUpload";
    }
    out.error = std::move(why);
  };
  if (st.failure) {
    auto why = std::move(*st.failure);
    co_return co_await give_up(std::move(why));
  }

  // 3. Complete. Shielded from cancellation: once it is sent the object may land, and
  // reporting what landed beats aborting an upload S3 may already have completed.
  co_await asio::this_coro::reset_cancellation_state(asio::disable_cancellation());
  std::string expected_checksum;
  if (checksum_type != s3::checksum_type::unspecified) {
    auto v = object_checksum(st, checksum_type);
    if (!v) {
      auto why = with_step(v.error(), "CompleteMultipartUpload");
      co_return co_await give_up(std::move(why));
    }
    expected_checksum = *v;
  }
  std::vector<std::string> part_etags;
  part_etags.reserve(st.parts.size());
  s3::complete_multipart_upload_request complete;
  complete.bucket = item.bucket;
  complete.key = item.key;
  complete.upload_id = upload_id;
  complete.checksum_type = checksum_type;
  if (checksum_type == s3::checksum_type::full_object)
    complete.full_object_checksum = s3::checksum{s3_algorithm(ctx.options.checksum), expected_checksum};
  for (auto& p : st.parts) {
    part_etags.push_back(p->part.etag);
    complete.parts.push_back(std::move(p->part));
  }
  const auto expected_etag = expected_multipart_etag(part_etags);

  std::string etag, version_id;
  s3::echoed_checksums checksums;
  {
    auto slot = co_await ctx.requests.acquire();
    auto completed = co_await ctx.s3.complete_multipart_upload(std::move(complete));
    if (completed) {
      out.attempts += completed->attempts;
      etag = s3::unquote_etag(completed->etag);
      version_id = completed->version_id;
      checksums = completed->checksums;
    } else if (completed.error().code != "NoSuchUpload") {
      auto why = with_step(completed.error(), "CompleteMultipartUpload");
      co_return co_await give_up(std::move(why));
    } else {
      // A retried Complete after a first one that succeeded unseen: the object tells.
      s3::head_object_request head_req{item.bucket, item.key, {}, std::nullopt, true};
      auto head = co_await ctx.s3.head_object(std::move(head_req));
      if (!head || !head_matches(*head, st, expected_etag, expected_checksum)) {
        out.error = with_step(completed.error(), "CompleteMultipartUpload");
        out.error->message += "; HeadObject shows no object from this upload";
        co_return;
      }
      out.attempts += head->attempts;
      etag = s3::unquote_etag(head->etag);
      version_id = head->version_id;
      checksums = head->checksums;
    }
  }
  // RGW answers an empty <ETag>: the object's HEAD has the real one.
  if (etag.empty()) {
    s3::head_object_request head_req{item.bucket, item.key, version_id, std::nullopt, true};
    auto head = co_await ctx.s3.head_object(std::move(head_req));
    if (head) {
      out.attempts += head->attempts;
      etag = s3::unquote_etag(head->etag);
      if (checksums.empty()) checksums = head->checksums;
    }
  }
  out.etag = etag;
  out.version_id = version_id;

  if (ctx.options.checksum != crypto::checksum_algorithm::none && !expected_checksum.empty()) {
    out.checksum.algorithm = std::string(crypto::s3_algorithm_name(ctx.options.checksum));
    out.checksum.value = expected_checksum;
    out.checksum.type = std::string(s3::wire_name(checksum_type));
    if (auto mismatch = check_echo(ctx.options.checksum, expected_checksum, checksums, "CompleteMultipartUpload")) {
      out.error = std::move(*mismatch);
      co_return;
    }
    out.checksum.confirmed_by_server = echoed(ctx.options.checksum, checksums);
  }
  if (ctx.options.verify_multipart_etag && !expected_etag.empty() && !etag.empty() && etag != expected_etag) {
    out.error = make_error("ETagMismatch",
                           "multipart ETag " + etag + " differs from the MD5 of the part ETags (" + expected_etag + ")",
                           {}, "upload the object again; on SSE-KMS/SSE-C buckets turn the multipart ETag check off");
    out.error->step = "CompleteMultipartUpload";
  }
}

}  // namespace quiltup::upload
