#include "core/allocator_tuning.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <cstring>
#include <malloc.h>

TEST_CASE("allocator tuning: part-sized blocks come from the heap and stay there when freed", "[core][allocator]") {
  REQUIRE(quiltup::tune_allocator_for_uploads());

  const auto before = mallinfo2();
  constexpr std::size_t part = 8 * 1024 * 1024;
  void* a = std::malloc(part);
  REQUIRE(a != nullptr);
  std::memset(a, 1, part);
  // Not an mmap'd block: glibc's default (128 KiB, adaptive) would have mapped it.
  CHECK(mallinfo2().hblks == before.hblks);
  std::free(a);
  // Freed but kept: at least the part's bytes are free inside the heap, not handed back.
  CHECK(mallinfo2().fordblks >= part);
  CHECK(mallinfo2().arena >= part);
}

TEST_CASE("allocator tuning: the user's MALLOC_* environment wins", "[core][allocator]") {
  REQUIRE(setenv("MALLOC_TRIM_THRESHOLD_", "131072", 1) == 0);
  CHECK_FALSE(quiltup::tune_allocator_for_uploads());
  REQUIRE(unsetenv("MALLOC_TRIM_THRESHOLD_") == 0);
  CHECK(quiltup::tune_allocator_for_uploads());
}
