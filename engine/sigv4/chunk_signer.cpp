#include "sigv4/chunk_signer.hpp"

#include "core/error.hpp"
#include "crypto/encoding.hpp"
#include "crypto/sha256.hpp"
#include "sigv4/canonical_request.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

namespace quiltup::sigv4 {
namespace {

constexpr std::string_view empty_sha256 =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
constexpr std::string_view signature_prefix = ";chunk-signature=";
constexpr std::string_view trailer_signature_name = "x-amz-trailer-signature";
constexpr std::size_t signature_length = 64;

std::string hex_size(std::uint64_t n) {
  char buf[24];
  int len = 0;
  do {
    buf[len++] = "0123456789abcdef"[n & 0xf];
    n >>= 4;
  } while (n);
  std::reverse(buf, buf + len);
  return std::string(buf, static_cast<std::size_t>(len));
}

std::string chain_string_to_sign(std::string_view kind, std::string_view amz_date,
                                 std::string_view scope, std::string_view previous) {
  std::string out;
  out.reserve(kind.size() + amz_date.size() + scope.size() + 3 * 64 + 8);
  out.append(kind).push_back('\n');
  out.append(amz_date).push_back('\n');
  out.append(scope).push_back('\n');
  out.append(previous).push_back('\n');
  return out;
}

[[noreturn]] void fail(std::string code, std::string message, std::string field, std::string hint) {
  throw failure(make_error(std::move(code), std::move(message), std::move(field), std::move(hint)));
}

}  // namespace

// ---- chunk_signer ----------------------------------------------------------------------

chunk_signer::chunk_signer(signing_key key, std::string amz_date, std::string scope,
                           std::string seed_signature)
    : key_(key),
      amz_date_(std::move(amz_date)),
      scope_(std::move(scope)),
      previous_(std::move(seed_signature)) {}

chunk_signer chunk_signer::from_seed(const signing_params& params, const signed_result& seed) {
  auto key = shared_signing_key_cache().get(params.credentials.secret_access_key, seed.amz_date,
                                            params.region, params.service);
  return chunk_signer(key, seed.amz_date, seed.credential_scope, seed.signature);
}

std::string chunk_signer::chunk_string_to_sign(bytes_view chunk) const {
  auto out = chain_string_to_sign("AWS4-HMAC-SHA256-PAYLOAD", amz_date_, scope_, previous_);
  out.append(empty_sha256).push_back('\n');
  out.append(crypto::hex_encode(crypto::sha256_of(chunk)));
  return out;
}

std::string chunk_signer::sign_chunk(bytes_view chunk) {
  previous_ = signature_hex(key_, chunk_string_to_sign(chunk));
  return previous_;
}

std::string chunk_signer::trailer_string_to_sign(const header_list& trailers) const {
  std::vector<std::pair<std::string, std::string>> lines;
  for (const auto& [name, value] : trailers) {
    std::string key = canonical_header_value(name);
    std::transform(key.begin(), key.end(), key.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
    lines.emplace_back(std::move(key), canonical_header_value(value));
  }
  std::sort(lines.begin(), lines.end());
  std::string canonical;
  for (const auto& [name, value] : lines) canonical.append(name).append(":").append(value).push_back('\n');
  auto out = chain_string_to_sign("AWS4-HMAC-SHA256-TRAILER", amz_date_, scope_, previous_);
  out.append(crypto::sha256_hex(canonical));
  return out;
}

std::string chunk_signer::sign_trailer(const header_list& trailers) {
  previous_ = signature_hex(key_, trailer_string_to_sign(trailers));
  return previous_;
}

// ---- framing ---------------------------------------------------------------------------

std::string chunk_header(std::uint64_t size, std::string_view signature) {
  auto out = hex_size(size);
  if (!signature.empty()) out.append(signature_prefix).append(signature);
  out.append("\r\n");
  return out;
}

std::string frame_chunk(bytes_view data, std::string_view signature) {
  auto out = chunk_header(data.size(), signature);
  out.append(as_chars(data)).append("\r\n");
  return out;
}

std::string frame_final_chunk(std::string_view signature) { return chunk_header(0, signature); }

std::string frame_trailer(const header_list& trailers, std::string_view trailer_signature) {
  std::string out;
  for (const auto& [name, value] : trailers) out.append(name).append(":").append(value).append("\r\n");
  if (!trailer_signature.empty())
    out.append(trailer_signature_name).append(":").append(trailer_signature).append("\r\n");
  out.append("\r\n");
  return out;
}

// ---- aws_chunked_encoder ---------------------------------------------------------------

std::string_view content_sha256_for(const aws_chunked_layout& layout) {
  if (!layout.signed_chunks) return streaming_unsigned_payload_trailer;
  return layout.trailer_name.empty() ? streaming_signed_payload : streaming_signed_payload_trailer;
}

std::uint64_t aws_chunked_encoder::encoded_length(const aws_chunked_layout& layout) {
  const std::uint64_t signature_overhead =
      layout.signed_chunks ? signature_prefix.size() + signature_length : 0;
  auto framed = [&](std::uint64_t n) {
    return hex_size(n).size() + signature_overhead + 2 + (n ? n + 2 : 0);
  };
  const std::uint64_t chunk = layout.chunk_size;
  const std::uint64_t full = layout.decoded_length / chunk;
  const std::uint64_t last = layout.decoded_length % chunk;
  std::uint64_t total = full * framed(chunk) + (last ? framed(last) : 0) + framed(0);
  if (!layout.trailer_name.empty()) {
    total += layout.trailer_name.size() + 1 + layout.trailer_value_length + 2;
    if (layout.signed_chunks) total += trailer_signature_name.size() + 1 + signature_length + 2;
  }
  return total + 2;
}

aws_chunked_encoder::aws_chunked_encoder(source_fn source, aws_chunked_layout layout,
                                         std::optional<chunk_signer> signer,
                                         trailer_fn trailer_value)
    : source_(std::move(source)),
      layout_(std::move(layout)),
      signer_(std::move(signer)),
      trailer_value_(std::move(trailer_value)) {
  if (!source_ && layout_.decoded_length > 0)
    fail("InvalidArgument", "aws-chunked encoder has no source", "source",
         "pass a function that reads the object's bytes");
  if (layout_.chunk_size == 0)
    fail("InvalidArgument", "aws-chunked chunk size is 0", "layout.chunk_size",
         "use at least 8 KiB (S3's minimum); 64 KiB is the default");
  if (layout_.signed_chunks != signer_.has_value())
    fail("InvalidArgument",
         layout_.signed_chunks ? "signed aws-chunked layout without a chunk_signer"
                               : "a chunk_signer was given for an unsigned aws-chunked layout",
         "signer", "pass chunk_signer::from_seed(...) exactly when layout.signed_chunks is true");
  if (layout_.trailer_name.empty() != !trailer_value_)
    fail("InvalidArgument",
         layout_.trailer_name.empty() ? "trailer value callback without a trailer name"
                                      : "trailer '" + layout_.trailer_name + "' has no value callback",
         "layout.trailer_name", "set both the trailer name and its value callback, or neither");
  if (layout_.signed_chunks) chunk_.resize(static_cast<std::size_t>(
                                 std::min<std::uint64_t>(layout_.chunk_size, layout_.decoded_length)));
}

void aws_chunked_encoder::fill_from_source(char* dst, std::size_t n) {
  std::size_t got = 0;
  while (got < n) {
    auto r = source_(dst + got, n - got);
    if (r == 0)
      fail("SourceTruncated",
           "the body source ended after " + std::to_string(consumed_ + got) + " of " +
               std::to_string(layout_.decoded_length) + " bytes",
           "decoded_length", "the file changed while uploading; upload it again");
    got += std::min(r, n - got);
  }
  consumed_ += n;
}

void aws_chunked_encoder::start_next_chunk() {
  const std::uint64_t remaining = layout_.decoded_length - consumed_;
  if (remaining == 0) {
    finish_body();
    return;
  }
  const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(layout_.chunk_size, remaining));
  pending_offset_ = 0;
  data_left_ = n;
  if (signer_) {
    fill_from_source(chunk_.data(), n);
    chunk_offset_ = 0;
    auto signature = signer_->sign_chunk(as_bytes(std::string_view(chunk_.data(), n)));
    pending_ = chunk_header(n, signature);
  } else {
    pending_ = chunk_header(n, {});
  }
}

void aws_chunked_encoder::finish_body() {
  finished_ = true;
  pending_offset_ = 0;
  pending_ = frame_final_chunk(signer_ ? signer_->sign_chunk({}) : std::string());
  header_list trailers;
  if (!layout_.trailer_name.empty()) {
    auto value = trailer_value_();
    if (value.size() != layout_.trailer_value_length)
      fail("InvalidArgument",
           "trailer '" + layout_.trailer_name + "' value has " + std::to_string(value.size()) +
               " characters, the layout promised " + std::to_string(layout_.trailer_value_length),
           "layout.trailer_value_length",
           "set it to the base64 length of the checksum (8 for CRC32/CRC32C, 12 for CRC64NVME)");
    trailers.emplace_back(layout_.trailer_name, std::move(value));
  }
  std::string trailer_signature;
  if (signer_ && !trailers.empty()) trailer_signature = signer_->sign_trailer(trailers);
  pending_.append(frame_trailer(trailers, trailer_signature));
}

std::size_t aws_chunked_encoder::read(char* dst, std::size_t cap) {
  std::size_t written = 0;
  while (written < cap) {
    if (pending_offset_ < pending_.size()) {
      auto n = std::min(cap - written, pending_.size() - pending_offset_);
      std::memcpy(dst + written, pending_.data() + pending_offset_, n);
      pending_offset_ += n;
      written += n;
      continue;
    }
    if (data_left_ > 0) {
      auto n = std::min(cap - written, data_left_);
      if (signer_) {
        std::memcpy(dst + written, chunk_.data() + chunk_offset_, n);
        chunk_offset_ += n;
      } else {
        // Unsigned: nothing to hash first, so the bytes go straight from the source to curl.
        n = std::min(n, source_(dst + written, n));
        if (n == 0)
          fail("SourceTruncated",
               "the body source ended after " + std::to_string(consumed_) + " of " +
                   std::to_string(layout_.decoded_length) + " bytes",
               "decoded_length", "the file changed while uploading; upload it again");
        consumed_ += n;
      }
      written += n;
      data_left_ -= n;
      if (data_left_ == 0) {
        pending_ = "\r\n";
        pending_offset_ = 0;
      }
      continue;
    }
    if (finished_) break;
    start_next_chunk();
  }
  return written;
}

}  // namespace quiltup::sigv4
