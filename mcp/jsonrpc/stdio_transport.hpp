#pragma once
// MCP's stdio transport: newline-delimited JSON-RPC on two file descriptors.
//
// Reading happens on a thread of its own so that a blocked read never stalls tool work, and
// tool work never stalls reading (a ping or a cancellation must be seen during an upload).
// Every event is posted to the io executor; the callbacks run there, never on the reader.
// Writing is serialized under a mutex: one complete line per call, so lines never interleave.
#include <boost/asio/any_io_executor.hpp>

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace quiltup::mcp::jsonrpc {

// The TS SDK refuses lines above this size (STDIO_DEFAULT_MAX_BUFFER_SIZE); we apply the
// same bound to what we read.
inline constexpr std::size_t max_line_bytes = 10 * 1024 * 1024;

struct transport_events {
  std::function<void(std::string line)> on_line;
  std::function<void(std::size_t bytes)> on_oversized_line;  // the line was dropped unread
  std::function<void()> on_eof;                               // stdin closed or failed
};

class stdio_transport {
 public:
  stdio_transport(boost::asio::any_io_executor io, int in_fd, int out_fd,
                  std::size_t max_line = max_line_bytes);
  ~stdio_transport();
  stdio_transport(const stdio_transport&) = delete;
  stdio_transport& operator=(const stdio_transport&) = delete;

  void start(transport_events events);
  // Wakes the reader and joins it; safe to call more than once.
  void stop();
  // Thread-safe. Appends '\n'. Returns false once the peer has gone (EPIPE and friends).
  bool write_line(std::string_view line);

 private:
  void read_loop();

  boost::asio::any_io_executor io_;
  int in_fd_;
  int out_fd_;
  std::size_t max_line_;
  int wake_pipe_[2] = {-1, -1};
  transport_events events_;
  std::thread reader_;
  struct {
    std::mutex m;
    bool broken = false;
  } writer_;
};

}  // namespace quiltup::mcp::jsonrpc
