#pragma once
// RFC 3339 timestamps as credential endpoints send them: "2024-02-20T15:00:00Z",
// "2019-05-28T23:58:07+00:00", with optional fractional seconds.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace quiltup::credentials {

std::optional<std::chrono::system_clock::time_point> parse_rfc3339(std::string_view text);
// UTC, whole seconds: "2024-02-20T15:00:00Z".
std::string format_rfc3339(std::chrono::system_clock::time_point t);

}  // namespace quiltup::credentials
