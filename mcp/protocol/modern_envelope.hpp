#pragma once
// The stateless 2026-07-28 side: every request names its protocol version and the client's
// capabilities in `params._meta`, and every result says what kind of result it is.
#include "protocol/log_level.hpp"
#include "protocol/server_identity.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace quiltup::mcp::protocol {

inline constexpr std::string_view meta_protocol_version = "io.modelcontextprotocol/protocolVersion";
inline constexpr std::string_view meta_client_capabilities = "io.modelcontextprotocol/clientCapabilities";
inline constexpr std::string_view meta_client_info = "io.modelcontextprotocol/clientInfo";
inline constexpr std::string_view meta_log_level = "io.modelcontextprotocol/logLevel";
inline constexpr std::string_view meta_server_info = "io.modelcontextprotocol/serverInfo";
inline constexpr std::string_view tasks_extension = "io.modelcontextprotocol/tasks";

// Did this request's clientCapabilities declare the tasks extension?
bool declares_tasks_extension(const boost::json::object& client_capabilities);

// What a valid modern request told us about itself.
struct modern_meta {
  std::string protocol_version;
  boost::json::object client_capabilities;
  std::optional<protocol::log_level> log_level;  // notifications/message only when the request asks
};

// The JSON-RPC error to send instead of serving the request.
struct envelope_error {
  int code;
  std::string message;
  std::optional<boost::json::value> data;
};

// A request belongs to the modern era when its _meta names a protocol version, or when it is
// server/discover (which only modern clients send).
bool is_modern_request(std::string_view method, const boost::json::object& params);

std::variant<modern_meta, envelope_error> read_envelope(const boost::json::object& params);

// Adds resultType (unless the result already chose one, e.g. "task") and serverInfo.
void seal_result(boost::json::object& result, const server_identity& identity);

// server/discover: a CacheableResult, so ttlMs and cacheScope are required.
boost::json::object discover_result(const server_identity& identity);

// ttlMs/cacheScope for list results. The tool list is static and holds nothing per user.
void mark_cacheable(boost::json::object& result);

}  // namespace quiltup::mcp::protocol
