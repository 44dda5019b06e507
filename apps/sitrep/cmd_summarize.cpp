#include "commands.hpp"

namespace sitrep::cli {

void add_summarize_command(CLI::App& app, context& ctx) {
  auto* cmd = app.add_subcommand("summarize", "(not implemented yet)");
  cmd->callback([&ctx] { ctx.exit_code = 1; });
}

}  // namespace sitrep::cli
