// sitrep report: the situation report of all inputs together.
#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"
#include "sitrep/report/report.hpp"

namespace sitrep::cli {
namespace {

struct report_args {
  input_options in;
  summary_options sum;
};

int run(const report_args& a) {
  int code = 0;
  auto p = prepare(a.in, a.sum, code);
  if (!p) return code;
  auto c = read_collection(a.in, code);
  if (!c) return code;
  if (c->sentence_count() == 0) print_error("warning: the input holds no updates");
  rank::summary s = p->method->summarize(*c, p->budget);
  print_notes(s);
  fmt::print("{}", report::write_report(report::build_report(*c, s), p->format));
  return 0;
}

}  // namespace

void add_report_command(CLI::App& app, context& ctx) {
  auto args = std::make_shared<report_args>();
  auto* cmd = app.add_subcommand(
      "report", "Situation report: what happened, sources counted, time span");
  add_input_options(cmd, args->in);
  add_summary_options(cmd, args->sum);
  cmd->callback([args, &ctx] { ctx.exit_code = run(*args); });
}

}  // namespace sitrep::cli
