#include "protocol/legacy_session.hpp"

#include "protocol/versions.hpp"

namespace quiltup::mcp::protocol {

boost::json::object legacy_session::capabilities(std::string_view version) {
  boost::json::object caps{{"tools", {{"listChanged", false}}}, {"logging", boost::json::object{}}};
  // `list`: over stdio the one client on the other end of the pipe is the auth context, and
  // task ids are random besides.
  if (version >= "2025-11-25")
    caps["tasks"] = {{"list", boost::json::object{}},
                     {"cancel", boost::json::object{}},
                     {"requests", {{"tools", {{"call", boost::json::object{}}}}}}};
  return caps;
}

boost::json::object legacy_session::initialize(const boost::json::object& params) {
  std::string requested;
  if (auto* v = params.if_contains("protocolVersion"); v && v->is_string()) requested = v->get_string();
  protocol_version_ = is_legacy_version(requested) ? requested : std::string(latest_legacy_version);
  if (auto* c = params.if_contains("capabilities"); c && c->is_object()) client_capabilities_ = c->get_object();

  boost::json::object info{{"name", identity_.name}, {"version", identity_.version}};
  if (protocol_version_ >= "2025-06-18") info["title"] = identity_.title;  // title arrived in 2025-06-18
  boost::json::object result{{"protocolVersion", protocol_version_},
                             {"capabilities", capabilities(protocol_version_)},
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
