#include "crypto/crc64nvme.hpp"

#include "crypto/crc64nvme_kernels.hpp"
#include "crypto/crc_polynomial.hpp"

#include <stdexcept>

namespace quiltup::crypto {

namespace {

const unsigned char* bytes_of(bytes_view data) {
  return reinterpret_cast<const unsigned char*>(data.data());
}

}  // namespace

bool crc64nvme_pclmul_supported() noexcept {
#if defined(__x86_64__)
  static const bool supported = detail::cpu_has_pclmul();
  return supported;
#else
  return false;
#endif
}

std::uint64_t crc64nvme_table(std::uint64_t prev, bytes_view data) {
  return ~detail::crc64nvme_table_update(~prev, bytes_of(data), data.size());
}

std::uint64_t crc64nvme_pclmul(std::uint64_t prev, bytes_view data) {
#if defined(__x86_64__)
  if (crc64nvme_pclmul_supported())
    return ~detail::crc64nvme_pclmul_update(~prev, bytes_of(data), data.size());
#endif
  throw std::logic_error("crc64nvme_pclmul called on a CPU without PCLMULQDQ; use crc64nvme()");
}

std::uint64_t crc64nvme(std::uint64_t prev, bytes_view data) {
#if defined(__x86_64__)
  if (crc64nvme_pclmul_supported())
    return ~detail::crc64nvme_pclmul_update(~prev, bytes_of(data), data.size());
#endif
  return crc64nvme_table(prev, data);
}

std::uint64_t crc64nvme_combine(std::uint64_t crc_a, std::uint64_t crc_b, std::uint64_t len_b) {
  return crc64nvme_polynomial::combine(crc_a, crc_b, len_b);
}

}  // namespace quiltup::crypto
