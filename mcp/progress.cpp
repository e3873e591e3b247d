#include "progress.hpp"

#include "jsonrpc/message.hpp"

#include <cmath>

namespace quiltup::mcp {

namespace {

// Whole counts go out as integers ("progress":3, not 3E0).
boost::json::value number(double d) {
  if (std::floor(d) == d && std::fabs(d) < 9007199254740992.0) return std::int64_t(d);
  return d;
}

}  // namespace

progress::progress(std::optional<boost::json::value> token, std::function<void(std::string)> write_line,
                   clock::duration min_interval)
    : token_(std::move(token)), write_line_(std::move(write_line)), min_interval_(min_interval) {}

bool progress::report(double done, std::optional<double> total, std::string message) {
  if (observer_ && !closed_) observer_(message);
  if (!enabled()) return false;
  if (last_done_ && done <= *last_done_) return false;
  auto now = clock::now();
  if (last_done_ && now - last_sent_ < min_interval_) return false;

  boost::json::object params{{"progressToken", *token_}, {"progress", number(done)}};
  if (total) params["total"] = number(*total);
  if (!message.empty()) params["message"] = std::move(message);
  write_line_(jsonrpc::notification_line("notifications/progress", std::move(params)));
  last_done_ = done;
  last_sent_ = now;
  return true;
}

}  // namespace quiltup::mcp
