#pragma once
// Which checksum headers an upload sends and how S3's echo is judged (s3-facts §3):
//   crc32/crc32c: COMPOSITE for multipart, FULL_OBJECT on request; crc64nvme: FULL_OBJECT only;
//   sha1/sha256: COMPOSITE only; md5: Content-MD5 per request, no x-amz-checksum-*; none.
// An echoed value that differs from ours fails the object; a missing echo (RGW ignores
// checksums) leaves ours in the result, unconfirmed.
#include "core/error.hpp"
#include "crypto/checksum.hpp"
#include "s3/checksum.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace quiltup::upload {

// The x-amz-checksum-* algorithm for a mode; none for md5 (sent as Content-MD5) and none.
s3::checksum_algorithm s3_algorithm(crypto::checksum_algorithm a) noexcept;

// The multipart checksum type for a mode; unspecified for md5 and none.
s3::checksum_type multipart_checksum_type(crypto::checksum_algorithm a, bool full_object_requested) noexcept;

// An x-amz-checksum-* value for a request, or an empty checksum for md5/none.
s3::checksum request_checksum(const crypto::checksum_value& value);

// nullopt when S3 echoed nothing for `a` or echoed `ours`; otherwise a "ChecksumMismatch"
// error naming the step and both values (not retryable: the bytes S3 stored are not ours).
std::optional<error> check_echo(crypto::checksum_algorithm a, std::string_view ours, const s3::echoed_checksums& echoed,
                                std::string_view step);

// True when S3 echoed a value for `a` (and it matched, if check_echo was called first).
bool echoed(crypto::checksum_algorithm a, const s3::echoed_checksums& echoed);

}  // namespace quiltup::upload
