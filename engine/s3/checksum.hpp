#pragma once
// The x-amz-checksum-* family: which algorithm, its wire spellings, and a value the caller
// already computed (base64 of the big-endian digest, s3-facts §3.1).
#include "http/headers.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace quiltup::s3 {

enum class checksum_algorithm { none, crc32, crc32c, crc64nvme, sha1, sha256 };

// "CRC32C" as in x-amz-checksum-algorithm / x-amz-sdk-checksum-algorithm; "" for none.
std::string_view wire_name(checksum_algorithm a) noexcept;
// "x-amz-checksum-crc32c"; "" for none.
std::string_view header_name(checksum_algorithm a) noexcept;
// Accepts "CRC32C" or "crc32c"; nullopt for anything else.
std::optional<checksum_algorithm> parse_checksum_algorithm(std::string_view name) noexcept;

struct checksum {
  checksum_algorithm algorithm = checksum_algorithm::none;
  std::string value;  // base64, precomputed by the caller; COMPOSITE values end in "-N"

  bool empty() const noexcept { return algorithm == checksum_algorithm::none; }
};

enum class checksum_type { unspecified, composite, full_object };
std::string_view wire_name(checksum_type t) noexcept;  // "COMPOSITE" / "FULL_OBJECT" / ""

// What a response echoed back: every x-amz-checksum-<alg> header it carried.
struct echoed_checksums {
  std::vector<checksum> values;
  std::string type;  // x-amz-checksum-type when present ("COMPOSITE", "FULL_OBJECT")

  std::optional<std::string> find(checksum_algorithm a) const;
  bool empty() const noexcept { return values.empty(); }
};

echoed_checksums read_checksums(const http::headers& h);

}  // namespace quiltup::s3
