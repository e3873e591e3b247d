#include "mb_command.hpp"

#include "json_output.hpp"
#include "s3_connection.hpp"
#include "s3_url.hpp"

namespace quiltup::cli {

void add_mb_command(CLI::App& app, mb_options& options) {
  auto* mb = app.add_subcommand("mb", "Create a bucket and print the result as JSON");
  mb->add_option("BUCKET", options.bucket_url, "s3://bucket")->required();
  mb->add_flag("--versioning", options.versioning, "enable versioning on the new bucket");
}

int run_mb(const mb_options& options) {
  auto url = parse_s3_url(options.bucket_url, "BUCKET");
  if (!url) return print_usage_error(url.error());
  if (!url->key.empty())
    return print_usage_error(make_error("InvalidArgument", "BUCKET '" + options.bucket_url + "' has a key", "BUCKET",
                                        "give only the bucket: s3://BUCKET"));
  if (auto name = s3::validate_bucket_name(url->bucket, "BUCKET"); !name) return print_usage_error(name.error());
  auto connection = s3_connection::from_environment();
  if (!connection) return print_usage_error(connection.error());
  auto& s3 = (*connection)->client();

  auto created = (*connection)->run(s3.create_bucket({url->bucket, s3.endpoint().region()}));
  // Re-running the demo must not fail on the bucket it made last time.
  bool existed = !created && created.error().code == "BucketAlreadyOwnedByYou";
  if (!created && !existed) return print_operation_error(created.error());
  if (options.versioning) {
    auto v = (*connection)->run(s3.put_bucket_versioning({url->bucket, true}));
    if (!v) return print_operation_error(v.error());
  }
  print_json((*connection)->with_credentials({{"bucket", url->bucket}, {"created", !existed}, {"versioning", options.versioning}}));
  return exit_ok;
}

}  // namespace quiltup::cli
