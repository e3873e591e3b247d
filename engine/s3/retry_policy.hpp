#pragma once
// How many times and how long to wait: 5 attempts, full jitter rand(0, min(cap, base·2^n))
// (aws-c-io's exponential backoff, s3-facts §6). Pure: the random source is a parameter.
#include "core/error.hpp"

#include <chrono>
#include <cstdint>
#include <functional>

namespace quiltup::s3 {

struct retry_policy {
  int max_attempts = 5;
  std::chrono::milliseconds base{500};
  std::chrono::milliseconds cap{20'000};

  // `attempt` counts from 1: the attempt that just failed with `e`.
  bool should_retry(const error& e, int attempt) const noexcept;
  // Delay before attempt `attempt + 1`; `unit_random` returns a value in [0, 1).
  std::chrono::milliseconds backoff(int attempt, const std::function<double()>& unit_random) const;
  // The ceiling backoff() draws under: min(cap, base·2^(attempt-1)).
  std::chrono::milliseconds backoff_ceiling(int attempt) const noexcept;
};

}  // namespace quiltup::s3
