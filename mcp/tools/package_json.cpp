#include "tools/package_json.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <string>

namespace quiltup::mcp::tools {

namespace json = boost::json;

json::value to_json(const quilt::json_value& v) {
  return std::visit(
      [](const auto& x) -> json::value {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) return nullptr;
        else if constexpr (std::is_same_v<T, bool>) return x;
        else if constexpr (std::is_same_v<T, quilt::json_number>) {
          boost::system::error_code ec;
          auto parsed = json::parse(x.text, ec);
          return ec ? json::value(x.text) : parsed;
        } else if constexpr (std::is_same_v<T, std::string>) return json::value(x);
        else if constexpr (std::is_same_v<T, quilt::json_array>) {
          json::array out;
          for (auto& item : x) out.push_back(to_json(item));
          return out;
        } else {
          json::object out;
          for (auto& m : x) out[m.key] = to_json(m.value);
          return out;
        }
      },
      v.get());
}

result<quilt::json_value> to_quilt_json(const json::value& v) { return quilt::parse_json(json::serialize(v)); }

json::object entry_json(const quilt::entry_info& e) {
  return {{"logical_key", e.logical_key},
          {"physical_key", e.physical_key},
          {"size", e.size},
          {"hash", {{"type", e.hash.type}, {"value", e.hash.value}}},
          {"meta", e.meta.is_null() ? json::value(json::object{}) : to_json(e.meta)}};
}

json::array entries_json(const std::vector<quilt::entry_info>& entries, std::size_t limit) {
  json::array out;
  for (std::size_t i = 0; i < entries.size() && i < limit; ++i) out.push_back(entry_json(entries[i]));
  return out;
}

json::object revision_json(const quilt::revision_info& r) {
  json::object out{{"top_hash", r.top_hash}, {"unix_seconds", r.unix_seconds}};
  if (!r.pointer_key.empty()) out["pointer_key"] = r.pointer_key;
  return out;
}

json::object failure_json(const quiltup::error& e, json::object base) {
  base["success"] = false;
  base["error"] = e.message.empty() ? e.code : e.message;
  base["error_code"] = e.code.empty() ? "Error" : e.code;
  if (!e.field.empty()) base["field"] = e.field;
  json::array fixes;
  if (!e.hint.empty()) fixes.emplace_back(e.hint);
  base["possible_fixes"] = std::move(fixes);
  if (!e.step.empty()) base["step"] = e.step;
  if (!e.request_id.empty()) base["request_id"] = e.request_id;
  if (e.http_status) base["http_status"] = e.http_status;
  base["retryable"] = e.retryable;
  return base;
}

tool_result failure_result(const quiltup::error& e, json::object base) {
  auto structured = failure_json(e, std::move(base));
  auto text = json::serialize(structured);
  return error_result(std::move(text), std::move(structured));
}

tool_result session_failure_result(const quiltup::error& e, const credentials::credential_report& report,
                                   json::object base) {
  base["credentials"] = credentials::to_json(report);
  return failure_result(e, std::move(base));
}

tool_result answer(json::object structured) { return structured_result(std::move(structured)); }

}  // namespace quiltup::mcp::tools
