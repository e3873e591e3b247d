#pragma once
// The {action, params} shape of the Quilt action tools (packaging, permissions,
// package_visualization; quilt.md §1): action omitted or null → a discovery answer; an unknown
// action → isError "Unknown <module> action: <x>"; params an object whose unknown keys are
// ignored, read here with the aliases upstream accepts (package_name = name, meta = metadata).
#include "core/error.hpp"
#include "tool_result.hpp"

#include <boost/json/object.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace quiltup::mcp::tools {

struct action_call {
  std::optional<std::string> action;  // nullopt: the caller asked what the tool can do
  boost::json::object params;
};

// Errors name `action` or `params` and what to send.
result<action_call> read_action_call(const boost::json::object& arguments, std::span<const std::string_view> actions);

// {"success": true, "module", "actions", "description"}.
tool_result discovery_result(std::string_view module, std::span<const std::string_view> actions,
                             std::string_view description);
tool_result unknown_action_result(std::string_view module, std::string_view action,
                                  std::span<const std::string_view> actions);

// Readers over `params` (errors name "params.<key>"). With aliases the first present key wins
// and the error names the key the caller spelled.
result<std::optional<std::string>> param_string(const boost::json::object& params,
                                                std::initializer_list<std::string_view> keys);
result<std::string> required_param_string(const boost::json::object& params,
                                          std::initializer_list<std::string_view> keys, std::string_view example);
result<bool> param_bool(const boost::json::object& params, std::string_view key, bool fallback);
result<std::optional<std::int64_t>> param_integer(const boost::json::object& params, std::string_view key,
                                                  std::int64_t min, std::int64_t max);
// A list of strings; a single string counts as a list of one.
result<std::vector<std::string>> param_string_list(const boost::json::object& params, std::string_view key,
                                                   std::string_view example);

// "s3://my-bucket/any/prefix" → "my-bucket"; a bare name stays as it is.
std::string bare_bucket(std::string_view bucket);

// The package a packaging action works on: `name` (alias `package_name`) and the bucket from
// `bucket`, else from an s3:// `registry`. `bucket` is empty when neither gives one; each
// action decides whether that is an error (create can take it from its files).
struct package_target {
  std::string name;
  std::string bucket;
};
result<package_target> read_package_target(const boost::json::object& params);

}  // namespace quiltup::mcp::tools
