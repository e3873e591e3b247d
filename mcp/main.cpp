// quiltup-mcp: the MCP stdio server. Configuration comes from the environment (mcp.md §2);
// stdout carries protocol messages only, everything else goes to stderr.
#include "config.hpp"
#include "core/allocator_tuning.hpp"
#include "engine_session.hpp"
#include "jsonrpc/stdio_transport.hpp"
#include "server.hpp"
#include "stderr_log.hpp"
#include "tools/index.hpp"

#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <csignal>
#include <exception>
#include <unistd.h>

namespace mcp = quiltup::mcp;
namespace asio = boost::asio;
using namespace asio::experimental::awaitable_operators;

namespace {

// Clients wait 2 s after closing stdin before they send SIGTERM; finish well within that even
// if a cancelled upload is slow to unwind.
constexpr auto shutdown_grace = std::chrono::milliseconds(1500);

quiltup::awaitable<void> grace_timer() {
  asio::steady_timer timer(co_await asio::this_coro::executor, shutdown_grace);
  co_await timer.async_wait(quiltup::as_tuple_awaitable);
}

}  // namespace

int main() try {
  quiltup::tune_allocator_for_uploads();
  std::signal(SIGPIPE, SIG_IGN);  // a vanished client shows up as EPIPE on write instead

  // Keep a private handle on the real stdout and point fd 1 at stderr, so that nothing a
  // library prints (curl verbose, OpenSSL, a stray printf) can corrupt the protocol stream.
  int protocol_fd = ::dup(STDOUT_FILENO);
  if (protocol_fd < 0 || ::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
    mcp::log_error("cannot set up stdout for the protocol");
    return 1;
  }

  // The io_context first: everything below holds Asio objects and goes away before it does.
  asio::io_context io(1);
  auto work = asio::make_work_guard(io);

  auto config = mcp::config_from_environment();
  config.engine = std::make_shared<mcp::engine_session>(io.get_executor());
  mcp::tool_registry tools;
  mcp::tools::register_all_tools(tools, config);
  config.engine.reset();  // the tools hold it now
  mcp::jsonrpc::stdio_transport transport(io.get_executor(), STDIN_FILENO, protocol_fd);
  mcp::server server(io.get_executor(), tools, mcp::protocol::server_identity{},
                     [&transport](std::string line) { transport.write_line(line); });

  bool stopping = false;
  asio::signal_set signals(io, SIGTERM, SIGINT);
  auto stop = [&](const char* why) {
    if (stopping) return;
    stopping = true;
    mcp::log_info(std::string("shutting down: ") + why);
    signals.cancel();
    // Detached on purpose, and only here: shutdown outlives every request it waits for.
    asio::co_spawn(io, [&]() -> quiltup::awaitable<void> {
      auto finished = co_await (server.shutdown() || grace_timer());
      if (finished.index() == 1) mcp::log_error("requests still running at exit; they were cancelled");
      work.reset();
      io.stop();
    }, asio::detached);
  };
  signals.async_wait([&](boost::system::error_code ec, int) {
    if (!ec) stop("signal");
  });

  transport.start({
      .on_line = [&](std::string line) { if (!stopping) server.handle_line(std::move(line)); },
      .on_oversized_line = [&](std::size_t bytes) { server.handle_oversized_line(bytes); },
      .on_eof = [&] { stop("stdin closed"); },
  });
  io.run();
  transport.stop();
  return 0;
} catch (const std::exception& e) {
  mcp::log_error(std::string("fatal: ") + e.what());
  return 1;
}
