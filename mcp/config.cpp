#include "config.hpp"

#include "stderr_log.hpp"

#include <cstdlib>
#include <string_view>

namespace quiltup::mcp {

server_config config_from_environment() {
  server_config config;
  if (const char* roots = std::getenv("QUILTUP_ALLOWED_ROOTS")) {
    std::string_view rest = roots;
    while (!rest.empty()) {
      auto colon = rest.find(':');
      auto entry = rest.substr(0, colon);
      rest = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
      if (entry.empty()) continue;
      std::error_code ec;
      auto root = std::filesystem::canonical(std::filesystem::path(entry), ec);
      // A root that does not exist cannot contain anything; say so instead of failing later.
      if (ec || !std::filesystem::is_directory(root, ec)) {
        log_error("QUILTUP_ALLOWED_ROOTS: '" + std::string(entry) + "' is not an existing directory; ignored");
        continue;
      }
      config.allowed_roots.push_back(std::move(root));
    }
  }
  return config;
}

}  // namespace quiltup::mcp
