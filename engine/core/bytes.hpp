#pragma once
#include <cstddef>
#include <span>
#include <string_view>

namespace quiltup {

using bytes_view = std::span<const std::byte>;

inline bytes_view as_bytes(std::string_view s) noexcept {
  return {reinterpret_cast<const std::byte*>(s.data()), s.size()};
}
inline std::string_view as_chars(bytes_view b) noexcept {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

}  // namespace quiltup
