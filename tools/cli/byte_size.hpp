#pragma once
// "8MiB", "16M", "1GiB", "4096" → bytes, for the size flags; errors name the flag.
#include "core/error.hpp"

#include <cstdint>
#include <string_view>

namespace quiltup::cli {

result<std::uint64_t> parse_byte_size(std::string_view text, std::string_view flag);

}  // namespace quiltup::cli
