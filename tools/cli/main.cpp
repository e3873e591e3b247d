// quiltup: the command-line face of the engine. One file per subcommand; this file only
// registers them and maps CLI11's parse errors to exit code 2.
#include "json_output.hpp"
#include "mb_command.hpp"
#include "put_command.hpp"

#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
  namespace cli = quiltup::cli;
  CLI::App app{"quiltup: upload data to S3 as fast as the machine allows"};
  app.require_subcommand(1);
  cli::put_options put;
  cli::mb_options mb;
  cli::add_put_command(app, put);
  cli::add_mb_command(app, mb);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return cli::exit_usage;
  }
  try {
    if (app.got_subcommand("put")) return cli::run_put(put);
    if (app.got_subcommand("mb")) return cli::run_mb(mb);
  } catch (const quiltup::failure& f) {
    return cli::print_operation_error(f.info());
  }
  return cli::exit_usage;
}
