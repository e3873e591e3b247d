#pragma once
// CRC-64/NVME (reflected 0x9A6C9329AC4BC9B5, init = xorout = all-ones), the S3 CRC64NVME
// checksum. ISA-L 2.30 has no kernel for it, so it is ours: PCLMULQDQ folding where the CPU
// has it, a slice-by-8 table otherwise.
//
// Incremental in the zlib style: crc64nvme(0, a) is the CRC of a, and
// crc64nvme(crc64nvme(0, a), b) == crc64nvme(0, a || b).
#include "core/bytes.hpp"

#include <cstdint>
#include <string_view>

namespace quiltup::crypto {

// Picks the fastest kernel this CPU supports (decided once per process).
std::uint64_t crc64nvme(std::uint64_t prev, bytes_view data);
inline std::uint64_t crc64nvme(std::uint64_t prev, std::string_view data) {
  return crc64nvme(prev, as_bytes(data));
}

// crc64nvme(a || b) from crc64nvme(a), crc64nvme(b) and the length of b (FULL_OBJECT
// checksums of multipart uploads without a second pass over the data).
std::uint64_t crc64nvme_combine(std::uint64_t crc_a, std::uint64_t crc_b, std::uint64_t len_b);

// The individual kernels, so tests can check they agree and benchmarks can compare them.
std::uint64_t crc64nvme_table(std::uint64_t prev, bytes_view data);
// Only call when crc64nvme_pclmul_supported() (PCLMULQDQ + AVX); throws std::logic_error otherwise.
std::uint64_t crc64nvme_pclmul(std::uint64_t prev, bytes_view data);
bool crc64nvme_pclmul_supported() noexcept;

}  // namespace quiltup::crypto
