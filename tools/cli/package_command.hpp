#pragma once
// quiltup package create|browse|delete|enrich: Quilt package revisions through the direct
// backend (quilt3's bucket layout, written with the AWS_* credentials), printed as JSON.
#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace quiltup::cli {

struct package_options {
  CLI::App* create = nullptr;
  CLI::App* browse = nullptr;
  CLI::App* remove = nullptr;
  CLI::App* enrich = nullptr;

  std::string name;        // namespace/name
  std::string bucket_url;  // s3://bucket
  std::vector<std::string> files;
  std::string message;
  std::string readme;
  std::string readme_file;
  std::string metadata;  // JSON object text
  std::vector<std::string> mappings;  // FROM=TO
  bool auto_organize = false;
  bool dry_run = false;
  bool confirm = false;
  std::string reason;
  std::string top_hash;
  std::uint64_t offset = 0;
  std::uint64_t limit = 1000;
};

void add_package_command(CLI::App& app, package_options& options);
int run_package(const package_options& options);

}  // namespace quiltup::cli
