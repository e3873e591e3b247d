#pragma once
// Protocol revisions quiltup-mcp speaks (mcp.md §1). Legacy revisions are negotiated once by
// `initialize`; the modern revision is named on every request in `_meta`.
#include <algorithm>
#include <array>
#include <string_view>

namespace quiltup::mcp::protocol {

inline constexpr std::string_view latest_legacy_version = "2025-11-25";
inline constexpr std::array<std::string_view, 4> legacy_versions = {"2025-11-25", "2025-06-18", "2025-03-26",
                                                                    "2024-11-05"};
inline constexpr std::string_view modern_version = "2026-07-28";
inline constexpr std::array<std::string_view, 1> modern_versions = {modern_version};

// Every revision, newest first: the `data.supported` list of a -32022 answer.
inline constexpr std::array<std::string_view, 5> all_versions = {"2026-07-28", "2025-11-25", "2025-06-18",
                                                                 "2025-03-26", "2024-11-05"};

inline bool is_legacy_version(std::string_view v) {
  return std::find(legacy_versions.begin(), legacy_versions.end(), v) != legacy_versions.end();
}
inline bool is_modern_version(std::string_view v) {
  return std::find(modern_versions.begin(), modern_versions.end(), v) != modern_versions.end();
}

}  // namespace quiltup::mcp::protocol
