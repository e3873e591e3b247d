#pragma once
// notifications/progress for one request (mcp.md §7): bound to the request's progressToken,
// silent without one, strictly increasing, at most one per `min_interval` (10/s by default),
// and closed before the response is written so nothing follows it.
// Touched only from the io executor.
#include <boost/json/value.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace quiltup::mcp {

class progress {
 public:
  using clock = std::chrono::steady_clock;

  progress(std::optional<boost::json::value> token, std::function<void(std::string)> write_line,
           clock::duration min_interval = std::chrono::milliseconds(100));

  bool enabled() const { return token_.has_value() && !closed_; }

  // Returns whether a notification went out. Updates that don't increase `done`, that come
  // too soon after the previous one, or that come after close() are dropped: the final
  // totals are in the result anyway.
  bool report(double done, std::optional<double> total, std::string message);

  void close() { closed_ = true; }

  // Sees every report, token or not, throttled or not: a task keeps its statusMessage current.
  void observe(std::function<void(const std::string& message)> observer) { observer_ = std::move(observer); }

 private:
  std::optional<boost::json::value> token_;
  std::function<void(std::string)> write_line_;
  clock::duration min_interval_;
  std::optional<double> last_done_;
  clock::time_point last_sent_{};
  bool closed_ = false;
  std::function<void(const std::string&)> observer_;
};

}  // namespace quiltup::mcp
