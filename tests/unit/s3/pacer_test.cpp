#include "s3/pacer.hpp"

#include <catch2/catch.hpp>

using namespace quiltup;
using namespace std::chrono_literals;

TEST_CASE("pacer: no delay until something throttles", "[s3][pacer]") {
  s3::pacer p;
  CHECK(p.current_sleep() == 0ms);
  p.on_success();
  CHECK(p.current_sleep() == 0ms);
}

TEST_CASE("pacer: throttling doubles the sleep up to the cap", "[s3][pacer]") {
  s3::pacer p;
  p.on_throttle();
  CHECK(p.current_sleep() == 10ms);
  p.on_throttle();
  CHECK(p.current_sleep() == 20ms);
  p.on_throttle();
  CHECK(p.current_sleep() == 40ms);
  CHECK(p.consecutive_throttles() == 3);
  for (int i = 0; i < 20; ++i) p.on_throttle();
  CHECK(p.current_sleep() == 2000ms);
}

TEST_CASE("pacer: success decays by a quarter, then drops to zero", "[s3][pacer]") {
  s3::pacer p;
  for (int i = 0; i < 4; ++i) p.on_throttle();  // 80 ms
  REQUIRE(p.current_sleep() == 80ms);
  p.on_success();
  CHECK(p.current_sleep() == 60ms);
  CHECK(p.consecutive_throttles() == 0);
  p.on_success();
  CHECK(p.current_sleep() == 45ms);
  for (int i = 0; i < 10; ++i) p.on_success();
  CHECK(p.current_sleep() == 0ms);
}
