#include "s3/client.hpp"

#include "s3/attempt_request.hpp"
#include "s3/error.hpp"

#include <boost/asio/steady_timer.hpp>

#include <ctime>
#include <random>

namespace quiltup::s3 {
namespace {

double unit_random() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

// Waits unless cancelled; false when the wait was cancelled.
awaitable<bool> sleep_for(std::chrono::milliseconds delay) {
  if (delay.count() <= 0) co_return true;
  asio::steady_timer timer(co_await asio::this_coro::executor, delay);
  auto [ec] = co_await timer.async_wait(as_tuple_awaitable);
  co_return !ec;
}

// RFC 7231 IMF-fixdate ("Wed, 21 Oct 2015 07:28:00 GMT") → server time.
std::optional<std::chrono::system_clock::time_point> parse_http_date(std::string_view text) {
  std::tm tm{};
  std::string s(text);
  if (!strptime(s.c_str(), "%a, %d %b %Y %H:%M:%S", &tm)) return std::nullopt;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

error cancelled(std::string_view step) {
  error e = make_error("Cancelled", "the request was cancelled", {}, {});
  e.step = std::string(step);
  return e;
}

// The generic tail of every operation: run it, then parse the answer.
template <class Result, class Parse>
awaitable<result<Result>> run(client& c, result<operation_request> built, Parse parse) {
  if (!built) co_return built.error();
  auto sent = co_await c.execute(std::move(*built));
  if (!sent) co_return sent.error();
  result<Result> parsed = parse(sent->response);
  if (!parsed) {
    error e = parsed.error();
    if (e.request_id.empty()) e.request_id = sent->meta.request_id;
    co_return e;
  }
  static_cast<response_meta&>(*parsed) = sent->meta;
  co_return parsed;
}

}  // namespace

client::client(http::client& http, s3::endpoint ep, credentials_source credentials, client_options options)
    : http_(http),
      endpoint_(std::move(ep)),
      credentials_(std::move(credentials)),
      options_(std::move(options)),
      pacer_(options_.pacer ? options_.pacer : std::make_shared<s3::pacer>()) {}

awaitable<result<client::exchange>> client::execute(operation_request request) {
  prepare_payload_hash(request);
  const auto where = endpoint_.locate(request.bucket, request.key, request.query);
  response_meta meta;
  for (int attempt = 1;; ++attempt) {
    meta.attempts = attempt;
    if (!co_await sleep_for(pacer_->current_sleep())) co_return cancelled(request.step);
    if (attempt > 1 && request.body.is_streaming() && request.body.rewind && !request.body.rewind()) {
      error e = make_error("BodyNotRewindable", "the request body could not be restarted for a retry", {},
                           "give a body whose rewind() restarts it (a file, not a pipe)");
      e.step = request.step;
      co_return e;
    }
    auto credentials = co_await credentials_();
    if (!credentials) {
      error e = credentials.error();
      if (e.step.empty()) e.step = request.step;
      co_return e;
    }
    auto now = std::chrono::system_clock::now() + clock_offset_;
    auto wire = make_attempt_request(request, where, endpoint_.region(), *credentials, now,
                                     attempt_options{options_.chunk_size});
    if (!wire) co_return wire.error();

    auto sent = co_await http_.send(std::move(*wire));
    error failure_info;
    if (!sent) {
      failure_info = annotate_transport_error(sent.error(), request.step);
    } else {
      auto& response = *sent;
      meta.http_status = response.status;
      if (auto id = response.headers.get("x-amz-request-id")) meta.request_id = std::string(*id);
      bool ok = response.status >= 200 && response.status < 300 &&
                !(request.check_error_body && is_error_document(response.body));
      if (ok) {
        pacer_->on_success();
        co_return exchange{std::move(response), meta};
      }
      failure_info = error_from_response(response, request.step);
      if (classify(failure_info.code, failure_info.http_status).kind == failure_kind::clock_skew)
        if (auto date = response.headers.get("Date"))
          if (auto server_now = parse_http_date(*date))
            clock_offset_ = std::chrono::duration_cast<std::chrono::seconds>(*server_now - std::chrono::system_clock::now());
    }
    if (failure_info.code == "Cancelled") co_return failure_info;
    if (classify(failure_info.code, failure_info.http_status).throttle) pacer_->on_throttle();
    if (!options_.retry.should_retry(failure_info, attempt)) {
      if (attempt > 1) failure_info.message += " (after " + std::to_string(attempt) + " attempts)";
      co_return failure_info;
    }
    if (!co_await sleep_for(options_.retry.backoff(attempt, unit_random))) co_return cancelled(request.step);
  }
}

awaitable<result<put_object_result>> client::put_object(put_object_request request) {
  co_return co_await run<put_object_result>(*this, build_put_object(std::move(request)), parse_put_object);
}

awaitable<result<head_object_result>> client::head_object(head_object_request request) {
  co_return co_await run<head_object_result>(*this, build_head_object(std::move(request)), parse_head_object);
}

awaitable<result<get_object_result>> client::get_object(get_object_request request) {
  co_return co_await run<get_object_result>(*this, build_get_object(std::move(request)), parse_get_object);
}

awaitable<result<create_bucket_result>> client::create_bucket(create_bucket_request request) {
  co_return co_await run<create_bucket_result>(*this, build_create_bucket(std::move(request)), parse_create_bucket);
}

awaitable<result<put_bucket_versioning_result>> client::put_bucket_versioning(put_bucket_versioning_request request) {
  co_return co_await run<put_bucket_versioning_result>(*this, build_put_bucket_versioning(std::move(request)),
                                                       parse_put_bucket_versioning);
}

awaitable<result<delete_object_result>> client::delete_object(delete_object_request request) {
  co_return co_await run<delete_object_result>(*this, build_delete_object(std::move(request)), parse_delete_object);
}

awaitable<result<list_objects_v2_result>> client::list_objects_v2(list_objects_v2_request request) {
  co_return co_await run<list_objects_v2_result>(*this, build_list_objects_v2(std::move(request)), parse_list_objects_v2);
}

awaitable<result<create_multipart_upload_result>> client::create_multipart_upload(create_multipart_upload_request request) {
  co_return co_await run<create_multipart_upload_result>(*this, build_create_multipart_upload(std::move(request)),
                                                         parse_create_multipart_upload);
}

awaitable<result<upload_part_result>> client::upload_part(upload_part_request request) {
  int part_number = request.part_number;
  auto r = co_await run<upload_part_result>(*this, build_upload_part(std::move(request)), parse_upload_part);
  if (r) r->part_number = part_number;
  co_return r;
}

awaitable<result<complete_multipart_upload_result>> client::complete_multipart_upload(
    complete_multipart_upload_request request) {
  co_return co_await run<complete_multipart_upload_result>(*this, build_complete_multipart_upload(std::move(request)),
                                                           parse_complete_multipart_upload);
}

awaitable<result<abort_multipart_upload_result>> client::abort_multipart_upload(abort_multipart_upload_request request) {
  co_return co_await run<abort_multipart_upload_result>(*this, build_abort_multipart_upload(std::move(request)),
                                                        parse_abort_multipart_upload);
}

awaitable<result<list_parts_result>> client::list_parts(list_parts_request request) {
  co_return co_await run<list_parts_result>(*this, build_list_parts(std::move(request)), parse_list_parts);
}

awaitable<result<list_multipart_uploads_result>> client::list_multipart_uploads(list_multipart_uploads_request request) {
  co_return co_await run<list_multipart_uploads_result>(*this, build_list_multipart_uploads(std::move(request)),
                                                        parse_list_multipart_uploads);
}

}  // namespace quiltup::s3
