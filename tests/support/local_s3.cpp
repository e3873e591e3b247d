#include "support/local_s3.hpp"

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace quiltup::test {

local_server server(const std::string& name) {
  const char* dir = std::getenv("QUILTUP_TEST_SERVERS_DIR");
  std::string path = std::string(dir ? dir : QUILTUP_TEST_SERVERS_DIR) + "/" + name + ".env";
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error("local test server '" + name + "' is not running (no " + path +
                             "); run the tests through ctest so the fixture starts it");
  local_server s;
  s.name = name;
  std::string line;
  while (std::getline(in, line)) {
    auto eq = line.find('=');
    if (eq == std::string::npos) continue;
    auto key = line.substr(0, eq), value = line.substr(eq + 1);
    if (key == "endpoint") s.endpoint = value;
    else if (key == "access_key") s.access_key = value;
    else if (key == "secret_key") s.secret_key = value;
    else if (key == "region") s.region = value;
  }
  if (s.endpoint.empty()) throw std::runtime_error(path + " has no endpoint= line");
  return s;
}

std::string unique_bucket_name(const std::string& prefix) {
  static std::atomic<unsigned> counter{0};
  return prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

}  // namespace quiltup::test
