#include "package_command.hpp"

#include "json_output.hpp"
#include "package_output.hpp"
#include "s3_connection.hpp"

#include "credentials/environment.hpp"
#include "quilt/catalog_backend.hpp"
#include "quilt/catalog_client.hpp"
#include "quilt/direct_backend.hpp"
#include "quilt/json_value.hpp"
#include "quilt/package_service.hpp"
#include "quilt/visualization.hpp"
#include "upload/uploader.hpp"

#include <fstream>
#include <sstream>

namespace quiltup::cli {
namespace {

void add_target(CLI::App* cmd, package_options& o) {
  cmd->add_option("NAME", o.name, "package name: namespace/name")->required();
  cmd->add_option("BUCKET", o.bucket_url, "the package's bucket: s3://bucket")->required();
}

result<quilt::create_params> create_params_of(const package_options& o) {
  quilt::create_params p;
  p.name = o.name;
  p.bucket = o.bucket_url;
  p.files = o.files;
  p.auto_organize = o.auto_organize;
  p.dry_run = o.dry_run;
  if (!o.message.empty()) p.description = o.message;
  if (!o.readme.empty()) p.readme = o.readme;
  if (!o.readme_file.empty()) {
    std::ifstream in(o.readme_file, std::ios::binary);
    if (!in)
      return make_error("FileNotFound", "cannot read README file '" + o.readme_file + "'", "--readme-file",
                        "give the path of a Markdown file");
    std::ostringstream ss;
    ss << in.rdbuf();
    p.readme = ss.str();
  }
  if (!o.metadata.empty()) {
    auto meta = quilt::parse_json(o.metadata);
    if (!meta) {
      auto e = meta.error();
      e.field = "--metadata";
      return e;
    }
    p.metadata = std::move(*meta);
  }
  for (const auto& m : o.mappings) {
    auto eq = m.find('=');
    if (eq == std::string::npos)
      return make_error("InvalidArgument", "mapping '" + m + "' has no '='", "--map",
                        "write FROM=TO, e.g. --map s3://bucket/raw/=data/");
    p.prefix_map.push_back({m.substr(0, eq), m.substr(eq + 1)});
  }
  return p;
}

}  // namespace

void add_package_command(CLI::App& app, package_options& o) {
  auto* pkg = app.add_subcommand("package", "Quilt packages: create, browse, delete, enrich (the registry with QUILT_REGISTRY_URL and QUILT_JWT, else directly in S3)");
  pkg->require_subcommand(1);

  o.create = pkg->add_subcommand("create", "Create a package revision from S3 objects");
  add_target(o.create, o);
  o.create->add_option("FILES", o.files, "s3://bucket/key[?versionId=...] of each file");
  o.create->add_option("-m,--message", o.message, "revision message (also stored as user_meta.description)");
  o.create->add_option("--readme", o.readme, "inline Markdown uploaded as the package's README.md");
  o.create->add_option("--readme-file", o.readme_file, "a Markdown file uploaded as the package's README.md");
  o.create->add_option("--metadata", o.metadata, "package metadata (user_meta) as a JSON object");
  o.create->add_option("--map", o.mappings, "FROM=TO: files under prefix FROM get logical keys under TO");
  o.create->add_flag("--auto-organize", o.auto_organize, "logical keys are the full S3 keys, not file names");
  o.create->add_flag("--dry-run", o.dry_run, "print the plan without writing anything");

  o.browse = pkg->add_subcommand("browse", "List the entries of a revision (latest by default)");
  add_target(o.browse, o);
  o.browse->add_option("--top-hash", o.top_hash, "a revision's top hash instead of latest");
  o.browse->add_option("--offset", o.offset, "first entry of the page");
  o.browse->add_option("--limit", o.limit, "entries per page (0: all)");

  o.remove = pkg->add_subcommand("delete", "Delete a package (its revision pointers; manifests stay)");
  add_target(o.remove, o);
  o.remove->add_flag("--confirm", o.confirm, "required to delete");
  o.remove->add_flag("--dry-run", o.dry_run, "show what would be deleted");
  o.remove->add_option("--reason", o.reason, "why, echoed in the answer");

  o.enrich = pkg->add_subcommand("enrich", "Add quilt_summarize.json (and a README.md if missing) as a new revision");
  add_target(o.enrich, o);
}

int run_package(const package_options& o) {
  auto connection = s3_connection::from_environment();
  if (!connection) return print_usage_error(connection.error());
  auto& s3 = (*connection)->client();
  upload::upload_options up_options;
  up_options.checksum = crypto::checksum_algorithm::sha256;  // S3's SHA-256 maps to the Quilt hash
  up_options.quilt_aligned = true;
  upload::uploader uploader(s3, up_options);
  quilt::known_objects known;
  quilt::direct_backend direct(s3, &known);
  // With QUILT_REGISTRY_URL and a JWT the registry writes the revision (GraphQL); the direct
  // backend still reads manifests that the registry's listing leaves out (> 1,000 entries).
  std::unique_ptr<quilt::catalog_backend> catalog;
  if (auto endpoint = quilt::catalog_endpoint_from_environment((*connection)->http(), credentials::process_environment()))
    catalog = std::make_unique<quilt::catalog_backend>((*connection)->http(), std::move(*endpoint), &direct);
  quilt::package_backend& backend = catalog ? static_cast<quilt::package_backend&>(*catalog) : direct;
  quilt::package_service service(backend, uploader, &known);

  if (o.create->parsed()) {
    auto params = create_params_of(o);
    if (!params) return print_usage_error(params.error());
    auto done = (*connection)->run(service.create(std::move(*params)));
    if (!done) return done.error().code == "InvalidArgument" ? print_usage_error(done.error())
                                                             : print_operation_error(done.error());
    print_json((*connection)->with_credentials(to_json(*done)));
    return exit_ok;
  }
  if (o.browse->parsed()) {
    auto done = (*connection)->run(service.browse({o.name, o.bucket_url, o.top_hash, o.offset, o.limit}));
    if (!done) return print_operation_error(done.error());
    print_json((*connection)->with_credentials(to_json(*done)));
    return exit_ok;
  }
  if (o.remove->parsed()) {
    auto done = (*connection)->run(service.delete_package({o.name, o.bucket_url, o.confirm, o.dry_run, o.reason}));
    if (!done) return print_operation_error(done.error());
    print_json((*connection)->with_credentials(to_json(*done)));
    return exit_ok;
  }
  if (o.enrich->parsed()) {
    auto done = (*connection)->run(quilt::enrich(backend, uploader, s3, {o.name, o.bucket_url, {}}, &known));
    if (!done) return print_operation_error(done.error());
    print_json((*connection)->with_credentials(to_json(*done)));
    return exit_ok;
  }
  return exit_usage;
}

}  // namespace quiltup::cli
