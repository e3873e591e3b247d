#pragma once
// Upload part buffers are megabytes each and a large upload allocates and frees thousands of
// them. With glibc's defaults the freed memory goes back to the kernel (an mmap'd block, or a
// trimmed heap top) and the next buffer faults the same amount in again, zeroed page by page:
// ~10 % of the CPU of a 2 GiB upload on this project's machine (bench/RESULTS.md, "allocator").
// Fixed thresholds keep buffers up to 32 MiB in the heap and up to 64 MiB of freed heap top
// for reuse, which is what a process that uploads all day wants.
//
// Process-wide, so only programs call it, first thing in main(); the engine never does.
namespace quiltup {

// Returns false, changing nothing, where it cannot apply: not glibc, or the user set
// MALLOC_MMAP_THRESHOLD_ / MALLOC_TRIM_THRESHOLD_ (their choice wins).
bool tune_allocator_for_uploads() noexcept;

}  // namespace quiltup
