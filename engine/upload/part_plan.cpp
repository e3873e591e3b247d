#include "upload/part_plan.hpp"

#include <string>

namespace quiltup::upload {

namespace {

std::uint64_t ceil_div(std::uint64_t a, std::uint64_t b) noexcept { return a / b + (a % b != 0); }

std::uint32_t count_parts(std::uint64_t size, std::uint64_t part) noexcept {
  return size == 0 ? 1 : static_cast<std::uint32_t>(ceil_div(size, part));
}

}  // namespace

std::uint64_t part_plan::length(std::uint32_t part_number) const noexcept {
  if (part_number == 0 || part_number > part_count) return 0;
  if (part_number < part_count) return part_size;
  return object_size - offset(part_number);
}

std::uint64_t quilt_chunk_size_for(std::uint64_t size) noexcept {
  std::uint64_t chunk = quilt_chunk_size;
  while (ceil_div(size, chunk) > max_parts) chunk *= 2;
  return chunk;
}

result<part_plan> plan_parts(std::uint64_t object_size, part_preferences prefs) {
  if (object_size > max_object_size)
    return make_error("InvalidArgument",
                      "object of " + std::to_string(object_size) + " bytes exceeds S3's maximum of " +
                          std::to_string(max_object_size) + " bytes (10,000 parts of 5 GiB)",
                      "size", "split the data into several objects");
  if (prefs.quilt_aligned) {
    auto chunk = quilt_chunk_size_for(object_size);
    if (chunk <= max_part_size)
      return part_plan{object_size, chunk, count_parts(object_size, chunk), true};
    // Above 10,000 × 4 GiB: the registry hashes it itself; plan normally.
  }
  if (prefs.part_size < min_part_size || prefs.part_size > max_part_size)
    return make_error("InvalidArgument",
                      "part size " + std::to_string(prefs.part_size) + " is outside S3's range of " +
                          std::to_string(min_part_size) + " to " + std::to_string(max_part_size) + " bytes",
                      "part_size", "choose a part size between 5 MiB and 5 GiB");
  auto part = std::max(prefs.part_size, ceil_div(object_size, max_parts));
  part = ceil_div(part, mib) * mib;  // whole MiB: friendlier buffers and readable part sizes
  if (part > max_part_size) part = max_part_size;
  return part_plan{object_size, part, count_parts(object_size, part), false};
}

}  // namespace quiltup::upload
