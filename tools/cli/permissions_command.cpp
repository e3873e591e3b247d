#include "permissions_command.hpp"

#include "json_output.hpp"
#include "package_output.hpp"
#include "s3_connection.hpp"

#include "quilt/permissions.hpp"

namespace quiltup::cli {

void add_permissions_command(CLI::App& app, permissions_options& o) {
  auto* perms = app.add_subcommand("permissions", "What the current credentials may do with buckets");
  perms->require_subcommand(1);
  o.discover = perms->add_subcommand("discover", "Probe list, read and write access per bucket");
  o.discover->add_option("BUCKETS", o.buckets, "s3://bucket (one or more)")->required();
  o.discover->add_flag("--no-write-probe", o.no_write_probe,
                       "skip the write probe (CreateMultipartUpload, aborted at once); write_access is then null");
}

int run_permissions(const permissions_options& o) {
  auto connection = s3_connection::from_environment();
  if (!connection) return print_usage_error(connection.error());
  quilt::permissions_options options;
  options.probe_write = !o.no_write_probe;
  auto found = (*connection)->run(quilt::discover_permissions((*connection)->client(), o.buckets, options));
  boost::json::array buckets;
  for (const auto& b : found) buckets.push_back(to_json(b));
  print_json((*connection)->with_credentials({{"success", true}, {"total_buckets_checked", found.size()}, {"bucket_permissions", std::move(buckets)}}));
  return exit_ok;
}

}  // namespace quiltup::cli
