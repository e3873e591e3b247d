#pragma once
// The engine's package structs as the JSON the Quilt action tools answer with, and the one
// failure shape they share: {"success": false, "error": "<message>", "error_code", "field"?,
// "possible_fixes": [...]} sent both as structuredContent and as its text, with isError
// (nothing was done).
#include "core/error.hpp"
#include "credentials/credential_report.hpp"
#include "quilt/json_value.hpp"
#include "quilt/package_backend.hpp"
#include "tool_result.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <vector>

namespace quiltup::mcp::tools {

// Numbers keep their value (a 20-digit int becomes a double: display only).
boost::json::value to_json(const quilt::json_value& v);
// Via text, so number spelling survives into the manifest (1.0 stays a float).
result<quilt::json_value> to_quilt_json(const boost::json::value& v);

boost::json::object entry_json(const quilt::entry_info& e);
// At most `limit` rows; the caller reports how many were left out.
boost::json::array entries_json(const std::vector<quilt::entry_info>& entries, std::size_t limit);
boost::json::object revision_json(const quilt::revision_info& r);

// The shared failure answer; `base` carries the action's own fields (action, bucket, ...).
boost::json::object failure_json(const quiltup::error& e, boost::json::object base = {});
tool_result failure_result(const quiltup::error& e, boost::json::object base = {});
// Same, for the session failing to open: adds the credential report.
tool_result session_failure_result(const quiltup::error& e, const credentials::credential_report& report,
                                   boost::json::object base = {});

// Success: structuredContent and the same JSON as text.
tool_result answer(boost::json::object structured);

}  // namespace quiltup::mcp::tools
