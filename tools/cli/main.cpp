// quiltup: the command-line face of the engine. One file per subcommand; this file only
// registers them and maps CLI11's parse errors to exit code 2.
#include "batch_put_command.hpp"
#include "core/allocator_tuning.hpp"
#include "json_output.hpp"
#include "mb_command.hpp"
#include "package_command.hpp"
#include "permissions_command.hpp"

#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
  quiltup::tune_allocator_for_uploads();
  namespace cli = quiltup::cli;
  CLI::App app{"quiltup: upload data to S3 as fast as the machine allows"};
  app.require_subcommand(1);
  cli::batch_put_options put;
  cli::mb_options mb;
  cli::add_batch_put_command(app, put);
  cli::add_mb_command(app, mb);
  cli::package_options package;
  cli::permissions_options permissions;
  cli::add_package_command(app, package);
  cli::add_permissions_command(app, permissions);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return cli::exit_usage;
  }
  try {
    if (app.got_subcommand("put")) return cli::run_batch_put(put);
    if (app.got_subcommand("mb")) return cli::run_mb(mb);
    if (app.got_subcommand("package")) return cli::run_package(package);
    if (app.got_subcommand("permissions")) return cli::run_permissions(permissions);
  } catch (const quiltup::failure& f) {
    return cli::print_operation_error(f.info());
  }
  return cli::exit_usage;
}
