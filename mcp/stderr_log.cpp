#include "stderr_log.hpp"

#include <mutex>
#include <string>
#include <unistd.h>

namespace quiltup::mcp {

namespace {

void write_line(std::string_view level, std::string_view message) {
  static std::mutex m;
  std::string line = "quiltup-mcp ";
  line.append(level).append(": ").append(message).push_back('\n');
  std::lock_guard lock(m);
  [[maybe_unused]] auto n = ::write(STDERR_FILENO, line.data(), line.size());
}

}  // namespace

void log_info(std::string_view message) { write_line("info", message); }
void log_error(std::string_view message) { write_line("error", message); }

}  // namespace quiltup::mcp
