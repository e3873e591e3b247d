#pragma once
// Raw-register CRC64NVME kernels (no inversion on entry or exit), shared by the dispatcher
// and by the PCLMUL kernel, which hands its last bytes to the table. Internal to crypto/.
#include <cstddef>
#include <cstdint>

namespace quiltup::crypto::detail {

std::uint64_t crc64nvme_table_update(std::uint64_t reg, const unsigned char* p, std::size_t n) noexcept;

#if defined(__x86_64__)
// PCLMULQDQ and AVX: the kernel is VEX-encoded (see crc64nvme_pclmul.cpp).
bool cpu_has_pclmul() noexcept;
std::uint64_t crc64nvme_pclmul_update(std::uint64_t reg, const unsigned char* p, std::size_t n) noexcept;
#endif

}  // namespace quiltup::crypto::detail
