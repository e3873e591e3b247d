#pragma once
// CRC-32C (Castagnoli, reflected 0x82F63B78), the S3 CRC32C checksum. ISA-L folding kernel.
//
// Incremental in the zlib style: crc32c(0, a) is the CRC of a, and
// crc32c(crc32c(0, a), b) == crc32c(0, a || b).
#include "core/bytes.hpp"

#include <cstdint>
#include <string_view>

namespace quiltup::crypto {

std::uint32_t crc32c(std::uint32_t prev, bytes_view data);
inline std::uint32_t crc32c(std::uint32_t prev, std::string_view data) { return crc32c(prev, as_bytes(data)); }

// crc32c(a || b) from crc32c(a), crc32c(b) and the length of b: lets a multipart upload
// report a FULL_OBJECT checksum from its part CRCs without reading the data twice.
std::uint32_t crc32c_combine(std::uint32_t crc_a, std::uint32_t crc_b, std::uint64_t len_b);

}  // namespace quiltup::crypto
