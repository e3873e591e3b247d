#include "jsonrpc/stdio_transport.hpp"

#include "stderr_log.hpp"

#include <boost/asio/post.hpp>

#include <cerrno>
#include <poll.h>
#include <unistd.h>

namespace quiltup::mcp::jsonrpc {

stdio_transport::stdio_transport(boost::asio::any_io_executor io, int in_fd, int out_fd, std::size_t max_line)
    : io_(std::move(io)), in_fd_(in_fd), out_fd_(out_fd), max_line_(max_line) {
  if (::pipe(wake_pipe_) != 0) wake_pipe_[0] = wake_pipe_[1] = -1;
}

stdio_transport::~stdio_transport() {
  stop();
  for (int fd : wake_pipe_)
    if (fd >= 0) ::close(fd);
}

void stdio_transport::start(transport_events events) {
  events_ = std::move(events);
  reader_ = std::thread([this] { read_loop(); });
}

void stdio_transport::stop() {
  if (!reader_.joinable()) return;
  if (wake_pipe_[1] >= 0) {
    char one = 1;
    [[maybe_unused]] auto n = ::write(wake_pipe_[1], &one, 1);
  }
  reader_.join();
}

void stdio_transport::read_loop() {
  std::string line;
  bool dropping = false;         // inside a line that exceeded the limit
  std::size_t dropped_bytes = 0;
  char buffer[64 * 1024];

  auto post = [this](auto fn) { boost::asio::post(io_, std::move(fn)); };

  for (;;) {
    pollfd fds[2] = {{in_fd_, POLLIN, 0}, {wake_pipe_[0], POLLIN, 0}};
    int ready = ::poll(fds, wake_pipe_[0] >= 0 ? 2 : 1, -1);
    if (ready < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (wake_pipe_[0] >= 0 && (fds[1].revents & POLLIN)) return;  // stop(): no EOF event
    if (!(fds[0].revents & (POLLIN | POLLHUP | POLLERR))) continue;

    ssize_t n = ::read(in_fd_, buffer, sizeof buffer);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) break;

    std::string_view chunk(buffer, std::size_t(n));
    while (!chunk.empty()) {
      auto newline = chunk.find('\n');
      auto piece = chunk.substr(0, newline);
      if (dropping) {
        dropped_bytes += piece.size();
      } else if (line.size() + piece.size() > max_line_) {
        // Keep serving: forget this line, tell the client once its end arrives.
        dropping = true;
        dropped_bytes = line.size() + piece.size();
        std::string().swap(line);
      } else {
        line.append(piece);
      }
      if (newline == std::string_view::npos) break;
      chunk.remove_prefix(newline + 1);
      if (dropping) {
        post([this, dropped_bytes] { events_.on_oversized_line(dropped_bytes); });
        dropping = false;
      } else if (!line.empty() && line != "\r") {
        post([this, l = std::move(line)]() mutable { events_.on_line(std::move(l)); });
      }
      line.clear();
    }
  }
  // A final line without '\n' still counts: some clients end their last message at EOF.
  if (!dropping && !line.empty()) post([this, l = std::move(line)]() mutable { events_.on_line(std::move(l)); });
  post([this] { events_.on_eof(); });
}

bool stdio_transport::write_line(std::string_view line) {
  std::lock_guard lock(writer_.m);
  if (writer_.broken) return false;
  std::string framed;
  framed.reserve(line.size() + 1);
  framed.append(line).push_back('\n');
  std::string_view rest = framed;
  while (!rest.empty()) {
    ssize_t n = ::write(out_fd_, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      writer_.broken = true;
      log_error("stdout is closed; the client has gone, dropping further messages");
      return false;
    }
    rest.remove_prefix(std::size_t(n));
  }
  return true;
}

}  // namespace quiltup::mcp::jsonrpc
