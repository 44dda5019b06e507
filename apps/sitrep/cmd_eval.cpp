#include "commands.hpp"

namespace sitrep::cli {

void add_eval_command(CLI::App& app, context& ctx) {
  auto* cmd = app.add_subcommand("eval", "(not implemented yet)");
  cmd->callback([&ctx] { ctx.exit_code = 1; });
}

}  // namespace sitrep::cli
