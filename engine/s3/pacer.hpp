#pragma once
// A throttle shared by every request to one endpoint, like rclone's lib/pacer: the sleep before
// each request doubles on SlowDown/503 and decays by a quarter on success, so a fleet of parts
// backs off together instead of each hammering a throttled prefix with its own jitter.
// Pure state; the client does the waiting. Used from the client's executor only.
#include <chrono>

namespace quiltup::s3 {

struct pacer_options {
  std::chrono::milliseconds min_sleep{0};  // 0: no delay at all while nothing throttles
  std::chrono::milliseconds first_throttle_sleep{10};
  std::chrono::milliseconds max_sleep{2'000};
  int decay_numerator = 3;  // success: sleep = sleep * 3 / 4
  int decay_denominator = 4;
};

class pacer {
 public:
  explicit pacer(pacer_options options = {});

  std::chrono::milliseconds current_sleep() const noexcept { return sleep_; }
  void on_throttle() noexcept;
  void on_success() noexcept;
  int consecutive_throttles() const noexcept { return throttles_; }

 private:
  pacer_options options_;
  std::chrono::milliseconds sleep_;
  int throttles_ = 0;
};

}  // namespace quiltup::s3
