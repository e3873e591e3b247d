#include "byte_size.hpp"

#include <charconv>
#include <string>

namespace quiltup::cli {

result<std::uint64_t> parse_byte_size(std::string_view text, std::string_view flag) {
  std::uint64_t number = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  std::string_view unit(end, text.data() + text.size() - end);
  std::uint64_t scale = 0;
  if (unit.empty() || unit == "B") scale = 1;
  else if (unit == "K" || unit == "KiB" || unit == "k") scale = 1ULL << 10;
  else if (unit == "M" || unit == "MiB") scale = 1ULL << 20;
  else if (unit == "G" || unit == "GiB") scale = 1ULL << 30;
  if (ec != std::errc{} || end == text.data() || scale == 0 || number > UINT64_MAX / scale)
    return make_error("InvalidArgument", std::string(flag) + " '" + std::string(text) + "' is not a size",
                      std::string(flag), "write a size like 8MiB, 512KiB, 1GiB or a number of bytes");
  return number * scale;
}

}  // namespace quiltup::cli
