#pragma once
// What the engine answers for one object and for a batch. Expected failures live in `error`;
// a result is produced for every item pulled from the source, landed or not.
#include "core/error.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace quiltup::upload {

struct result_checksum {
  std::string algorithm;  // S3 name: "CRC32C", "CRC64NVME", "SHA256", "SHA1", "MD5"; empty for none
  std::string value;      // base64; COMPOSITE values end in "-N"
  std::string type;       // "FULL_OBJECT" or "COMPOSITE"
  // True when S3 echoed the same value (RGW ignores checksums: false there, but ours is kept).
  bool confirmed_by_server = false;
};

struct upload_result {
  std::string bucket;
  std::string key;
  std::uint64_t size = 0;
  std::string content_type;
  std::string etag;        // without quotes
  std::string version_id;  // empty on unversioned buckets
  result_checksum checksum;
  std::uint32_t parts = 0;  // 0 for a single PutObject
  int attempts = 0;         // HTTP attempts over all requests of this object
  std::int64_t duration_ms = 0;
  // Set on failure: code, message, retryable, request_id, step ("UploadPart 3"), field.
  std::optional<quiltup::error> error;
  // A multipart upload whose abort could not be confirmed (its parts may still be billed).
  std::string unaborted_upload_id;

  bool ok() const noexcept { return !error; }
};

struct batch_result {
  std::uint64_t requested = 0;  // items pulled from the source
  std::uint64_t uploaded = 0;
  std::uint64_t failed = 0;
  std::uint64_t bytes = 0;      // bytes of the objects that landed
  double seconds = 0;
  double throughput = 0;        // bytes per second over the batch
  bool cancelled = false;       // stopped early; `uploaded` says what landed
};

}  // namespace quiltup::upload
