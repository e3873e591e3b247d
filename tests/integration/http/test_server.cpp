#include "test_server.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace quiltup::test {

namespace {

std::string read_line(int fd, int timeout_ms) {
  std::string line;
  char c;
  while (true) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) break;
    if (::read(fd, &c, 1) != 1 || c == '\n') break;
    line += c;
  }
  return line;
}

}  // namespace

python_http_server::python_http_server() {
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe failed: " + std::string(std::strerror(errno)));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  std::string script = QUILTUP_SOURCE_DIR "/tests/integration/http/http_test_server.py";
  char* argv[] = {const_cast<char*>("python3"), script.data(), nullptr};
  const int rc = ::posix_spawnp(&pid_, "python3", &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  if (rc != 0) {
    ::close(out[0]);
    throw std::runtime_error("cannot start python3 " + script + ": " + std::strerror(rc));
  }
  const std::string line = read_line(out[0], 15'000);
  ::close(out[0]);  // the server prints nothing else
  if (line.rfind("PORT ", 0) != 0) {
    stop();
    throw std::runtime_error(script + " did not report its port (got '" + line + "')");
  }
  port_ = std::stoi(line.substr(5));
}

python_http_server::~python_http_server() { stop(); }

void python_http_server::stop() noexcept {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::string python_http_server::url(const std::string& path_and_query) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path_and_query;
}

int closed_port() {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  if (s < 0 || ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) != 0)
    throw std::runtime_error("cannot reserve a loopback port: " + std::string(std::strerror(errno)));
  ::close(s);  // never listened: connecting now is refused
  return ntohs(a.sin_port);
}

}  // namespace quiltup::test
