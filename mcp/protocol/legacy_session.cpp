#include "protocol/legacy_session.hpp"

#include "protocol/versions.hpp"

namespace quiltup::mcp::protocol {

boost::json::object legacy_session::capabilities() {
  return {{"tools", {{"listChanged", false}}}, {"logging", boost::json::object{}}};
}

boost::json::object legacy_session::initialize(const boost::json::object& params) {
  std::string requested;
  if (auto* v = params.if_contains("protocolVersion"); v && v->is_string()) requested = v->get_string();
  protocol_version_ = is_legacy_version(requested) ? requested : std::string(latest_legacy_version);
  if (auto* c = params.if_contains("capabilities"); c && c->is_object()) client_capabilities_ = c->get_object();

  boost::json::object info{{"name", identity_.name}, {"version", identity_.version}};
  if (protocol_version_ >= "2025-06-18") info["title"] = identity_.title;  // title arrived in 2025-06-18
  boost::json::object result{{"protocolVersion", protocol_version_},
                             {"capabilities", capabilities()},
                             {"serverInfo", std::move(info)}};
  if (!identity_.instructions.empty()) result["instructions"] = identity_.instructions;
  return result;
}

std::optional<log_level> legacy_session::set_log_level(const boost::json::object& params) {
  auto* v = params.if_contains("level");
  if (!v || !v->is_string()) return std::nullopt;
  auto level = parse_log_level(v->get_string());
  if (level) log_threshold_ = level;
  return level;
}

}  // namespace quiltup::mcp::protocol
