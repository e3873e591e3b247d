#pragma once
#include "http/headers.hpp"

#include <chrono>
#include <string>

namespace quiltup::http {

struct response {
  int status = 0;
  http::headers headers;
  std::string body;
  // Transfer timings from curl, for the per-request record.
  std::chrono::microseconds total_time{0};
  std::chrono::microseconds connect_time{0};
  bool reused_connection = false;
};

}  // namespace quiltup::http
