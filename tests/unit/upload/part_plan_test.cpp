#include "upload/part_plan.hpp"

#include <catch2/catch.hpp>

#include <random>

using namespace quiltup::upload;

namespace {

// The invariants every plan must satisfy, whatever the size.
void check_invariants(const part_plan& p, std::uint64_t size) {
  INFO("size " << size << " part " << p.part_size << " count " << p.part_count);
  REQUIRE(p.object_size == size);
  REQUIRE(p.part_count >= 1);
  REQUIRE(p.part_count <= max_parts);
  REQUIRE(p.part_size >= min_part_size);
  REQUIRE(p.part_size <= max_part_size);
  std::uint64_t total = 0;
  for (std::uint32_t n : {1u, p.part_count}) CHECK(p.length(n) <= p.part_size);
  // Every part but the last is full; the last is non-empty unless the object is empty.
  total = (std::uint64_t(p.part_count) - 1) * p.part_size + p.length(p.part_count);
  CHECK(total == size);
  if (size > 0) CHECK(p.length(p.part_count) > 0);
  if (p.part_count > 1) CHECK(p.length(p.part_count - 1) == p.part_size);
  CHECK(p.offset(p.part_count) + p.length(p.part_count) == size);
}

}  // namespace

TEST_CASE("part_plan: small and exact sizes with the 8 MiB default", "[upload][part_plan]") {
  auto p = plan_parts(40 * mib);
  REQUIRE(p.has_value());
  CHECK(p->part_size == 8 * mib);
  CHECK(p->part_count == 5);
  CHECK(p->length(5) == 8 * mib);

  auto q = plan_parts(40 * mib + 1);
  REQUIRE(q.has_value());
  CHECK(q->part_count == 6);
  CHECK(q->length(6) == 1);  // the last part may be tiny
  CHECK(q->length(7) == 0);
  CHECK(q->length(0) == 0);
}

TEST_CASE("part_plan: an empty object is one empty part", "[upload][part_plan]") {
  auto p = plan_parts(0);
  REQUIRE(p.has_value());
  CHECK(p->part_count == 1);
  CHECK(p->length(1) == 0);
}

TEST_CASE("part_plan: the part size grows so no object needs more than 10,000 parts", "[upload][part_plan]") {
  auto p = plan_parts(10'000 * 8 * mib + 1);
  REQUIRE(p.has_value());
  CHECK(p->part_size == 9 * mib);  // ceil(size/10,000) rounded up to a whole MiB
  CHECK(p->part_count <= max_parts);
  check_invariants(*p, 10'000 * 8 * mib + 1);
}

TEST_CASE("part_plan: a 48.8 TiB object fits in 10,000 parts of 5 GiB", "[upload][part_plan]") {
  auto p = plan_parts(max_object_size);
  REQUIRE(p.has_value());
  CHECK(p->part_size == 5 * gib);
  CHECK(p->part_count == 10'000);
  check_invariants(*p, max_object_size);
}

TEST_CASE("part_plan: one byte more than S3's maximum is an error naming size", "[upload][part_plan]") {
  auto p = plan_parts(max_object_size + 1);
  REQUIRE(p.has_error());
  CHECK(p.error().code == "InvalidArgument");
  CHECK(p.error().field == "size");
}

TEST_CASE("part_plan: preferred part sizes outside [5 MiB, 5 GiB] are errors naming part_size", "[upload][part_plan]") {
  for (auto bad : {std::uint64_t(0), 5 * mib - 1, 5 * gib + 1}) {
    auto p = plan_parts(100 * mib, {.part_size = bad});
    REQUIRE(p.has_error());
    CHECK(p.error().field == "part_size");
  }
  CHECK(plan_parts(100 * mib, {.part_size = 5 * mib}).has_value());
  CHECK(plan_parts(100 * mib, {.part_size = 5 * gib}).has_value());
}

TEST_CASE("part_plan: Quilt-aligned parts follow the sha2-256-chunked rule", "[upload][part_plan]") {
  CHECK(quilt_chunk_size_for(0) == 8 * mib);
  CHECK(quilt_chunk_size_for(8 * mib) == 8 * mib);
  CHECK(quilt_chunk_size_for(10'000 * 8 * mib) == 8 * mib);
  CHECK(quilt_chunk_size_for(10'000 * 8 * mib + 1) == 16 * mib);
  // quilt.md: 83,886,080,001 B → 16 MiB chunks, 5,001 parts.
  auto p = plan_parts(83'886'080'001ULL, {.part_size = 64 * mib, .quilt_aligned = true});
  REQUIRE(p.has_value());
  CHECK(p->quilt_aligned);
  CHECK(p->part_size == 16 * mib);
  CHECK(p->part_count == 5'001);
  // 8 MiB + 1 → two chunks.
  auto two = plan_parts(8 * mib + 1, {.quilt_aligned = true});
  REQUIRE(two.has_value());
  CHECK(two->part_count == 2);
}

TEST_CASE("part_plan: beyond 10,000 × 4 GiB Quilt alignment falls back to the normal rule", "[upload][part_plan]") {
  auto size = 10'000ULL * 4 * gib + 1;
  CHECK(quilt_chunk_size_for(size) == 8 * gib);
  auto p = plan_parts(size, {.quilt_aligned = true});
  REQUIRE(p.has_value());
  CHECK_FALSE(p->quilt_aligned);
  check_invariants(*p, size);
}

TEST_CASE("part_plan: property check over random sizes and preferences", "[upload][part_plan]") {
  std::mt19937_64 rng(20240611);
  std::uniform_int_distribution<int> magnitude(0, 46);  // up to ~64 TiB, beyond the maximum
  std::uniform_int_distribution<std::uint64_t> pref(min_part_size, 512 * mib);
  int planned = 0, refused = 0;
  for (int i = 0; i < 20'000; ++i) {
    auto size = rng() % ((std::uint64_t(1) << magnitude(rng)) + 1);
    bool aligned = (i % 3) == 0;
    auto p = plan_parts(size, {.part_size = pref(rng), .quilt_aligned = aligned});
    if (size > max_object_size) {
      REQUIRE(p.has_error());
      ++refused;
      continue;
    }
    REQUIRE(p.has_value());
    check_invariants(*p, size);
    if (aligned && size <= 10'000ULL * 4 * gib) {
      CHECK(p->quilt_aligned);
      CHECK(p->part_size == quilt_chunk_size_for(size));
    }
    ++planned;
  }
  CHECK(planned > 15'000);
  CHECK(refused > 0);
}
