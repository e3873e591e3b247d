#include "s3/pacer.hpp"

#include <algorithm>

namespace quiltup::s3 {

pacer::pacer(pacer_options options) : options_(options), sleep_(options.min_sleep) {}

void pacer::on_throttle() noexcept {
  ++throttles_;
  sleep_ = std::clamp(std::max(sleep_ * 2, options_.first_throttle_sleep), options_.min_sleep, options_.max_sleep);
}

void pacer::on_success() noexcept {
  throttles_ = 0;
  if (sleep_ <= options_.min_sleep) return;
  auto next = sleep_ * options_.decay_numerator / options_.decay_denominator;
  // Below the first throttle step the sleep is noise: drop straight to the floor.
  sleep_ = next < options_.first_throttle_sleep ? options_.min_sleep : next;
}

}  // namespace quiltup::s3
