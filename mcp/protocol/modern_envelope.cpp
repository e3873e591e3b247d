#include "protocol/modern_envelope.hpp"

#include "jsonrpc/message.hpp"
#include "protocol/versions.hpp"

#include <boost/json/array.hpp>

namespace quiltup::mcp::protocol {

namespace json = boost::json;

namespace {

const json::object* meta_of(const json::object& params) {
  auto* meta = params.if_contains("_meta");
  return meta && meta->is_object() ? &meta->get_object() : nullptr;
}

json::array supported_versions() {
  json::array out;
  for (auto v : all_versions) out.emplace_back(v);
  return out;
}

}  // namespace

bool is_modern_request(std::string_view method, const json::object& params) {
  if (method == "server/discover") return true;
  auto* meta = meta_of(params);
  return meta && meta->contains(meta_protocol_version);
}

std::variant<modern_meta, envelope_error> read_envelope(const json::object& params) {
  const std::string invalid = "Invalid _meta envelope for protocol revision 2026-07-28: ";
  auto* meta = meta_of(params);
  auto* version = meta ? meta->if_contains(meta_protocol_version) : nullptr;
  if (!version)
    return envelope_error{jsonrpc::code::invalid_params, invalid + "missing " + std::string(meta_protocol_version), {}};
  if (!version->is_string() || !is_modern_version(version->get_string())) {
    json::object data{{"supported", supported_versions()}, {"requested", *version}};
    return envelope_error{jsonrpc::code::unsupported_protocol_version, "Unsupported protocol version", json::value(data)};
  }
  auto* caps = meta->if_contains(meta_client_capabilities);
  if (!caps || !caps->is_object())
    return envelope_error{jsonrpc::code::invalid_params,
                          invalid + "missing " + std::string(meta_client_capabilities) + " (send {} when the client has none)",
                          {}};

  modern_meta out{std::string(version->get_string()), caps->get_object(), std::nullopt};
  if (auto* level = meta->if_contains(meta_log_level)) {
    out.log_level = level->is_string() ? parse_log_level(level->get_string()) : std::nullopt;
    if (!out.log_level)
      return envelope_error{jsonrpc::code::invalid_params,
                            invalid + std::string(meta_log_level) +
                                " must be one of debug, info, notice, warning, error, critical, alert, emergency",
                            {}};
  }
  return out;
}

bool declares_tasks_extension(const json::object& client_capabilities) {
  auto* extensions = client_capabilities.if_contains("extensions");
  return extensions && extensions->is_object() && extensions->get_object().contains(tasks_extension);
}

void seal_result(json::object& result, const server_identity& identity) {
  if (!result.contains("resultType")) result["resultType"] = "complete";
  json::value& meta = result["_meta"];
  if (!meta.is_object()) meta = json::object{};
  meta.get_object()[meta_server_info] = json::object{{"name", identity.name}, {"version", identity.version}};
}

boost::json::object discover_result(const server_identity& identity) {
  json::array versions;
  for (auto v : modern_versions) versions.emplace_back(v);
  json::object result{{"supportedVersions", std::move(versions)},
                      {"capabilities", {{"tools", {{"listChanged", false}}},
                                        {"logging", json::object{}},
                                        {"extensions", {{tasks_extension, json::object{}}}}}},
                      {"instructions", identity.instructions}};
  mark_cacheable(result);
  return result;
}

void mark_cacheable(json::object& result) {
  result["ttlMs"] = 3600000;
  result["cacheScope"] = "public";
}

}  // namespace quiltup::mcp::protocol
