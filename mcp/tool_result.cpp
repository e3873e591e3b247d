#include "tool_result.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

namespace quiltup::mcp {

tool_result structured_result(boost::json::object structured) {
  tool_result r;
  r.text = boost::json::serialize(structured);
  r.structured = std::move(structured);
  return r;
}

tool_result error_result(std::string text) { return tool_result{std::nullopt, std::move(text), true}; }

tool_result error_result(std::string text, boost::json::object structured) {
  return tool_result{boost::json::value(std::move(structured)), std::move(text), true};
}

boost::json::object to_json(const tool_result& r, std::size_t budget) {
  // The text block repeats structuredContent, so the line is about twice the text.
  std::size_t estimate = r.text.size() + (r.structured ? r.text.size() : 0);
  if (estimate > budget)
    return to_json(error_result("result too large for one MCP message (" + std::to_string(estimate) +
                                " bytes, limit " + std::to_string(budget) +
                                "): ask for fewer items per call or a smaller max_results"));
  boost::json::object out;
  out["content"] = boost::json::array{{{"type", "text"}, {"text", r.text}}};
  if (r.structured) out["structuredContent"] = *r.structured;
  out["isError"] = r.is_error;
  return out;
}

}  // namespace quiltup::mcp
