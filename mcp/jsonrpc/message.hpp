#pragma once
// JSON-RPC 2.0 messages as quiltup-mcp sees them: one line in, one of four outcomes out.
// Lines are parsed with simdjson (it validates UTF-8 and is fast on the 10 MiB worst case);
// answers are built with Boost.JSON. Ids keep their JSON type: 5 and "5" are two requests.
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <string_view>
#include <variant>

namespace quiltup::mcp::jsonrpc {

namespace json = boost::json;

// JSON-RPC and MCP error codes (mcp.md §11).
namespace code {
inline constexpr int parse_error = -32700;
inline constexpr int invalid_request = -32600;
inline constexpr int method_not_found = -32601;
inline constexpr int invalid_params = -32602;
inline constexpr int internal_error = -32603;
inline constexpr int header_mismatch = -32020;
inline constexpr int missing_required_client_capability = -32021;
inline constexpr int unsupported_protocol_version = -32022;
}  // namespace code

// A string or an integer, echoed exactly as received; null only in answers to lines whose id
// could not be read.
using request_id = json::value;

// Map key that keeps the id's type: "n:5" for 5, "s:5" for "5".
std::string id_key(const request_id& id);

struct request {
  request_id id;
  std::string method;
  json::object params;  // {} when the client sent none
};

struct notification {
  std::string method;
  json::object params;
};

// A line that must be answered with an error at once (unparsable, batch, bad envelope).
struct rejection {
  request_id id;  // null when the line's id is unknown
  int code;
  std::string message;
};

// A response to a request we never sent, or a message without an id that is not a
// notification: dropped without an answer.
struct ignored {};

using message = std::variant<request, notification, rejection, ignored>;

message parse_message(std::string_view line);

// Compact one-line serializations, without the trailing newline.
std::string result_line(const request_id& id, json::value result);
std::string error_line(const request_id& id, int code, std::string_view message,
                       const json::value* data = nullptr);
std::string notification_line(std::string_view method, json::object params);

}  // namespace quiltup::mcp::jsonrpc
