// The `sitrep` command line: one file per command, each registering a CLI11 subcommand.
// Commands are thin: they parse options, call the library, hand results to a writer, and
// translate errors into exit status once (0 ok, 2 bad input or usage, 1 anything else).
#pragma once

#include <CLI/CLI.hpp>

namespace sitrep::cli {

/// Exit status a command's callback leaves for main() to return.
struct context {
  int exit_code = 0;
};

void add_summarize_command(CLI::App& app, context& ctx);
void add_report_command(CLI::App& app, context& ctx);
void add_eval_command(CLI::App& app, context& ctx);
void add_methods_command(CLI::App& app, context& ctx);
void add_watch_command(CLI::App& app, context& ctx);
void add_stories_command(CLI::App& app, context& ctx);
void add_facts_command(CLI::App& app, context& ctx);
void add_timeline_command(CLI::App& app, context& ctx);
void add_serve_command(CLI::App& app, context& ctx);  // apps/server/cmd_serve.cpp

}  // namespace sitrep::cli
