#include "jsonrpc/message.hpp"

#include <boost/json/serialize.hpp>
#include <simdjson.h>

namespace quiltup::mcp::jsonrpc {

namespace {

json::value to_boost(simdjson::dom::element e) {
  using simdjson::dom::element_type;
  switch (e.type()) {
    case element_type::OBJECT: {
      json::object out;
      for (auto field : simdjson::dom::object(e)) out[field.key] = to_boost(field.value);
      return out;
    }
    case element_type::ARRAY: {
      json::array out;
      for (auto item : simdjson::dom::array(e)) out.push_back(to_boost(item));
      return out;
    }
    case element_type::STRING: return json::string(std::string_view(e));
    case element_type::INT64: return std::int64_t(e);
    case element_type::UINT64: return std::uint64_t(e);
    case element_type::DOUBLE: return double(e);
    case element_type::BOOL: return bool(e);
    case element_type::NULL_VALUE: return nullptr;
  }
  return nullptr;
}

bool is_valid_id(const json::value& id) { return id.is_string() || id.is_int64() || id.is_uint64(); }

}  // namespace

std::string id_key(const request_id& id) {
  if (id.is_string()) return "s:" + std::string(id.get_string());
  return "n:" + json::serialize(id);
}

message parse_message(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // CRLF clients

  // One parser per thread: its buffers are reused from line to line.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(line.data(), line.size(), true).get(doc) != simdjson::SUCCESS)
    return rejection{nullptr, code::parse_error, "Parse error"};
  if (doc.is_array()) return rejection{nullptr, code::invalid_request, "Batches are not supported"};
  if (!doc.is_object()) return rejection{nullptr, code::invalid_request, "Invalid Request: a message must be a JSON object"};

  json::object msg = to_boost(doc).as_object();
  const json::value* id = msg.if_contains("id");
  const json::value* method = msg.if_contains("method");
  const json::value* version = msg.if_contains("jsonrpc");
  const bool is_response = msg.contains("result") || msg.contains("error");

  const bool well_formed = version && version->is_string() && version->get_string() == "2.0" &&
                           method && method->is_string();
  if (!well_formed) {
    if (id && !is_response)
      return rejection{is_valid_id(*id) ? *id : nullptr, code::invalid_request,
                       "Invalid Request: need \"jsonrpc\":\"2.0\" and a string \"method\""};
    return ignored{};  // a response (we send no requests) or noise without an id
  }

  json::object params;
  if (const json::value* p = msg.if_contains("params")) {
    if (p->is_object()) params = p->get_object();
    else if (!p->is_null()) {
      if (!id) return ignored{};
      return rejection{is_valid_id(*id) ? *id : nullptr, code::invalid_params,
                       "Invalid params: \"params\" must be an object"};
    }
  }

  std::string name(method->get_string());
  if (!id) return notification{std::move(name), std::move(params)};
  if (!is_valid_id(*id))
    return rejection{nullptr, code::invalid_request, "Invalid Request: \"id\" must be a string or an integer"};
  return request{*id, std::move(name), std::move(params)};
}

std::string result_line(const request_id& id, json::value result) {
  json::object out;
  out["jsonrpc"] = "2.0";
  out["id"] = id;
  out["result"] = std::move(result);
  return json::serialize(out);
}

std::string error_line(const request_id& id, int code, std::string_view message, const json::value* data) {
  json::object error;
  error["code"] = code;
  error["message"] = message;
  if (data) error["data"] = *data;
  json::object out;
  out["jsonrpc"] = "2.0";
  out["id"] = id;
  out["error"] = std::move(error);
  return json::serialize(out);
}

std::string notification_line(std::string_view method, json::object params) {
  json::object out;
  out["jsonrpc"] = "2.0";
  out["method"] = method;
  out["params"] = std::move(params);
  return json::serialize(out);
}

}  // namespace quiltup::mcp::jsonrpc
