#pragma once
// The hashes one request body needs, computed in a single pass while the bytes are hot in
// cache: the S3 checksum, the MD5 (Content-MD5, ETag checks) and the SHA-256 a signed payload
// needs. When the checksum is SHA-256 the payload hash reuses it instead of hashing twice.
#include "core/bytes.hpp"
#include "core/error.hpp"
#include "crypto/checksum.hpp"
#include "crypto/md5.hpp"
#include "upload/file_source.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace quiltup::upload {

struct digest_request {
  crypto::checksum_algorithm checksum = crypto::checksum_algorithm::none;
  bool md5 = false;
  bool sha256_hex = false;  // for x-amz-content-sha256
};

struct part_digest {
  std::optional<crypto::checksum_value> checksum;
  std::optional<crypto::md5_digest> md5;
  std::string sha256_hex;
};

part_digest digest_of(bytes_view data, const digest_request& what);

// Reads [offset, offset + dst.size()) of `file` into `dst` in 1 MiB blocks, hashing each block
// right after it is read. Blocking: run it on the cpu_pool.
result<part_digest> read_and_digest(const file_source& file, std::uint64_t offset, std::span<std::byte> dst,
                                    const digest_request& what);

}  // namespace quiltup::upload
