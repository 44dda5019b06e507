// sitrep methods: the summarization methods, one line each.
#include <fmt/format.h>

#include "commands.hpp"
#include "sitrep/rank/summarizer.hpp"

namespace sitrep::cli {

void add_methods_command(CLI::App& app, context& ctx) {
  auto* cmd = app.add_subcommand("methods", "List the summarization methods, one line each");
  cmd->callback([&ctx] {
    for (const auto& m : rank::methods()) {
      fmt::print("{:<11}{}{} [{}]\n", m.id, m.summary,
                 m.id == rank::default_method() ? " (default)" : "", m.reference);
    }
    ctx.exit_code = 0;
  });
}

}  // namespace sitrep::cli
