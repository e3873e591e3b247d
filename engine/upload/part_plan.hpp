#pragma once
// How an object of known size is cut into parts (s3-facts §1). Pure.
//   part = max(preferred, ceil(size / 10,000)) rounded up to 1 MiB, within [5 MiB, 5 GiB];
//   at most 10,000 parts, so objects up to 10,000 × 5 GiB (~48.8 TiB); the last part may be
//   small; anything larger is an error, never a truncation.
// Quilt-aligned mode uses Quilt's sha2-256-chunked rule instead (8 MiB, doubled while more
// than 10,000 chunks) so S3's COMPOSITE SHA-256 is the Quilt hash; above 10,000 × 4 GiB no
// aligned size is a valid part size and the plan falls back to the normal rule.
#include "core/error.hpp"

#include <cstdint>

namespace quiltup::upload {

inline constexpr std::uint64_t mib = 1024 * 1024;
inline constexpr std::uint64_t gib = 1024 * mib;
inline constexpr std::uint64_t min_part_size = 5 * mib;
inline constexpr std::uint64_t max_part_size = 5 * gib;
inline constexpr std::uint32_t max_parts = 10'000;
inline constexpr std::uint64_t max_object_size = max_parts * max_part_size;
inline constexpr std::uint64_t max_single_put_size = 5 * gib;
inline constexpr std::uint64_t quilt_chunk_size = 8 * mib;

struct part_preferences {
  std::uint64_t part_size = 8 * mib;  // the preferred size; grows for big objects
  bool quilt_aligned = false;
};

struct part_plan {
  std::uint64_t object_size = 0;
  std::uint64_t part_size = 0;
  std::uint32_t part_count = 0;  // ≥ 1; an empty object is one empty part
  bool quilt_aligned = false;    // parts follow the sha2-256-chunked chunk boundaries

  // Part numbers count from 1, as in S3.
  std::uint64_t offset(std::uint32_t part_number) const noexcept { return (part_number - 1) * part_size; }
  std::uint64_t length(std::uint32_t part_number) const noexcept;
};

// Errors ("InvalidArgument", field "part_size" or "size"): a preferred part size outside
// [5 MiB, 5 GiB], or an object above max_object_size.
result<part_plan> plan_parts(std::uint64_t object_size, part_preferences prefs = {});

// Quilt's chunk size for an object of `size` bytes (8 MiB × 2^k); may exceed max_part_size.
std::uint64_t quilt_chunk_size_for(std::uint64_t size) noexcept;

}  // namespace quiltup::upload
