#pragma once
// Quilt's entry hash `sha2-256-chunked` (quilt3 checksums.py), and how to get it from S3 for free.
//   chunk = 8 MiB, doubled while ceil(size / chunk) > 10,000
//   value = base64(sha256(sha256(chunk_1) || ... || sha256(chunk_n)))
// An empty object has no chunks, so its value is base64(sha256("")), not double-hashed.
// A multipart upload whose parts are exactly these chunks, sent with the SHA256 checksum
// algorithm, gets back a composite ChecksumSHA256 "<b64>-<n>" whose <b64> is this value.
#include "core/bytes.hpp"
#include "core/error.hpp"
#include "crypto/sha256.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace quiltup::quilt {

inline constexpr std::string_view chunked_hash_type = "sha2-256-chunked";
inline constexpr std::uint64_t min_chunk_size = 8ull << 20;  // 8 MiB
inline constexpr std::uint64_t max_chunks = 10'000;          // S3's part-count limit
inline constexpr std::uint64_t max_s3_part_size = 5ull << 30;  // 5 GiB

// The chunk size quilt3 uses for an object of `size` bytes.
std::uint64_t quilt_chunk_size(std::uint64_t size);
// ceil(size / quilt_chunk_size(size)); 0 for an empty object.
std::uint64_t quilt_chunk_count(std::uint64_t size);
// quilt3 and the catalog use multipart (and so a composite checksum) from 8 MiB up.
inline bool quilt_uses_multipart(std::uint64_t size) { return size >= min_chunk_size; }

// Part size for a Quilt-aligned multipart upload: the chunk size, so S3's composite checksum is
// the Quilt hash. nullopt when that chunk would exceed S3's 5 GiB part limit (objects above
// 10,000 x 4 GiB, about 39 TiB): upload those unaligned and send no hash; the registry computes it.
std::optional<std::uint64_t> quilt_part_size(std::uint64_t size);

// Incremental sha2-256-chunked over a stream of known total size, so the upload layer can hash
// while the bytes go out, in whatever slices it reads them.
class chunked_sha256 {
 public:
  explicit chunked_sha256(std::uint64_t total_size);

  void update(bytes_view data);
  void update(std::string_view data) { update(as_bytes(data)); }
  // The base64 value. Fails when the bytes fed differ from total_size: the chunking would have
  // been different, so the value would be wrong (e.g. the file changed while it was read).
  result<std::string> finish();

 private:
  std::uint64_t total_size_;
  std::uint64_t chunk_size_;
  std::uint64_t fed_ = 0;
  std::uint64_t in_chunk_ = 0;
  crypto::sha256 chunk_;
  crypto::sha256 outer_;
};

// Combines per-part SHA-256 digests (parts hashed concurrently, or the digests already sent as
// x-amz-checksum-sha256) into the Quilt value. Callers make sure the parts are Quilt chunks.
std::string quilt_hash_from_part_digests(std::span<const crypto::sha256_digest> part_digests);

// The whole sha2-256-chunked value of a buffer in memory.
std::string quilt_hash_of(bytes_view data);
inline std::string quilt_hash_of(std::string_view data) { return quilt_hash_of(as_bytes(data)); }

// Maps S3's ChecksumSHA256 of an object of `size` bytes to its Quilt value:
//   "<b64>"      single PUT: base64(sha256(digest)); the empty object's digest passes through;
//   "<b64>-<n>"  multipart with SHA256 (composite): <b64> itself, provided the upload used
//                part_size == quilt_chunk_size(size) and n parts.
// `part_size` is the part size the upload used (ignored for single PUT).
result<std::string> quilt_hash_from_s3_checksum(std::string_view checksum_sha256, std::uint64_t size,
                                                std::uint64_t part_size);

}  // namespace quiltup::quilt
