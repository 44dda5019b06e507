// sitrep facts: every figure the updates state (facts::figure_extractor), every reported
// statement (facts::attribution_extractor) and every sentence that marks a claim unverified,
// denied or confirmed (facts::status_detector), as each update arrives; with --format jsonl
// one item a line in the schema of the shared facts labels ({"kind": "figure", "update",
// "surface", "value", "high", "qualifier", "category", "counted", "source", "hedged"},
// {"kind": "attribution", "update", "sentence", "speaker", "cue"}, {"kind": "status",
// "update", "sentence", "status", "cue"}), update by update. The text format adds, at the
// end, each claim whose status changed later in the stream (facts::claim_tracker).
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "common.hpp"
#include "sitrep/facts/figures_observer.hpp"
#include "sitrep/facts/statements_observer.hpp"
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
  facts::statements_observer statements;
  auto e = read_stream(a.in, code, {&figures, &statements});
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
    const bool jsonl = *format == report::output_format::json_lines;
    for (const facts::attribution& at : statements.attributions_of(u)) {
      const std::string_view sentence = span_of(up.text, at.sentence);
      const std::string_view cue = span_of(up.text, at.cue);
      const std::string speaker = at.speaker ? std::string(span_of(up.text, *at.speaker)) : "";
      if (jsonl) {
        nlohmann::json j = {{"kind", "attribution"},
                            {"update", up.id},
                            {"sentence", sentence},
                            {"speaker", at.speaker ? nlohmann::json(speaker) : nlohmann::json()},
                            {"cue", cue}};
        fmt::print("{}\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      } else {
        fmt::print("{}\tsaid\t{}\t{}\t{}\n", report::printable(up.id),
                   at.speaker ? report::printable(speaker) : "(unnamed)", report::printable(cue),
                   report::printable(span_of(up.text, at.content)));
      }
    }
    for (const facts::status_mark& m : statements.marks_of(u)) {
      const std::string_view sentence = span_of(up.text, m.sentence);
      const std::string_view cue = span_of(up.text, m.cue);
      if (jsonl) {
        nlohmann::json j = {{"kind", "status"},
                            {"update", up.id},
                            {"sentence", sentence},
                            {"status", facts::to_string(m.status)},
                            {"cue", cue}};
        fmt::print("{}\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      } else {
        fmt::print("{}\t{}\t{}\t{}\n", report::printable(up.id), facts::to_string(m.status),
                   report::printable(cue), report::printable(sentence));
      }
    }
  }
  if (*format != report::output_format::json_lines) {
    // A claim's status over time, when a later update changed it.
    for (const facts::claim& c : statements.claims()) {
      if (c.history.size() < 2) continue;
      std::string changes;
      for (const auto& h : c.history)
        changes += (changes.empty() ? "" : " -> ") + std::string(facts::to_string(h.status)) + " (" +
                   report::printable(updates[h.update].id) + ")";
      fmt::print("claim\t{}\t{}\n", changes,
                 report::printable(span_of(updates[c.update].text, c.sentence)));
    }
  }
  return 0;
}

}  // namespace

void add_facts_command(CLI::App& app, context& ctx) {
  auto args = std::make_shared<facts_args>();
  auto* cmd = app.add_subcommand(
      "facts",
      "Every figure (value, qualifier, category, source, hedging), reported statement (speaker, "
      "cue) and verification status (unverified, denied, confirmed) the updates state");
  add_input_options(cmd, args->in);
  cmd->add_option("--format", args->format,
                  "text (a line per item: figures, then \"said\" lines, then status lines; then "
                  "each claim whose status changed) or jsonl (the schema of the shared facts "
                  "labels: kinds figure, attribution, status)")
      ->capture_default_str();
  cmd->callback([args, &ctx] { ctx.exit_code = run(*args); });
}

}  // namespace sitrep::cli
