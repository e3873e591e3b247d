#pragma once
// Everything a tool handler may know about the request it serves: who asked, in which era,
// whether progress was requested, how much logging the client wants, and whether the client
// has cancelled. Shared between the dispatcher and the handler; touched only from the io
// executor. Cancellation itself reaches the handler through its coroutine's cancellation
// state (an awaited operation completes with operation_aborted).
#include "jsonrpc/message.hpp"
#include "progress.hpp"
#include "protocol/log_level.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace quiltup::mcp {

enum class era { legacy, modern };

struct request_context {
  request_context(jsonrpc::request_id id_, mcp::era era_, std::string protocol_version_,
                  std::optional<boost::json::value> progress_token, std::function<void(std::string)> write_line_)
      : id(std::move(id_)),
        era(era_),
        protocol_version(std::move(protocol_version_)),
        progress(std::move(progress_token), write_line_),
        write_line(std::move(write_line_)) {}

  jsonrpc::request_id id;
  mcp::era era;
  std::string protocol_version;
  boost::json::object client_capabilities;
  std::optional<protocol::log_level> log_threshold;  // none: the client asked for no log messages
  mcp::progress progress;
  bool cancelled = false;  // notifications/cancelled arrived: never answer this request
  bool answered = false;   // the response is out: no more progress or log messages
  std::function<void(std::string)> write_line;

  // notifications/message, only at or above the client's level and before the response.
  void log(protocol::log_level level, std::string_view logger, boost::json::value data) const {
    if (answered || cancelled || !log_threshold || level < *log_threshold) return;
    write_line(jsonrpc::notification_line(
        "notifications/message",
        {{"level", protocol::to_string(level)}, {"logger", logger}, {"data", std::move(data)}}));
  }
};

}  // namespace quiltup::mcp
