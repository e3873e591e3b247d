#include "core/allocator_tuning.hpp"

#include <cstdlib>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace quiltup {

bool tune_allocator_for_uploads() noexcept {
#if defined(__GLIBC__)
  if (std::getenv("MALLOC_MMAP_THRESHOLD_") || std::getenv("MALLOC_TRIM_THRESHOLD_")) return false;
  constexpr int mmap_threshold = 32 * 1024 * 1024;  // glibc's ceiling for this setting on 64-bit
  constexpr int trim_threshold = 64 * 1024 * 1024;
  // Setting either also turns off glibc's adaptive thresholds, which would move them again.
  return mallopt(M_MMAP_THRESHOLD, mmap_threshold) == 1 && mallopt(M_TRIM_THRESHOLD, trim_threshold) == 1;
#else
  return false;
#endif
}

}  // namespace quiltup
