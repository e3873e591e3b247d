#pragma once
// Reading tool arguments with errors a model can act on. Every failure is a quiltup::error
// with code "InvalidArgument", `field` set to the JSON path ("items[3].data") and `hint`
// saying what to send instead; argument_error_text() renders it for an isError result.
#include "core/error.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace quiltup::mcp {

// "items" + 3 → "items[3]"; "items[3]" + "key" → "items[3].key"; "" + "bucket" → "bucket".
std::string field_path(std::string_view parent, std::string_view key);
std::string index_path(std::string_view parent, std::size_t index);

// "string", "integer", "number", "boolean", "object", "array", "null".
std::string_view json_type_name(const boost::json::value& v);

error invalid_argument(std::string field, std::string problem, std::string fix);
// "items[3].data: invalid base64 at offset 4; send base64 or use text"
std::string argument_error_text(const error& e);

// `key` read from `object`, whose own path is `parent`. Absent and null count as missing.
result<std::string_view> required_string(const boost::json::object& object, std::string_view parent,
                                         std::string_view key);
result<std::optional<std::string_view>> optional_string(const boost::json::object& object, std::string_view parent,
                                                        std::string_view key);
result<std::optional<std::int64_t>> optional_integer(const boost::json::object& object, std::string_view parent,
                                                     std::string_view key, std::int64_t min, std::int64_t max);
result<std::optional<bool>> optional_bool(const boost::json::object& object, std::string_view parent,
                                          std::string_view key);
result<const boost::json::object*> optional_object(const boost::json::object& object, std::string_view parent,
                                                   std::string_view key);
result<const boost::json::array*> required_array(const boost::json::object& object, std::string_view parent,
                                                 std::string_view key);

// The first of several accepted spellings that is present (e.g. "content_type", "ContentType").
const boost::json::value* find_alias(const boost::json::object& object, std::initializer_list<std::string_view> keys,
                                     std::string_view* found_key = nullptr);

}  // namespace quiltup::mcp
