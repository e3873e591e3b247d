#pragma once
// quiltup-mcp is configured through its environment only: every MCP host can set `env` for a
// server, and the Inspector CLI passes nothing else (mcp.md §2). Reading it is cheap and
// touches no network, because clients may spawn the server just to probe it.
#include <filesystem>
#include <memory>
#include <vector>

namespace quiltup::mcp {

class engine_session;

struct server_config {
  // QUILTUP_ALLOWED_ROOTS (':'-separated directories): `path` items must resolve under one
  // of them. Empty by default, so an agent cannot make the server upload arbitrary host files.
  std::vector<std::filesystem::path> allowed_roots;
  // The S3/credentials connection tools share (engine_session.hpp). Set by main once the
  // io_context exists; null in tests that only check arguments.
  std::shared_ptr<engine_session> engine;
};

server_config config_from_environment();

}  // namespace quiltup::mcp
