// sitrep timeline: the key events of the stream in time order, each decided when its update
// arrived (timeline::key_events), with one sentence saying what happened and who carried it.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "common.hpp"
#include "sitrep/report/writer.hpp"
#include "sitrep/timeline/key_events.hpp"

namespace sitrep::cli {
namespace {

struct timeline_args {
  input_options in;
  std::string format = "text";
};

int run(const timeline_args& a) {
  int code = 0;
  auto format = make_format(a.format, code);
  if (!format) return code;
  auto keys = timeline::key_events::create({});
  if (!keys) {
    print_error(keys.error().message());
    return 1;
  }
  auto e = read_stream(a.in, code, {&*keys});
  if (!e) return code;
  const auto entries = keys->timeline(*e);
  const auto& updates = e->collection().updates();
  switch (*format) {
    case report::output_format::json_lines:
    case report::output_format::json:
      for (const auto& k : entries) {
        const nlohmann::json j = {{"id", updates[k.update].id},
                                  {"time", k.time.empty() ? nlohmann::json() : nlohmann::json(k.time)},
                                  {"text", k.text},
                                  {"score", k.score},
                                  {"sources", k.sources}};
        fmt::print("{}\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      }
      break;
    case report::output_format::text:
    case report::output_format::markdown: {
      const bool md = *format == report::output_format::markdown;
      if (md) fmt::print("# Timeline\n\n");
      else fmt::print("TIMELINE ({} key events of {} updates)\n", entries.size(), updates.size());
      for (const auto& k : entries) {
        std::string who;
        for (const auto& s : k.sources) who += (who.empty() ? "" : ", ") + s;
        const std::string when = k.time.empty() ? updates[k.update].id : k.time;
        const std::string by = who.empty() ? "" : " (" + report::printable(who) + ")";
        if (md) fmt::print("- **{}** {}{}\n", report::printable(when), report::printable(k.text), by);
        else fmt::print("  {}  {}{}\n", report::printable(when), report::printable(k.text), by);
      }
      break;
    }
  }
  return 0;
}

}  // namespace

void add_timeline_command(CLI::App& app, context& ctx) {
  auto args = std::make_shared<timeline_args>();
  auto* cmd = app.add_subcommand(
      "timeline", "The key events in time order, each decided as its update arrived");
  add_input_options(cmd, args->in);
  cmd->add_option("--format", args->format,
                  "text, markdown, or jsonl (one {\"id\", \"time\", \"text\", \"score\", "
                  "\"sources\"} a line)")
      ->capture_default_str();
  cmd->callback([args, &ctx] { ctx.exit_code = run(*args); });
}

}  // namespace sitrep::cli
