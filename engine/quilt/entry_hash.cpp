#include "quilt/entry_hash.hpp"

#include "crypto/encoding.hpp"

#include <algorithm>
#include <charconv>

namespace quiltup::quilt {
namespace {

// in_place_value: under C++20 paren-init quiltup::error is constructible from a string too.
result<std::string> ok(std::string s) { return result<std::string>(boost::system::in_place_value, std::move(s)); }

}  // namespace

std::uint64_t quilt_chunk_size(std::uint64_t size) {
  std::uint64_t chunk = min_chunk_size;
  while ((size + chunk - 1) / chunk > max_chunks) chunk *= 2;
  return chunk;
}

std::uint64_t quilt_chunk_count(std::uint64_t size) {
  auto chunk = quilt_chunk_size(size);
  return (size + chunk - 1) / chunk;
}

std::optional<std::uint64_t> quilt_part_size(std::uint64_t size) {
  auto chunk = quilt_chunk_size(size);
  if (chunk > max_s3_part_size) return std::nullopt;
  return chunk;
}

chunked_sha256::chunked_sha256(std::uint64_t total_size)
    : total_size_(total_size), chunk_size_(quilt_chunk_size(total_size)) {}

void chunked_sha256::update(bytes_view data) {
  fed_ += data.size();
  while (!data.empty()) {
    auto take = static_cast<std::size_t>(std::min<std::uint64_t>(data.size(), chunk_size_ - in_chunk_));
    chunk_.update(data.first(take));
    in_chunk_ += take;
    data = data.subspan(take);
    if (in_chunk_ == chunk_size_) {
      auto digest = chunk_.finish();
      outer_.update(bytes_view{reinterpret_cast<const std::byte*>(digest.data()), digest.size()});
      chunk_.reset();
      in_chunk_ = 0;
    }
  }
}

result<std::string> chunked_sha256::finish() {
  if (fed_ != total_size_)
    return make_error("SizeMismatch",
                      "hashed " + std::to_string(fed_) + " bytes but the object was declared as " +
                          std::to_string(total_size_) + " bytes",
                      "size", "the source changed while it was read; upload it again");
  if (in_chunk_ > 0) {
    auto digest = chunk_.finish();
    outer_.update(bytes_view{reinterpret_cast<const std::byte*>(digest.data()), digest.size()});
    in_chunk_ = 0;
  }
  return ok(crypto::base64_encode(outer_.finish()));
}

std::string quilt_hash_from_part_digests(std::span<const crypto::sha256_digest> part_digests) {
  crypto::sha256 outer;
  for (const auto& d : part_digests) outer.update(bytes_view{reinterpret_cast<const std::byte*>(d.data()), d.size()});
  return crypto::base64_encode(outer.finish());
}

std::string quilt_hash_of(bytes_view data) {
  chunked_sha256 hasher(data.size());
  hasher.update(data);
  return hasher.finish().value();  // sizes agree by construction
}

result<std::string> quilt_hash_from_s3_checksum(std::string_view checksum_sha256, std::uint64_t size,
                                                std::uint64_t part_size) {
  auto bad = [&](std::string why, std::string hint) {
    return make_error("ChecksumNotQuiltAligned",
                      "ChecksumSHA256 '" + std::string(checksum_sha256) + "' of a " + std::to_string(size) +
                          "-byte object " + std::move(why),
                      "ChecksumSHA256", std::move(hint));
  };
  auto dash = checksum_sha256.find('-');
  auto b64 = checksum_sha256.substr(0, dash);
  auto digest = crypto::base64_decode(b64);
  if (!digest || digest->size() != 32)
    return bad("is not the base64 of a 32-byte SHA-256 digest",
               "pass the ChecksumSHA256 value S3 returned for an upload with ChecksumAlgorithm SHA256");

  if (dash == std::string_view::npos) {
    if (quilt_chunk_count(size) > 1)
      return bad("is a whole-object digest, which cannot give the chunked hash of more than one chunk",
                 "upload with Quilt-aligned multipart parts (quilt_part_size) or hash the bytes");
    if (size == 0) return ok(std::string(b64));  // zero chunks: the Quilt value is sha256("") itself
    auto inner = crypto::sha256_of(std::string_view(*digest));
    return ok(crypto::base64_encode(inner));
  }

  auto count_text = checksum_sha256.substr(dash + 1);
  std::uint64_t parts = 0;
  auto [ptr, ec] = std::from_chars(count_text.data(), count_text.data() + count_text.size(), parts);
  if (ec != std::errc{} || ptr != count_text.data() + count_text.size())
    return bad("has no valid part count after '-'", "expected the composite form '<base64>-<parts>'");
  if (part_size != quilt_chunk_size(size) || parts != quilt_chunk_count(size))
    return bad("came from " + std::to_string(parts) + " parts of " + std::to_string(part_size) +
                   " bytes, but the Quilt hash needs " + std::to_string(quilt_chunk_count(size)) + " parts of " +
                   std::to_string(quilt_chunk_size(size)) + " bytes",
               "upload with part size quilt_part_size(size), or hash the object by reading it");
  return ok(std::string(b64));
}

}  // namespace quiltup::quilt
