#pragma once
// RFC 5424 severities as MCP names them; ordered so that `a >= b` means "at least as severe".
#include <array>
#include <optional>
#include <string_view>

namespace quiltup::mcp::protocol {

enum class log_level { debug, info, notice, warning, error, critical, alert, emergency };

inline constexpr std::array<std::string_view, 8> log_level_names = {
    "debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"};

inline std::optional<log_level> parse_log_level(std::string_view name) {
  for (std::size_t i = 0; i < log_level_names.size(); ++i)
    if (log_level_names[i] == name) return log_level(i);
  return std::nullopt;
}

inline std::string_view to_string(log_level l) { return log_level_names[std::size_t(l)]; }

}  // namespace quiltup::mcp::protocol
