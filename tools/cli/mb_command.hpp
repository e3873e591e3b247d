#pragma once
// quiltup mb s3://bucket [--versioning]: create a bucket (the demo's first step).
#include <CLI/CLI.hpp>

#include <string>

namespace quiltup::cli {

struct mb_options {
  std::string bucket_url;
  bool versioning = false;
};

void add_mb_command(CLI::App& app, mb_options& options);
int run_mb(const mb_options& options);

}  // namespace quiltup::cli
