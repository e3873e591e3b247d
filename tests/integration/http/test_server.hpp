#pragma once
// Starts http_test_server.py (next to this file) on a free loopback port for one test and
// stops it on destruction: slow, dripping, resetting and echoing peers that RGW cannot play.
#include <string>
#include <sys/types.h>

namespace quiltup::test {

class python_http_server {
 public:
  python_http_server();  // throws std::runtime_error when the script does not come up
  ~python_http_server();
  python_http_server(const python_http_server&) = delete;
  python_http_server& operator=(const python_http_server&) = delete;

  int port() const noexcept { return port_; }
  std::string url(const std::string& path_and_query) const;

 private:
  void stop() noexcept;

  pid_t pid_ = -1;
  int port_ = 0;
};

// A loopback port with nothing listening on it (bound, then released).
int closed_port();

}  // namespace quiltup::test
