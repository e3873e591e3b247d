#include "s3/attempt_request.hpp"

#include "crypto/sha256.hpp"
#include "sigv4/chunk_signer.hpp"
#include "sigv4/signer.hpp"

#include <algorithm>
#include <memory>

namespace quiltup::s3 {
namespace {

constexpr std::string_view unsigned_payload = "UNSIGNED-PAYLOAD";

// The encoder outlives this call inside the body's callbacks; a rewind (curl resending after a
// redirect, or the client's next attempt) restarts the source and the chunk chain from the seed.
struct chunked_state {
  http::body source;
  sigv4::aws_chunked_layout layout;
  sigv4::chunk_signer first_signer;
  std::unique_ptr<sigv4::aws_chunked_encoder> encoder;

  void restart() {
    encoder = std::make_unique<sigv4::aws_chunked_encoder>(
        [src = &source](char* dst, std::size_t cap) { return src->read(dst, cap); }, layout, first_signer);
  }
};

// An in-memory body as a pull source, for the encoder.
http::body as_streaming(const http::body& b) {
  if (b.is_streaming()) return b;
  auto offset = std::make_shared<std::size_t>(0);
  http::body s;
  s.owner = b.owner;
  s.length = b.bytes.size();
  s.read = [bytes = b.bytes, owner = b.owner, offset](char* dst, std::size_t cap) {
    auto n = std::min(cap, bytes.size() - *offset);
    std::copy_n(bytes.data() + *offset, n, dst);
    *offset += n;
    return n;
  };
  s.rewind = [offset] {
    *offset = 0;
    return true;
  };
  return s;
}

}  // namespace

void prepare_payload_hash(operation_request& request) {
  if (request.payload == payload_mode::signed_payload && request.payload_sha256.empty() && !request.body.is_streaming())
    request.payload_sha256 = crypto::sha256_hex(request.body.bytes);
}

result<http::request> make_attempt_request(const operation_request& request, const target& where,
                                           const std::string& region, const aws_credentials& credentials,
                                           std::chrono::system_clock::time_point time,
                                           const attempt_options& options) {
  http::request out;
  out.method = request.method;
  out.url = where.url;
  out.headers = request.headers;
  out.headers.set("Host", where.host);

  sigv4::signing_params params;
  params.region = region;
  params.service = "s3";
  params.time = time;
  params.credentials = credentials;

  sigv4::aws_chunked_layout layout;
  const bool streaming = request.payload == payload_mode::streaming_signed;
  switch (request.payload) {
    case payload_mode::signed_payload:
      if (request.payload_sha256.empty()) {
        if (request.body.is_streaming())
          return make_error("InvalidArgument", "a streamed body cannot be signed without its SHA-256", "payload_sha256",
                            "pass the hex SHA-256 of the body, or use payload mode unsigned or streaming");
        params.payload_hash = crypto::sha256_hex(request.body.bytes);
      } else {
        params.payload_hash = request.payload_sha256;
      }
      break;
    case payload_mode::unsigned_payload:
      params.payload_hash = std::string(unsigned_payload);
      break;
    case payload_mode::streaming_signed:
      layout.decoded_length = request.body.size();
      layout.chunk_size = options.chunk_size;
      layout.signed_chunks = true;
      params.payload_hash = std::string(sigv4::content_sha256_for(layout));
      if (auto ce = out.headers.get("Content-Encoding"))
        out.headers.set("Content-Encoding", "aws-chunked," + std::string(*ce));
      else
        out.headers.set("Content-Encoding", "aws-chunked");
      out.headers.set("x-amz-decoded-content-length", std::to_string(layout.decoded_length));
      // Signed, as in the AWS example: the framing makes the length part of what is attested.
      out.headers.set("Content-Length", std::to_string(sigv4::aws_chunked_encoder::encoded_length(layout)));
      break;
  }

  sigv4::request_view view;
  view.method = request.method;
  view.path = where.path;
  view.query = where.query;
  view.headers.assign(out.headers.begin(), out.headers.end());
  sigv4::signed_result signature;
  try {
    signature = sigv4::sign_headers(view, params);
  } catch (const failure& f) {
    error e = f.info();
    e.step = request.step;
    return e;
  }
  for (const auto& [name, value] : signature.added_headers) out.headers.set(name, value);
  out.headers.set("Authorization", signature.authorization);

  if (!streaming) {
    out.body = request.body;
    return out;
  }
  auto state = std::make_shared<chunked_state>(chunked_state{as_streaming(request.body), layout,
                                                             sigv4::chunk_signer::from_seed(params, signature), nullptr});
  state->restart();
  out.body.length = static_cast<std::size_t>(sigv4::aws_chunked_encoder::encoded_length(layout));
  out.body.read = [state](char* dst, std::size_t cap) { return state->encoder->read(dst, cap); };
  out.body.rewind = [state] {
    if (state->source.rewind && !state->source.rewind()) return false;
    state->restart();
    return true;
  };
  out.body.owner = state;
  return out;
}

}  // namespace quiltup::s3
