#pragma once
// quiltup put SRC... s3://bucket/prefix/: files and directories (recursive, keys relative to
// the directory given) through the upload engine, with its limits and modes as flags.
// Prints one JSON line per object plus a summary with --json, otherwise failures and a
// summary line (and a progress bar on a TTY). Exit 0 all landed, 1 some failed, 2 usage.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace quiltup::cli {

struct batch_put_options {
  std::vector<std::string> sources;  // SRC... then the s3:// destination last
  std::string content_type;
  std::size_t concurrency = 32;
  std::string part_size = "8MiB";
  std::string multipart_threshold = "16MiB";
  std::string memory_limit = "256MiB";
  std::string checksum = "crc32c";
  std::string payload_signing = "auto";
  bool json = false;
  bool no_progress = false;
};

void add_batch_put_command(CLI::App& app, batch_put_options& options);
int run_batch_put(const batch_put_options& options);

}  // namespace quiltup::cli
