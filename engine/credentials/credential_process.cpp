#include "credentials/credential_process.hpp"

#include "credentials/credentials_json.hpp"

#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/steady_timer.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>

extern char** environ;

namespace quiltup::credentials {
namespace {

constexpr std::size_t max_output = 1 << 20;  // a credential document is a few hundred bytes

bool needs_shell(std::string_view command) {
  return command.find_first_of("|&;<>()$`*?[]{}~\n") != std::string_view::npos;
}

error process_error(std::string message) {
  return make_error("CredentialProcessFailed", std::move(message), "credential_process",
                    "run the profile's credential_process command by hand to see what it prints; it must print "
                    "{\"Version\": 1, \"AccessKeyId\": ..., \"SecretAccessKey\": ...} on stdout and exit 0");
}

std::string read_fd(int fd) {
  std::string out;
  ::lseek(fd, 0, SEEK_SET);
  char buf[4096];
  for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0 && out.size() < 4096;) out.append(buf, static_cast<std::size_t>(n));
  return out;
}

awaitable<void> read_all(asio::posix::stream_descriptor& reader, std::string& out) {
  char buf[4096];
  for (;;) {
    auto [ec, n] = co_await reader.async_read_some(asio::buffer(buf), as_tuple_awaitable);
    out.append(buf, n);
    if (ec || out.size() > max_output) co_return;
  }
}

// Owns the child until it is reaped, so no return path leaves a zombie or a runaway process.
struct child {
  pid_t pid = -1;
  ~child() {
    if (pid > 0) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, nullptr, 0);
    }
  }
};

}  // namespace

std::vector<std::string> split_command(std::string_view command) {
  if (needs_shell(command)) return {};
  std::vector<std::string> args;
  std::string current;
  bool in_arg = false;
  char quote = 0;
  for (std::size_t i = 0; i < command.size(); ++i) {
    const char c = command[i];
    if (quote) {
      if (c == quote) quote = 0;
      else if (c == '\\' && quote == '"' && i + 1 < command.size()) current += command[++i];
      else current += c;
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_arg = true;
    } else if (c == '\\' && i + 1 < command.size()) {
      current += command[++i];
      in_arg = true;
    } else if (c == ' ' || c == '\t') {
      if (in_arg) args.push_back(std::move(current));
      current.clear();
      in_arg = false;
    } else {
      current += c;
      in_arg = true;
    }
  }
  if (quote) return {};  // unbalanced quote: let the shell report it
  if (in_arg) args.push_back(std::move(current));
  return args;
}

awaitable<result<aws_credentials>> run_credential_process(std::string command, std::chrono::milliseconds timeout) {
  using namespace asio::experimental::awaitable_operators;
  std::vector<std::string> args = split_command(command);
  if (args.empty()) {
    if (command.find_first_not_of(" \t") == std::string::npos) co_return process_error("credential_process is empty");
    args = {"/bin/sh", "-c", command};
  }
  const std::string program = args.front() == "/bin/sh" ? std::string("/bin/sh -c") : args.front();

  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) co_return process_error("cannot create a pipe for credential_process: " + std::string(std::strerror(errno)));
  const int err_fd = ::memfd_create("quiltup-credential-process-stderr", MFD_CLOEXEC);
  posix_spawn_file_actions_t actions;
  ::posix_spawn_file_actions_init(&actions);
  ::posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  ::posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  if (err_fd >= 0) ::posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  child proc;
  const int rc = ::posix_spawnp(&proc.pid, argv[0], &actions, nullptr, argv.data(), environ);
  ::posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  if (rc != 0) {
    proc.pid = -1;
    ::close(out[0]);
    if (err_fd >= 0) ::close(err_fd);
    co_return process_error("credential_process '" + program + "' could not be started: " + std::strerror(rc));
  }

  auto ex = co_await asio::this_coro::executor;
  asio::posix::stream_descriptor reader(ex, out[0]);
  asio::steady_timer timer(ex);
  timer.expires_after(timeout);
  std::string output;
  auto which = co_await (read_all(reader, output) || timer.async_wait(use_awaitable));
  const bool timed_out = which.index() == 1;

  // Reap without blocking the io thread: a child that closed stdout is about to exit.
  int status = 0;
  for (;;) {
    const pid_t r = ::waitpid(proc.pid, &status, WNOHANG);
    if (r == proc.pid || r < 0) break;
    if (timed_out || std::chrono::steady_clock::now() >= timer.expiry()) {
      ::kill(proc.pid, SIGKILL);
      ::waitpid(proc.pid, &status, 0);
      break;
    }
    asio::steady_timer tick(ex, std::chrono::milliseconds(10));
    co_await tick.async_wait(use_awaitable);
  }
  proc.pid = -1;
  const std::string errors = err_fd >= 0 ? read_fd(err_fd) : std::string();
  if (err_fd >= 0) ::close(err_fd);

  if (timed_out || (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL))
    co_return process_error("credential_process '" + program + "' did not finish within " +
                            std::to_string(timeout.count()) + " ms and was killed");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    const std::string how = WIFEXITED(status) ? "exited with status " + std::to_string(WEXITSTATUS(status))
                                              : "was killed by signal " + std::to_string(WTERMSIG(status));
    co_return process_error("credential_process '" + program + "' " + how +
                            (errors.empty() ? std::string() : ": " + excerpt(errors)));
  }
  auto parsed = parse_credentials_json(output, {.what = "credential_process '" + program + "'",
                                                .source = "credential_process",
                                                .require_version_1 = true});
  if (!parsed) {
    auto e = parsed.error();
    e.field = "credential_process";
    co_return e;
  }
  co_return parsed;
}

}  // namespace quiltup::credentials
