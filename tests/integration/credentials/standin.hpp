#pragma once
// Runs tests/credentials_standins/standin.py (a registry, container or IMDS stand-in issuing
// real moto temporary keys) for one test, and stops it on destruction.
#include <string>
#include <sys/types.h>
#include <vector>

namespace quiltup::test {

std::string standin_script();
// The moto fixture's env file, which the stand-ins read for the STS endpoint and keys.
std::string moto_env_file();

class standin {
 public:
  // role: "registry" | "container" | "imds"; extra: e.g. {"--jwt", "...", "--mode", "html"}
  standin(const std::string& role, std::vector<std::string> extra = {});
  ~standin();
  standin(const standin&) = delete;
  standin& operator=(const standin&) = delete;

  int port() const noexcept { return port_; }
  std::string url(const std::string& path = "") const;

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

// A loopback port nothing listens on.
int unused_port();

}  // namespace quiltup::test
