#pragma once
// The stateful (2025-11-25 and older) side of the server: what `initialize` negotiated and
// what `logging/setLevel` asked for. Touched only from the io executor.
#include "protocol/log_level.hpp"
#include "protocol/server_identity.hpp"

#include <boost/json/object.hpp>

#include <optional>
#include <string>

namespace quiltup::mcp::protocol {

class legacy_session {
 public:
  explicit legacy_session(server_identity identity) : identity_(std::move(identity)) {}

  // Answers `initialize`: echoes a supported version, otherwise offers our latest and lets
  // the client decide whether it can speak it.
  boost::json::object initialize(const boost::json::object& params);
  void initialized() { initialized_ = true; }

  // The negotiated version, or 2025-11-25 for a client that never sent `initialize`.
  const std::string& protocol_version() const { return protocol_version_; }
  bool is_initialized() const { return initialized_; }
  const boost::json::object& client_capabilities() const { return client_capabilities_; }

  // `logging/setLevel`: nullopt and no change when the level is unknown.
  std::optional<log_level> set_log_level(const boost::json::object& params);
  // Level for notifications/message; none until the client has asked for some.
  std::optional<log_level> log_threshold() const { return log_threshold_; }

  // Tasks (experimental) exist from 2025-11-25 on.
  static boost::json::object capabilities(std::string_view version);
  bool tasks_negotiated() const { return protocol_version_ >= "2025-11-25"; }

 private:
  server_identity identity_;
  std::string protocol_version_{"2025-11-25"};
  boost::json::object client_capabilities_;
  std::optional<log_level> log_threshold_;
  bool initialized_ = false;
};

}  // namespace quiltup::mcp::protocol
