#pragma once
#include "http/body.hpp"
#include "http/headers.hpp"

#include <chrono>
#include <string>

namespace quiltup::http {

struct request {
  std::string method = "GET";           // GET PUT POST DELETE HEAD
  std::string url;                      // absolute, already percent-encoded as sent
  http::headers headers;
  http::body body;
  std::chrono::milliseconds connect_timeout{10'000};
  // Abort when fewer than low_speed_bytes/s flow for low_speed_time (a stalled peer), rather
  // than a total timeout that a multi-GiB part would trip.
  std::chrono::seconds low_speed_time{30};
  long low_speed_bytes = 1;
  std::chrono::milliseconds total_timeout{0};  // 0 = none
};

}  // namespace quiltup::http
