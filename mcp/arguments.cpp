#include "arguments.hpp"

namespace quiltup::mcp {

namespace json = boost::json;

std::string field_path(std::string_view parent, std::string_view key) {
  if (parent.empty()) return std::string(key);
  std::string out(parent);
  out.append(".").append(key);
  return out;
}

std::string index_path(std::string_view parent, std::size_t index) {
  return std::string(parent) + "[" + std::to_string(index) + "]";
}

std::string_view json_type_name(const json::value& v) {
  switch (v.kind()) {
    case json::kind::string: return "string";
    case json::kind::int64:
    case json::kind::uint64: return "integer";
    case json::kind::double_: return "number";
    case json::kind::bool_: return "boolean";
    case json::kind::object: return "object";
    case json::kind::array: return "array";
    case json::kind::null: return "null";
  }
  return "unknown";
}

error invalid_argument(std::string field, std::string problem, std::string fix) {
  return make_error("InvalidArgument", std::move(problem), std::move(field), std::move(fix));
}

std::string argument_error_text(const error& e) {
  std::string out = e.field.empty() ? std::string("arguments") : e.field;
  out.append(": ").append(e.message);
  if (!e.hint.empty()) out.append("; ").append(e.hint);
  return out;
}

namespace {

const json::value* present(const json::object& object, std::string_view key) {
  auto* v = object.if_contains(key);
  return v && !v->is_null() ? v : nullptr;
}

error wrong_type(std::string_view parent, std::string_view key, const json::value& v, std::string_view expected,
                 std::string fix) {
  return invalid_argument(field_path(parent, key),
                          "expected " + std::string(expected) + ", got " + std::string(json_type_name(v)),
                          std::move(fix));
}

}  // namespace

result<std::string_view> required_string(const json::object& object, std::string_view parent, std::string_view key) {
  auto* v = present(object, key);
  if (!v)
    return invalid_argument(field_path(parent, key), "is required",
                            "add \"" + std::string(key) + "\" as a string");
  if (!v->is_string()) return wrong_type(parent, key, *v, "a string", "send it as a JSON string");
  return std::string_view(v->get_string());
}

result<std::optional<std::string_view>> optional_string(const json::object& object, std::string_view parent,
                                                        std::string_view key) {
  auto* v = present(object, key);
  if (!v) return std::optional<std::string_view>();
  if (!v->is_string()) return wrong_type(parent, key, *v, "a string", "send it as a JSON string or leave it out");
  return std::optional<std::string_view>(v->get_string());
}

result<std::optional<std::int64_t>> optional_integer(const json::object& object, std::string_view parent,
                                                     std::string_view key, std::int64_t min, std::int64_t max) {
  auto* v = present(object, key);
  if (!v) return std::optional<std::int64_t>();
  std::optional<std::int64_t> n;
  if (v->is_int64()) n = v->get_int64();
  else if (v->is_uint64() && v->get_uint64() <= std::uint64_t(INT64_MAX)) n = std::int64_t(v->get_uint64());
  else if (v->is_double() && v->get_double() == double(std::int64_t(v->get_double()))) n = std::int64_t(v->get_double());
  auto range = std::to_string(min) + ".." + std::to_string(max);
  if (!n) return wrong_type(parent, key, *v, "an integer", "send a whole number in " + range);
  if (*n < min || *n > max)
    return invalid_argument(field_path(parent, key), std::to_string(*n) + " is out of range",
                            "send a whole number in " + range);
  return n;
}

result<std::optional<bool>> optional_bool(const json::object& object, std::string_view parent, std::string_view key) {
  auto* v = present(object, key);
  if (!v) return std::optional<bool>();
  if (!v->is_bool()) return wrong_type(parent, key, *v, "a boolean", "send true or false");
  return std::optional<bool>(v->get_bool());
}

result<const json::object*> optional_object(const json::object& object, std::string_view parent,
                                            std::string_view key) {
  auto* v = present(object, key);
  if (!v) return static_cast<const json::object*>(nullptr);
  if (!v->is_object()) return wrong_type(parent, key, *v, "an object", "send a JSON object or leave it out");
  return &v->get_object();
}

result<const json::array*> required_array(const json::object& object, std::string_view parent, std::string_view key) {
  auto* v = present(object, key);
  if (!v)
    return invalid_argument(field_path(parent, key), "is required", "add \"" + std::string(key) + "\" as an array");
  if (!v->is_array()) return wrong_type(parent, key, *v, "an array", "send a JSON array");
  return &v->get_array();
}

const json::value* find_alias(const json::object& object, std::initializer_list<std::string_view> keys,
                              std::string_view* found_key) {
  for (auto key : keys)
    if (auto* v = present(object, key)) {
      if (found_key) *found_key = key;
      return v;
    }
  return nullptr;
}

}  // namespace quiltup::mcp
