#pragma once
// CRC-32 (gzip/IEEE, reflected 0xEDB88320), the S3 CRC32 checksum. ISA-L folding kernel.
//
// Incremental in the zlib style: crc32(0, a) is the CRC of a, and
// crc32(crc32(0, a), b) == crc32(0, a || b).
#include "core/bytes.hpp"

#include <cstdint>
#include <string_view>

namespace quiltup::crypto {

std::uint32_t crc32(std::uint32_t prev, bytes_view data);
inline std::uint32_t crc32(std::uint32_t prev, std::string_view data) { return crc32(prev, as_bytes(data)); }

// crc32(a || b) from crc32(a), crc32(b) and the length of b: lets a multipart upload
// report a FULL_OBJECT checksum from its part CRCs without reading the data twice.
std::uint32_t crc32_combine(std::uint32_t crc_a, std::uint32_t crc_b, std::uint64_t len_b);

}  // namespace quiltup::crypto
