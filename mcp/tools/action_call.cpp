#include "tools/action_call.hpp"

#include "arguments.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

namespace quiltup::mcp::tools {

namespace json = boost::json;

namespace {

std::string joined(std::span<const std::string_view> actions) {
  std::string out;
  for (auto a : actions) out += (out.empty() ? "" : ", ") + std::string(a);
  return out;
}

const json::value* find_param(const json::object& params, std::initializer_list<std::string_view> keys,
                              std::string_view& spelled) {
  spelled = *keys.begin();
  auto* v = find_alias(params, keys, &spelled);
  return v && !v->is_null() ? v : nullptr;
}

}  // namespace

result<action_call> read_action_call(const json::object& arguments, std::span<const std::string_view> actions) {
  action_call call;
  if (auto* a = arguments.if_contains("action"); a && !a->is_null()) {
    if (!a->is_string())
      return invalid_argument("action", "expected a string, got " + std::string(json_type_name(*a)),
                              "send one of " + joined(actions) + ", or leave action out to list them");
    call.action = std::string(a->get_string());
  }
  if (auto* p = arguments.if_contains("params"); p && !p->is_null()) {
    if (!p->is_object())
      return invalid_argument("params", "expected an object, got " + std::string(json_type_name(*p)),
                              "send the action's parameters as an object, e.g. {\"name\": \"team/pkg\", \"bucket\": \"b\"}");
    call.params = p->get_object();
  }
  return call;
}

tool_result discovery_result(std::string_view module, std::span<const std::string_view> actions,
                             std::string_view description) {
  json::array names;
  for (auto a : actions) names.emplace_back(a);
  return structured_result(
      {{"success", true}, {"module", module}, {"actions", std::move(names)}, {"description", description}});
}

tool_result unknown_action_result(std::string_view module, std::string_view action,
                                  std::span<const std::string_view> actions) {
  std::string message = "Unknown " + std::string(module) + " action: " + std::string(action);
  json::object answer{{"success", false},
                      {"error", message},
                      {"error_code", "InvalidArgument"},
                      {"field", "action"},
                      {"possible_fixes", json::array{"use one of: " + joined(actions)}}};
  auto text = json::serialize(answer);
  return error_result(std::move(text), std::move(answer));
}

result<std::optional<std::string>> param_string(const json::object& params,
                                                std::initializer_list<std::string_view> keys) {
  std::string_view spelled;
  auto* v = find_param(params, keys, spelled);
  if (!v) return std::optional<std::string>();
  if (!v->is_string())
    return invalid_argument(field_path("params", spelled), "expected a string, got " + std::string(json_type_name(*v)),
                            "send it as a JSON string");
  return std::optional<std::string>(std::string(v->get_string()));
}

result<std::string> required_param_string(const json::object& params, std::initializer_list<std::string_view> keys,
                                          std::string_view example) {
  auto v = param_string(params, keys);
  if (!v) return v.error();
  if (!*v || (*v)->empty())
    return invalid_argument(field_path("params", *keys.begin()), "is required",
                            "add it to params, e.g. \"" + std::string(*keys.begin()) + "\": " + std::string(example));
  return result<std::string>(boost::system::in_place_value, std::move(**v));
}

result<bool> param_bool(const json::object& params, std::string_view key, bool fallback) {
  auto v = optional_bool(params, "params", key);
  if (!v) return v.error();
  return v->value_or(fallback);
}

result<std::optional<std::int64_t>> param_integer(const json::object& params, std::string_view key, std::int64_t min,
                                                  std::int64_t max) {
  return optional_integer(params, "params", key, min, max);
}

result<std::vector<std::string>> param_string_list(const json::object& params, std::string_view key,
                                                   std::string_view example) {
  std::vector<std::string> out;
  auto* v = params.if_contains(key);
  if (!v || v->is_null()) return out;
  auto field = field_path("params", key);
  if (v->is_string()) {
    out.emplace_back(v->get_string());
    return out;
  }
  if (!v->is_array())
    return invalid_argument(field, "expected a list of strings, got " + std::string(json_type_name(*v)),
                            "send e.g. " + std::string(example));
  auto& list = v->get_array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (!list[i].is_string())
      return invalid_argument(index_path(field, i), "expected a string, got " + std::string(json_type_name(list[i])),
                              "send e.g. " + std::string(example));
    out.emplace_back(list[i].get_string());
  }
  return out;
}

std::string bare_bucket(std::string_view bucket) {
  if (bucket.starts_with("s3://")) {
    bucket.remove_prefix(5);
    bucket = bucket.substr(0, bucket.find('/'));
  }
  return std::string(bucket);
}

result<package_target> read_package_target(const boost::json::object& params) {
  package_target target;
  auto name = required_param_string(params, {"name", "package_name"}, "\"my-team/my-pkg\"");
  if (!name) return name.error();
  target.name = std::move(*name);
  auto bucket = param_string(params, {"bucket"});
  if (!bucket) return bucket.error();
  auto registry = param_string(params, {"registry"});
  if (!registry) return registry.error();
  if (*bucket) target.bucket = bare_bucket(**bucket);
  else if (*registry && (*registry)->starts_with("s3://")) target.bucket = bare_bucket(**registry);
  return target;
}

}  // namespace quiltup::mcp::tools
