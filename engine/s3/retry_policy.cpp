#include "s3/retry_policy.hpp"

#include "s3/error.hpp"

#include <algorithm>

namespace quiltup::s3 {

bool retry_policy::should_retry(const error& e, int attempt) const noexcept {
  if (attempt >= max_attempts) return false;
  auto c = classify(e.code, e.http_status);
  // Transport failures the table does not name keep the transport's own verdict.
  bool retryable = c.retryable || (e.http_status == 0 && c.kind == failure_kind::fatal && e.retryable);
  if (!retryable) return false;
  return c.max_retries < 0 || attempt <= c.max_retries;
}

std::chrono::milliseconds retry_policy::backoff_ceiling(int attempt) const noexcept {
  // base·2^(attempt-1), saturating at the cap without overflowing.
  auto ceiling = base;
  for (int i = 1; i < attempt && ceiling < cap; ++i) ceiling *= 2;
  return std::min(ceiling, cap);
}

std::chrono::milliseconds retry_policy::backoff(int attempt, const std::function<double()>& unit_random) const {
  auto ceiling = backoff_ceiling(attempt);
  double r = std::clamp(unit_random(), 0.0, 1.0);
  return std::chrono::milliseconds(static_cast<std::int64_t>(r * static_cast<double>(ceiling.count())));
}

}  // namespace quiltup::s3
