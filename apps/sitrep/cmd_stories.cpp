// sitrep stories: which story each update belongs to, decided as it arrives (one line per
// update, printed as it is read, so a pipe shows each decision at once), then a table of the
// stories (text format).
#include <fmt/format.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "common.hpp"
#include "sitrep/report/report.hpp"
#include "sitrep/stream/stories.hpp"

namespace sitrep::cli {
namespace {

struct stories_args {
  input_options in;
  std::string format = "text";
  std::optional<double> threshold;
};

// Prints each update's story as the tracker (attached before it) decides it.
class printer final : public stream::observer {
 public:
  printer(const stream::stories& t, report::output_format f) : t_(t), format_(f) {}
  void on_add(const stream::engine& e, const stream::sentence_range& added) override {
    const update& u = e.collection().updates()[added.update];
    const std::uint32_t story = t_.story_of(added.update);
    const bool fresh = t_.story(story).first_update == added.update;
    if (format_ == report::output_format::json_lines) {
      const nlohmann::json j = {{"id", u.id},
                                {"story", story},
                                {"new", fresh},
                                {"score", t_.score_of(added.update)}};
      fmt::print("{}\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    } else {
      fmt::print("{}\t{}{}\n", report::printable(u.id), story, fresh ? "\tnew" : "");
    }
    std::fflush(stdout);
  }

 private:
  const stream::stories& t_;
  report::output_format format_;
};

std::string table(const std::vector<report::story_entry>& entries, std::size_t updates) {
  std::string out = fmt::format("\nStories: {} ({} updates)\n", entries.size(), updates);
  out += "story\tupdates\tsources\tfirst\tlast\tlabel\n";
  for (const auto& s : entries) {
    std::string id = std::to_string(s.id);
    for (std::uint32_t a : s.aliases) id += fmt::format("+{}", a);
    out += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\n", id, s.updates, s.sources,
                       report::printable(s.first_time.empty() ? s.first_update_id : s.first_time),
                       report::printable(s.last_time.empty() ? s.last_update_id : s.last_time),
                       report::printable(s.label));
  }
  return out;
}

int run(const stories_args& a) {
  int code = 0;
  auto format = make_format(a.format, code);
  if (!format) return code;
  if (*format == report::output_format::markdown || *format == report::output_format::json) {
    print_error("stories: --format takes text or jsonl");
    return kExitBadInput;
  }
  stream::story_options opts;
  if (a.threshold) opts.threshold = *a.threshold;
  auto tracker = stream::stories::create(opts);
  if (!tracker) {
    print_error(tracker.error().message());
    return kExitBadInput;
  }
  // The printer is attached after the tracker, so each update's story is decided when it prints.
  printer print(*tracker, *format);
  auto e = read_stream(a.in, code, {&*tracker, &print});
  if (!e) return code;
  if (*format == report::output_format::text)
    fmt::print("{}", table(report::list_stories(*tracker, e->collection()), e->size()));
  return 0;
}

}  // namespace

void add_stories_command(CLI::App& app, context& ctx) {
  auto args = std::make_shared<stories_args>();
  auto* cmd = app.add_subcommand(
      "stories", "Which story each update belongs to, decided as it arrives; then the stories");
  add_input_options(cmd, args->in);
  cmd->add_option("--format", args->format,
                  "text (a line per update: id, story, 'new' for a new story; then a table) or "
                  "jsonl (one {\"id\", \"story\", \"new\", \"score\"} a line)")
      ->capture_default_str();
  cmd->add_option("--threshold", args->threshold,
                  "similarity at or above which an update joins a story (default 0.2; higher "
                  "splits more)")
      ->check(CLI::Range(0.0, 10.0));
  cmd->callback([args, &ctx] { ctx.exit_code = run(*args); });
}

}  // namespace sitrep::cli
