#pragma once
// quiltup put FILE s3://bucket/key: one PutObject, the file streamed from disk.
#include <CLI/CLI.hpp>

#include <string>

namespace quiltup::cli {

struct put_options {
  std::string file;
  std::string destination;
  std::string content_type;
  std::string checksum = "crc32c";  // crc32c | none
};

void add_put_command(CLI::App& app, put_options& options);
int run_put(const put_options& options);

}  // namespace quiltup::cli
