#pragma once
// The S3 checksum vocabulary (s3-facts.md §3): which algorithm, its header and S3 name, what
// multipart checksum types it allows, a one-pass accumulator over part bytes, and the
// multipart aggregates (COMPOSITE "base64-N", FULL_OBJECT via CRC combine, the "hex-N" ETag).
#include "core/bytes.hpp"
#include "core/error.hpp"
#include "crypto/md5.hpp"
#include "crypto/sha1.hpp"
#include "crypto/sha256.hpp"

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace quiltup::crypto {

enum class checksum_algorithm { none, crc32, crc32c, crc64nvme, sha1, sha256, md5 };

// x-amz-checksum-type on CreateMultipartUpload / CompleteMultipartUpload.
enum class checksum_type { composite, full_object };

// Case-insensitive: "crc32c", "CRC32C", "Crc64NVME", "none", ... The error names `field`
// and lists the allowed values.
result<checksum_algorithm> parse_checksum_algorithm(std::string_view text,
                                                    std::string_view field = "checksum_algorithm");

// Lower-case name as users write it ("crc32c"); parse_checksum_algorithm accepts it back.
std::string_view to_string(checksum_algorithm algorithm) noexcept;
// S3's ChecksumAlgorithm value ("CRC32C", "SHA256"); "MD5" for md5, "" for none.
std::string_view s3_algorithm_name(checksum_algorithm algorithm) noexcept;
// "x-amz-checksum-crc32c"; md5 travels as "Content-MD5"; none has no header ("").
std::string_view s3_header_name(checksum_algorithm algorithm) noexcept;
// "COMPOSITE" / "FULL_OBJECT".
std::string_view s3_checksum_type_name(checksum_type type) noexcept;

// COMPOSITE: CRC32, CRC32C, SHA1, SHA256. FULL_OBJECT: CRC32, CRC32C, CRC64NVME (only).
bool supports_composite(checksum_algorithm algorithm) noexcept;
bool supports_full_object(checksum_algorithm algorithm) noexcept;
bool is_crc(checksum_algorithm algorithm) noexcept;
// Digest length in bytes: 4, 4, 8, 20, 32, 16; 0 for none.
std::size_t checksum_size(checksum_algorithm algorithm) noexcept;

// A finished checksum: the raw bytes S3 base64-encodes (CRCs big-endian).
struct checksum_value {
  checksum_algorithm algorithm = checksum_algorithm::none;
  std::array<std::uint8_t, 32> bytes{};  // bytes past `size` stay zero, so == compares values
  std::size_t size = 0;

  bytes_view raw() const noexcept { return std::as_bytes(std::span(bytes.data(), size)); }
  std::string base64() const;
  std::string hex() const;
  // The CRC register value of a crc32 / crc32c / crc64nvme checksum (0 for other algorithms).
  std::uint64_t crc() const noexcept;

  static checksum_value from_crc(checksum_algorithm algorithm, std::uint64_t crc) noexcept;
  static checksum_value from_digest(checksum_algorithm algorithm, bytes_view digest) noexcept;

  friend bool operator==(const checksum_value&, const checksum_value&) = default;
};

// Reads a checksum as S3 sends it (x-amz-checksum-* header, <ChecksumCRC32C> element).
// A "-N" suffix (COMPOSITE whole-object value) is not a part checksum and is rejected.
result<checksum_value> checksum_from_base64(checksum_algorithm algorithm, std::string_view text,
                                            std::string_view field = "checksum");

// One pass over the bytes of a part or object. Not thread-safe; one per buffer.
class checksum_accumulator {
 public:
  explicit checksum_accumulator(checksum_algorithm algorithm);

  void update(bytes_view data);
  void update(std::string_view data) { update(as_bytes(data)); }
  // The checksum of everything since construction or reset(); call reset() before reuse.
  checksum_value finish();
  void reset();

  checksum_algorithm algorithm() const noexcept { return algorithm_; }
  std::uint64_t bytes_seen() const noexcept { return bytes_seen_; }

 private:
  checksum_algorithm algorithm_;
  std::uint64_t bytes_seen_ = 0;
  std::uint64_t crc_ = 0;
  std::variant<std::monostate, sha1, sha256, md5> hash_;
};

// COMPOSITE checksum of a multipart object: base64(H(part1 || part2 || ...)) + "-N", where
// the parts are the raw checksums in part-number order and H is the same algorithm.
result<std::string> composite_checksum(std::span<const checksum_value> parts,
                                       checksum_algorithm algorithm);

struct part_crc {
  checksum_value checksum;  // the part's CRC, as sent with UploadPart
  std::uint64_t length = 0;  // the part's size in bytes
};
// FULL_OBJECT checksum of a multipart object from its part CRCs (part-number order), by CRC
// combine: no second pass over the data. crc32, crc32c or crc64nvme only.
result<checksum_value> full_object_crc(std::span<const part_crc> parts, checksum_algorithm algorithm);

// Multipart ETag without the quotes: hex(md5(md5_1 || ... || md5_N)) + "-N".
result<std::string> multipart_etag(std::span<const md5_digest> part_md5s);

}  // namespace quiltup::crypto
