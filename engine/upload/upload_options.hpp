#pragma once
// Everything an uploader can be told, with the defaults README.md "Defaults" explains. Each
// field is one CLI flag or MCP argument; check_options() names the one at fault.
#include "core/error.hpp"
#include "crypto/checksum.hpp"
#include "upload/part_plan.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace quiltup::upload {

enum class payload_signing {
  automatic,  // signed over http (no TLS to protect the body), unsigned over https
  signed_payload,
  unsigned_payload,
  streaming,  // aws-chunked, each chunk signed as it goes (s3::payload_mode::streaming_signed)
  trailer,    // aws-chunked, unsigned, checksum as a trailer (s3::payload_mode::streaming_unsigned_trailer)
};

// "auto", "signed", "unsigned", "streaming", "trailer"; errors name `field`.
result<payload_signing> parse_payload_signing(std::string_view text, std::string_view field = "payload_signing");
std::string_view to_string(payload_signing mode) noexcept;

struct upload_options {
  std::string default_bucket;  // for items without a bucket

  std::uint64_t multipart_threshold = 16 * mib;  // objects of this size or more go multipart
  std::uint64_t part_size = 8 * mib;             // preferred; grows so no upload needs > 10,000 parts
  bool quilt_aligned = false;                    // Quilt's sha2-256-chunked part sizes (with sha256)

  std::size_t concurrency = 32;          // requests in flight, all objects together
  std::size_t parts_per_upload = 8;      // parts read or sent at once for one multipart object
  std::size_t objects_in_flight = 64;    // items being worked on at once in a batch
  std::uint64_t memory_limit = 256 * mib;  // bytes of part buffers, reserved before reading
  // Threads for pread + hashing, off the io thread; 0 = inline. Two, so one part is read while
  // another is hashed: on 2 cores it cut a signed 2 GiB upload from 1.99 s to 1.53 s and 1,000
  // x 1 MiB from 1.03 s to 0.86 s (bench/RESULTS.md); SHA-256 at ~1.8 GB/s per thread keeps
  // pace with 25 Gbit/s.
  std::size_t io_threads = 2;

  crypto::checksum_algorithm checksum = crypto::checksum_algorithm::crc32c;
  // CRC32/CRC32C multipart uploads: one FULL_OBJECT checksum instead of COMPOSITE ("…-N").
  // CRC64NVME is always FULL_OBJECT; SHA1/SHA256 are always COMPOSITE.
  bool full_object_checksum = false;
  payload_signing payload = payload_signing::automatic;

  // After Complete, compare the ETag with md5-of-part-MD5s-N. Turn off for SSE-KMS / SSE-C
  // buckets, whose ETags are not MD5s.
  bool verify_multipart_etag = true;
};

// Errors ("InvalidArgument") name the option: part_size, multipart_threshold, memory_limit,
// concurrency, checksum (quilt_aligned needs sha256).
result<void> check_options(const upload_options& options);

}  // namespace quiltup::upload
