#include "s3/attempt_request.hpp"

#include "crypto/sha256.hpp"
#include "sigv4/chunk_signer.hpp"
#include "sigv4/signer.hpp"

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>

namespace quiltup::s3 {
namespace {

constexpr std::string_view unsigned_payload = "UNSIGNED-PAYLOAD";

// The encoder outlives this call inside the body's callbacks; a rewind (curl resending after a
// redirect, or the client's next attempt) restarts the source and the chunk chain from the seed.
struct chunked_state {
  http::body source;
  sigv4::aws_chunked_layout layout;
  std::optional<sigv4::chunk_signer> first_signer;  // signed chunks only
  std::string trailer_value;                        // trailer mode only: known before sending
  std::unique_ptr<sigv4::aws_chunked_encoder> encoder;

  void restart() {
    sigv4::aws_chunked_encoder::trailer_fn trailer;
    if (!layout.trailer_name.empty()) trailer = [value = trailer_value] { return value; };
    encoder = std::make_unique<sigv4::aws_chunked_encoder>(
        [src = &source](char* dst, std::size_t cap) { return src->read(dst, cap); }, layout, first_signer,
        std::move(trailer));
  }
};

// The x-amz-checksum-* header a request carries, if any (at most one: add_checksum_header).
std::optional<std::string> checksum_header_of(const http::headers& headers) {
  for (const auto& [name, value] : headers) {
    std::string lower(name);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (lower.starts_with("x-amz-checksum-") && lower != "x-amz-checksum-type" && lower != "x-amz-checksum-algorithm")
      return lower;
  }
  return std::nullopt;
}

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
  std::string trailer_value;
  const bool streaming = request.payload == payload_mode::streaming_signed ||
                         request.payload == payload_mode::streaming_unsigned_trailer;
  auto frame_as_aws_chunked = [&] {
    layout.decoded_length = request.body.size();
    layout.chunk_size = options.chunk_size;
    params.payload_hash = std::string(sigv4::content_sha256_for(layout));
    if (auto ce = out.headers.get("Content-Encoding"))
      out.headers.set("Content-Encoding", "aws-chunked," + std::string(*ce));
    else
      out.headers.set("Content-Encoding", "aws-chunked");
    out.headers.set("x-amz-decoded-content-length", std::to_string(layout.decoded_length));
    // Signed, as in the AWS example: the framing makes the length part of what is attested.
    out.headers.set("Content-Length", std::to_string(sigv4::aws_chunked_encoder::encoded_length(layout)));
  };
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
      layout.signed_chunks = true;
      frame_as_aws_chunked();
      break;
    case payload_mode::streaming_unsigned_trailer: {
      // The checksum header becomes the trailer; x-amz-trailer names it in the signed headers.
      auto name = checksum_header_of(out.headers);
      if (!name) {
        error e = make_error("InvalidArgument", "the trailer payload mode sends the checksum as a trailer, and there is none",
                             "checksum", "choose a checksum (crc32c, crc32, crc64nvme, sha1, sha256) or another payload mode");
        e.step = request.step;
        return e;
      }
      trailer_value = std::string(*out.headers.get(*name));
      out.headers.remove(*name);
      out.headers.set("x-amz-trailer", *name);
      layout.trailer_name = *name;
      layout.trailer_value_length = trailer_value.size();
      frame_as_aws_chunked();
      break;
    }
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
  std::optional<sigv4::chunk_signer> signer;
  if (layout.signed_chunks) signer = sigv4::chunk_signer::from_seed(params, signature);
  auto state = std::make_shared<chunked_state>(
      chunked_state{as_streaming(request.body), layout, std::move(signer), std::move(trailer_value), nullptr});
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
