#pragma once
// One S3 endpoint, one coroutine per operation. Each attempt: wait for the shared pacer, get
// credentials, sign (late: right before send), send through http::client, classify the answer,
// and on a retryable failure back off (full jitter) and go again, re-signed. Streaming bodies
// are rewound between attempts.
//
// Used from the http::client's executor only. Request structs are taken by value so nothing
// dangles across a suspension; the http::client and the pacer must outlive the client.
#include "core/awaitable.hpp"
#include "core/error.hpp"
#include "http/client.hpp"
#include "s3/abort_multipart_upload.hpp"
#include "s3/complete_multipart_upload.hpp"
#include "s3/create_bucket.hpp"
#include "s3/create_multipart_upload.hpp"
#include "s3/credentials_source.hpp"
#include "s3/delete_object.hpp"
#include "s3/endpoint.hpp"
#include "s3/get_object.hpp"
#include "s3/head_object.hpp"
#include "s3/list_multipart_uploads.hpp"
#include "s3/list_objects_v2.hpp"
#include "s3/list_parts.hpp"
#include "s3/pacer.hpp"
#include "s3/put_bucket_versioning.hpp"
#include "s3/put_object.hpp"
#include "s3/retry_policy.hpp"
#include "s3/upload_part.hpp"

#include <chrono>
#include <memory>

namespace quiltup::s3 {

struct client_options {
  retry_policy retry;
  // Shared by every client of one endpoint/bucket; null → the client makes its own.
  std::shared_ptr<s3::pacer> pacer;
  // aws-chunked chunk size for payload_mode::streaming_signed (≥ 64 KiB, s3-facts §4).
  std::size_t chunk_size = 64 * 1024;
};

class client {
 public:
  client(http::client& http, endpoint ep, credentials_source credentials, client_options options = {});

  awaitable<result<put_object_result>> put_object(put_object_request request);
  awaitable<result<head_object_result>> head_object(head_object_request request);
  awaitable<result<get_object_result>> get_object(get_object_request request);
  awaitable<result<create_bucket_result>> create_bucket(create_bucket_request request);
  awaitable<result<put_bucket_versioning_result>> put_bucket_versioning(put_bucket_versioning_request request);
  awaitable<result<delete_object_result>> delete_object(delete_object_request request);
  awaitable<result<list_objects_v2_result>> list_objects_v2(list_objects_v2_request request);
  awaitable<result<create_multipart_upload_result>> create_multipart_upload(create_multipart_upload_request request);
  awaitable<result<upload_part_result>> upload_part(upload_part_request request);
  awaitable<result<complete_multipart_upload_result>> complete_multipart_upload(complete_multipart_upload_request request);
  awaitable<result<abort_multipart_upload_result>> abort_multipart_upload(abort_multipart_upload_request request);
  awaitable<result<list_parts_result>> list_parts(list_parts_request request);
  awaitable<result<list_multipart_uploads_result>> list_multipart_uploads(list_multipart_uploads_request request);

  // The generic path every operation goes through: sign, send, classify, retry. On success the
  // response is a 2xx whose body (when checked) is not an <Error>.
  struct exchange {
    http::response response;
    response_meta meta;
  };
  awaitable<result<exchange>> execute(operation_request request);

  const s3::endpoint& endpoint() const noexcept { return endpoint_; }
  s3::pacer& pacer() noexcept { return *pacer_; }
  executor get_executor() const noexcept { return http_.get_executor(); }

 private:
  http::client& http_;
  s3::endpoint endpoint_;
  credentials_source credentials_;
  client_options options_;
  std::shared_ptr<s3::pacer> pacer_;
  // Server clock minus ours, learnt from a RequestTimeTooSkewed answer's Date header.
  std::chrono::seconds clock_offset_{0};
};

}  // namespace quiltup::s3
