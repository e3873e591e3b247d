#include "standin.hpp"

#include <cerrno>
#include <csignal>
#include <cstdlib>
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

std::string standin_script() { return QUILTUP_SOURCE_DIR "/tests/credentials_standins/standin.py"; }

std::string moto_env_file() {
  const char* dir = std::getenv("QUILTUP_TEST_SERVERS_DIR");
  return std::string(dir ? dir : QUILTUP_TEST_SERVERS_DIR) + "/moto.env";
}

standin::standin(const std::string& role, std::vector<std::string> extra) {
  std::vector<std::string> args = {"python3", standin_script(), role, "--moto-env", moto_env_file()};
  args.insert(args.end(), extra.begin(), extra.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe failed: " + std::string(std::strerror(errno)));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  const int rc = ::posix_spawnp(&pid_, "python3", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  if (rc != 0) {
    ::close(out[0]);
    throw std::runtime_error("cannot start python3 " + standin_script() + ": " + std::strerror(rc));
  }
  const std::string line = read_line(out[0], 30'000);
  ::close(out[0]);
  if (line.rfind("PORT ", 0) != 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    throw std::runtime_error("credential stand-in '" + role + "' did not report its port (got '" + line + "')");
  }
  port_ = std::stoi(line.substr(5));
}

standin::~standin() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
}

std::string standin::url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

int unused_port() {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  if (s < 0 || ::bind(s, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      ::getsockname(s, reinterpret_cast<sockaddr*>(&a), &len) != 0)
    throw std::runtime_error("cannot reserve a loopback port: " + std::string(std::strerror(errno)));
  ::close(s);
  return ntohs(a.sin_port);
}

}  // namespace quiltup::test
