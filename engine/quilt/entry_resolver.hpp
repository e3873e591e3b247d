#pragma once
// Fills in what a package entry still lacks — size, VersionId, sha2-256-chunked hash — for
// the direct backend. In order of cost:
//   1. known_objects: objects this process uploaded (hash taken while streaming, no read);
//   2. HeadObject (size, VersionId, and a single-part ChecksumSHA256 S3 may already hold);
//   3. hashing GETs of the object, pinned to its version, in 8 MiB ranges fed to
//      chunked_sha256, so memory per object stays one range whatever its size.
// Entries are resolved concurrently by a bounded number of workers on the client's executor.
#include "core/awaitable.hpp"
#include "core/error.hpp"
#include "quilt/known_objects.hpp"
#include "quilt/package_backend.hpp"
#include "s3/client.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace quiltup::quilt {

struct resolve_options {
  std::size_t concurrency = 8;               // objects resolved at once
  std::uint64_t range_size = 8ull << 20;     // bytes per hashing GET
};

struct resolve_stats {
  std::uint64_t from_known = 0;   // hashes reused from this process's uploads
  std::uint64_t from_checksum = 0;  // derived from S3's ChecksumSHA256
  std::uint64_t hashed = 0;       // read back and hashed
  std::uint64_t bytes_hashed = 0;
};

// Every entry comes back with size, hash and (on versioned buckets) a pinned version id, or
// the first failing entry's error, naming its logical key and URI (AccessDenied points to
// `permissions discover`).
awaitable<result<std::vector<entry_source>>> resolve_entries(s3::client& s3, std::vector<entry_source> entries,
                                                             const known_objects* known, resolve_options options = {},
                                                             resolve_stats* stats = nullptr);

}  // namespace quiltup::quilt
