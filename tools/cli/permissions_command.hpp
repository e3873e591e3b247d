#pragma once
// quiltup permissions discover s3://bucket...: what the AWS_* credentials may do with each
// bucket (list, read, write), found by probing, printed as JSON.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace quiltup::cli {

struct permissions_options {
  CLI::App* discover = nullptr;
  std::vector<std::string> buckets;
  bool no_write_probe = false;
};

void add_permissions_command(CLI::App& app, permissions_options& options);
int run_permissions(const permissions_options& options);

}  // namespace quiltup::cli
