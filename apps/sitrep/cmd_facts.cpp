// sitrep facts: every figure the updates state (facts::figure_extractor), as each update
// arrives; with --format jsonl one item a line in the schema of the shared facts labels
// ({"kind": "figure", "update", "surface", "value", "high", "qualifier", "category",
// "counted", "source", "hedged"}).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "common.hpp"
#include "sitrep/facts/figures_observer.hpp"
#include "sitrep/report/writer.hpp"

namespace sitrep::cli {
namespace {

struct facts_args {
  input_options in;
  std::string format = "text";
};

std::string_view span_of(const std::string& text, const text::byte_span& s) {
  return std::string_view(text).substr(s.begin, s.size());
}

int run(const facts_args& a) {
  int code = 0;
  auto format = make_format(a.format, code);
  if (!format) return code;
  if (*format == report::output_format::markdown || *format == report::output_format::json) {
    print_error("facts: --format takes text or jsonl");
    return kExitBadInput;
  }
  facts::figures_observer figures;
  auto e = read_stream(a.in, code, {&figures});
  if (!e) return code;
  const auto& updates = e->collection().updates();
  for (std::size_t u = 0; u < figures.updates(); ++u) {
    const update& up = updates[u];
    for (const facts::figure& f : figures.of_update(u)) {
      const std::string_view surface = span_of(up.text, f.surface);
      const std::string_view counted = span_of(up.text, f.counted);
      const std::string source = f.source ? std::string(span_of(up.text, *f.source)) : "";
      if (*format == report::output_format::json_lines) {
        nlohmann::json j = {{"kind", "figure"},
                            {"update", up.id},
                            {"surface", surface},
                            {"value", f.value},
                            {"qualifier", facts::to_string(f.qualifier)},
                            {"category", facts::to_string(f.category)},
                            {"counted", counted},
                            {"source", f.source ? nlohmann::json(source) : nlohmann::json()},
                            {"hedged", f.hedged}};
        if (f.high) j["high"] = *f.high;
        fmt::print("{}\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      } else {
        fmt::print("{}\t{}\t{}\t{}\t{}{}\n", report::printable(up.id),
                   report::printable(surface), facts::to_string(f.category),
                   report::printable(counted), source.empty() ? "" : "per " + report::printable(source),
                   f.hedged ? "\thedged" : "");
      }
    }
  }
  return 0;
}

}  // namespace

void add_facts_command(CLI::App& app, context& ctx) {
  auto args = std::make_shared<facts_args>();
  auto* cmd = app.add_subcommand(
      "facts", "Every figure the updates state: value, qualifier, category, source, hedging");
  add_input_options(cmd, args->in);
  cmd->add_option("--format", args->format,
                  "text (update, figure, category, what it counts, source) or jsonl (the schema "
                  "of the shared facts labels, kind figure)")
      ->capture_default_str();
  cmd->callback([args, &ctx] { ctx.exit_code = run(*args); });
}

}  // namespace sitrep::cli
