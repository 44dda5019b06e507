// sitrep report: the situation report of all inputs together, as the stream stands at its end
// or at a moment (--until), with what is new since a moment (--since). Stories are told apart
// as the stream is read: the report is about the main story (--story: another one), naming the
// others, or about each (--all-stories).
#include <fmt/format.h>

#include "commands.hpp"
#include "common.hpp"
#include "sitrep/io/time.hpp"
#include "sitrep/report/report.hpp"
#include "sitrep/timeline/key_events.hpp"
#include "story_report.hpp"

namespace sitrep::cli {
namespace {

struct report_args {
  input_options in;
  summary_options sum;
  std::optional<std::string> since;
  std::optional<std::string> until;
  std::optional<std::uint32_t> story;
  bool all_stories = false;
  std::size_t timeline = 8;
};

// The stream position a moment names: just after the update with that id, or, for an
// ISO-8601 time, the first update that arrived after it (stream::view).
std::optional<std::size_t> resolve_moment(const vsm::collection& c, std::string_view flag,
                                          const std::string& moment, int& exit_code) {
  if (auto by_id = stream::view::position_after(c, moment)) return *by_id;
  if (auto t = io::parse_iso8601(moment)) return stream::view::position_after_time(c, *t);
  print_error(fmt::format("{} '{}': no update has this id, and it is not an ISO-8601 time "
                          "(such as 2015-11-20T10:30:00Z)",
                          flag, moment));
  exit_code = kExitBadInput;
  return std::nullopt;
}

int run(const report_args& a) {
  int code = 0;
  auto p = prepare(a.in, a.sum, code);
  if (!p) return code;
  auto f = followers::create();
  if (!f) {
    print_error(f.error().message());
    return 1;
  }
  auto e = read_stream(a.in, code, (*f)->observers());
  if (!e) return code;
  const vsm::collection& c = e->collection();
  if (c.sentence_count() == 0) print_error("warning: the input holds no updates");
  report_request req = (*f)->request(a.timeline);
  req.story = a.story;
  req.all_stories = a.all_stories;
  if (a.until) {
    req.until = resolve_moment(c, "--until", *a.until, code);
    if (!req.until) return code;
    req.until_text = *a.until;
  }
  if (a.since) {
    req.since = resolve_moment(c, "--since", *a.since, code);
    if (!req.since) return code;
    req.since_text = *a.since;
  }
  auto r = build_story_report(*e, (*f)->stories(), *p, req, code);
  if (!r) return code;
  for (const auto& note : r->notes) print_error("note: " + note);
  if (r->since)
    for (const auto& note : r->since->notes) print_error("note: new since: " + note);
  fmt::print("{}", report::write_report(*r, p->format));
  return 0;
}

}  // namespace

void add_report_command(CLI::App& app, context& ctx) {
  auto args = std::make_shared<report_args>();
  auto* cmd = app.add_subcommand(
      "report", "Situation report: what happened, what is new, sources counted, time span");
  add_input_options(cmd, args->in);
  add_summary_options(cmd, args->sum);
  cmd->add_option("--since", args->since,
                  "add what is new after this moment: an update id (as in the JSON, such as "
                  "feed.txt:10) or an ISO-8601 time; summarized within the same budget, without "
                  "what the stream had already told");
  cmd->add_option("--until", args->until,
                  "report the stream as it stood at this moment (an update id or an ISO-8601 "
                  "time) instead of at its end");
  cmd->add_option("--story", args->story,
                  "report this story (an id from `sitrep stories` or the report's JSON) instead of "
                  "the one with the most updates");
  auto* all = cmd->add_flag("--all-stories", args->all_stories,
                            "a section per story, most updates first");
  all->excludes(cmd->get_option("--story"));
  cmd->add_option("--timeline", args->timeline,
                  "key events the Timeline section shows, the last ones (0: none); JSON carries "
                  "every one")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{0}, std::size_t{100000}));
  cmd->callback([args, &ctx] { ctx.exit_code = run(*args); });
}

}  // namespace sitrep::cli
