// sitrep — situation reports from a stream of news updates. See README.md.
#include <CLI/CLI.hpp>

#include "commands.hpp"

#ifndef SITREP_VERSION
#define SITREP_VERSION "unknown"
#endif

int main(int argc, char** argv) {
  CLI::App app{"sitrep: turn a stream of news updates into a situation report", "sitrep"};
  app.set_version_flag("--version", std::string("sitrep ") + SITREP_VERSION);
  app.require_subcommand(1);
  app.fallthrough(false);

  sitrep::cli::context ctx;
  sitrep::cli::add_report_command(app, ctx);
  sitrep::cli::add_watch_command(app, ctx);
  sitrep::cli::add_stories_command(app, ctx);
  sitrep::cli::add_facts_command(app, ctx);
  sitrep::cli::add_timeline_command(app, ctx);
  sitrep::cli::add_serve_command(app, ctx);
  sitrep::cli::add_summarize_command(app, ctx);
  sitrep::cli::add_methods_command(app, ctx);
  sitrep::cli::add_eval_command(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" with exit code 0; usage errors exit 2.
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return ctx.exit_code;
}
