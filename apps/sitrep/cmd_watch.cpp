// sitrep watch: follows a file (as `tail -F` does) or standard input and refreshes the situation
// report as updates arrive. The following is io::follower's, the stream stream::engine's; this
// file only decides when to refresh and how a refresh reaches the screen.
#include <fcntl.h>
#include <malloc.h>
#include <signal.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "common.hpp"
#include "sitrep/io/follower.hpp"
#include "sitrep/io/record_decoder.hpp"
#include "sitrep/rank/summary.hpp"
#include "sitrep/report/report.hpp"
#include "sitrep/stream/engine.hpp"
#include "sitrep/stream/stories.hpp"
#include "sitrep/timeline/key_events.hpp"
#include "story_report.hpp"

namespace sitrep::cli {
namespace {

using clock = std::chrono::steady_clock;

// How long one batch of available lines may be read before a refresh is considered: a fast
// writer or a long backlog still shows progress, and watch never falls behind by more.
constexpr auto kBatchTime = std::chrono::milliseconds(200);
// Messages of skipped records printed as they happen (the count goes on past it).
constexpr std::size_t kMaxSkipMessages = 20;
constexpr double kMaxIntervalSeconds = 86400;

struct watch_args {
  input_options in;
  summary_options sum;
  std::string every = "1";
  std::string window = "500";
  std::optional<std::string> interval;
  bool from_end = false;
};

// ---- The refresh: the one place that builds a report. ----

struct rendered {
  std::string text;                ///< the report in the output format
  std::vector<std::string> notes;  ///< the summary's notes (printed on stderr when they change)
};

// The report of the stream so far. With `window`, its summary is of the main story's newest
// `window` updates (a refresh's cost stays flat as the stream grows; the counts, sources and
// time span are of the whole story, kept by its engine); without, it is built exactly as
// `sitrep report` builds it. Every use of the summarize and report APIs is here.
std::optional<rendered> render(const stream::engine& e, followers& f, const prepared& p,
                               std::optional<std::size_t> window) {
  int code = 0;
  auto r = window ? f.follow().refresh(e, p, *window, code)
                  : build_story_report(e, f.stories(), p, f.request(), code);
  if (!r) return std::nullopt;
  return rendered{report::write_report(*r, p.format), std::move(r->notes)};
}

// ---- Signals: the handler only records the signal and writes to a self-pipe. ----

volatile sig_atomic_t g_stop_signal = 0;
int g_wake_write = -1;

extern "C" void on_stop_signal(int sig) {
  const int saved = errno;
  g_stop_signal = sig;
  if (g_wake_write >= 0) {
    [[maybe_unused]] const ssize_t n = ::write(g_wake_write, "x", 1);
  }
  errno = saved;
}

// SIGINT and SIGTERM handlers for the watch's lifetime, and the pipe they wake it through.
class stop_signals {
 public:
  stop_signals() {
    if (::pipe2(fds_, O_NONBLOCK | O_CLOEXEC) != 0) return;
    g_wake_write = fds_[1];
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;  // writes to stdout go on; poll(2) still wakes
    ok_ = ::sigaction(SIGINT, &sa, &old_int_) == 0 && ::sigaction(SIGTERM, &sa, &old_term_) == 0;
  }
  ~stop_signals() {
    ::sigaction(SIGINT, &old_int_, nullptr);
    ::sigaction(SIGTERM, &old_term_, nullptr);
    g_wake_write = -1;
    if (fds_[0] >= 0) ::close(fds_[0]);
    if (fds_[1] >= 0) ::close(fds_[1]);
  }
  stop_signals(const stop_signals&) = delete;
  stop_signals& operator=(const stop_signals&) = delete;

  bool ok() const { return ok_; }
  int wake_fd() const { return fds_[0]; }
  static bool stopped() { return g_stop_signal != 0; }

 private:
  int fds_[2] = {-1, -1};
  bool ok_ = false;
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

// ---- Options ----

// --interval: seconds as decimal digits with an optional fraction ("2", "0.5"), from 0.001
// to a day.
result<std::chrono::duration<double>> parse_interval(std::string_view text) {
  const std::string expected =
      fmt::format("--interval takes seconds from 0.001 to {}, written like 2 or 0.5, got '{}'",
                  kMaxIntervalSeconds, text);
  const auto dot = text.find('.');
  const auto digits = [](std::string_view s) {
    return s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (text.empty() || !digits(text.substr(0, dot)) ||
      (dot != std::string_view::npos && (dot + 1 == text.size() || !digits(text.substr(dot + 1)))))
    return invalid_argument(expected);
  double value = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || p != text.data() + text.size() || value < 0.001 ||
      value > kMaxIntervalSeconds)
    return invalid_argument(expected);
  return std::chrono::duration<double>(value);
}

// ---- Output ----

enum class screen {
  redraw,      // a terminal and text or Markdown: the report redrawn in place
  separated,   // not a terminal: each report followed by a "---" line
  json_lines,  // one compact JSON report per line
};

// Writes and flushes; false when standard output failed (a reader that went away while
// SIGPIPE is ignored, a full disk): a watch that cannot show anything ends.
bool put(std::string_view s) {
  std::fwrite(s.data(), 1, s.size(), stdout);
  return std::fflush(stdout) == 0 && std::ferror(stdout) == 0;
}

std::string clock_time() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  return std::strftime(buf, sizeof buf, "%H:%M:%S", &tm) > 0 ? buf : "";
}

// ---- The watch ----

class watch {
 public:
  // `f` is attached to `e` before its first update.
  watch(const std::string& path, prepared p, std::unique_ptr<followers> f, stream::engine e,
        io::record_decoder decode,
        const io::read_options& ro, screen mode, std::size_t every, std::size_t window,
        std::optional<std::chrono::duration<double>> interval)
      : path_(path),
        p_(std::move(p)),
        followers_(std::move(f)),
        engine_(std::move(e)),
        decode_(std::move(decode)),
        ro_(ro),
        mode_(mode),
        every_(every),
        window_(window),
        interval_(interval) {}

  // Follows `f` until its end or a stop signal (0), a bad record or a read error (2), or
  // standard output fails (1).
  int run(io::follower& f) {
    if (mode_ == screen::redraw &&
        !put(fmt::format("\x1b[H\x1b[2Jsitrep watch: waiting for updates from {} (Ctrl-C ends)\n",
                         shown_name())))
      return output_failed();
    for (;;) {
      io::follow_event ev = io::follow_event::idle;
      const auto batch_start = clock::now();
      bool first = true;
      bool batch_full = false;
      // Read what is there, waiting first only when no refresh is due sooner.
      for (;;) {
        ev = f.next(first ? wait_ms() : 0);
        first = false;
        if (ev == io::follow_event::line || ev == io::follow_event::too_long) {
          if (!take(f, ev)) return kExitBadInput;
        } else if (ev == io::follow_event::truncated || ev == io::follow_event::replaced ||
                   ev == io::follow_event::vanished) {
          say_file_event(ev);
        } else {
          break;  // idle, woken, end, read_error
        }
        if (stop_signals::stopped()) {
          ev = io::follow_event::woken;
          break;
        }
        if (clock::now() - batch_start >= kBatchTime) {
          batch_full = true;
          break;
        }
      }
      if (ev == io::follow_event::read_error) {
        print_error(f.error());
        return kExitBadInput;
      }
      if (ev == io::follow_event::woken && stop_signals::stopped()) return stop(f);
      if (ev == io::follow_event::end) return finish();
      if (batch_full || ev == io::follow_event::idle) {
        if (refresh_due() && !refresh(false)) return output_failed();
      }
    }
  }

 private:
  // How long the next wait may be: until the interval lets a due refresh happen, else no limit.
  int wait_ms() const {
    if (pending_ < every_ || !interval_) return pending_ >= every_ ? 0 : -1;
    const auto due = last_refresh_ + std::chrono::duration_cast<clock::duration>(*interval_);
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(due - clock::now()).count();
    return left <= 0 ? 0 : static_cast<int>(left);
  }

  bool refresh_due() const {
    if (pending_ < every_) return false;
    if (!interval_ || !shown_) return true;
    return clock::now() - last_refresh_ >= *interval_;
  }

  // Decodes and adds one line; false after printing the error when it is bad and not skipped.
  bool take(const io::follower& f, io::follow_event ev) {
    const std::size_t number = f.line_number();
    const std::string where = fmt::format("{}:{}", path_, number);
    if (ev == io::follow_event::too_long)
      return bad(fmt::format("{}: line longer than {} bytes", where, ro_.max_line_bytes));
    auto record = decode_(f.line(), number);
    if (!record) return bad(record.error().message());
    if (!*record) return true;  // a blank line
    if ((*record)->text.empty()) ++stats_.without_text;
    auto added = engine_.add(std::move(**record));
    if (!added) return bad(where + ": " + added.error().message());
    ++stats_.records;
    ++pending_;
    return true;
  }

  // A bad record: the end of the watch, or a skip counted and said under --skip-bad.
  bool bad(const std::string& message) {
    if (!ro_.skip_bad) {
      print_error(message);
      return false;
    }
    ++stats_.skipped;
    if (stats_.skipped <= kMaxSkipMessages) print_error("skipped (--skip-bad): " + message);
    if (stats_.skipped == kMaxSkipMessages)
      print_error("further skipped records are counted, not shown");
    return true;
  }

  std::string shown_name() const {
    return path_ == "-" ? "standard input" : report::printable(path_);
  }

  void say_file_event(io::follow_event ev) const {
    if (ev == io::follow_event::truncated)
      print_error(path_ + ": file truncated; reading it again from its start");
    else if (ev == io::follow_event::replaced)
      print_error(path_ + ": file replaced; reading the new one from its start");
    else
      print_error(path_ + ": file vanished; waiting for it to come back");
  }

  // Writes the report; false when standard output failed.
  bool refresh(bool final) {
    auto made = render(engine_, *followers_, p_,
                       final ? std::nullopt : std::optional(window_));
    if (!made) return false;
    rendered r = std::move(*made);
    windowed_ = !final && engine_.size() > window_;
    if (r.notes != notes_) {
      for (const auto& note : r.notes) print_error("note: " + note);
      notes_ = std::move(r.notes);
    }
    bool written = true;
    switch (mode_) {
      case screen::json_lines:
        written = put(r.text);
        break;
      case screen::separated:
        // In Markdown a blank line first keeps "---" a rule (not a heading underline).
        written =
            put(r.text + (p_.format == report::output_format::markdown ? "\n---\n\n" : "---\n"));
        break;
      case screen::redraw: {
        std::string skipped =
            stats_.skipped > 0 ? fmt::format(", {} skipped", stats_.skipped) : std::string();
        written =
            put(fmt::format("\x1b[H\x1b[2J{}\n-- {} {}: {} update{}{}, {} {}{} --\n", r.text,
                            final ? "watched" : "watching", shown_name(), engine_.size(),
                            engine_.size() == 1 ? "" : "s", skipped, final ? "ended" : "refreshed",
                            clock_time(), final ? "" : " (Ctrl-C ends)"));
        break;
      }
    }
    pending_ = 0;
    shown_ = true;
    last_refresh_ = clock::now();
    return written;
  }

  static int output_failed() {
    print_error(fmt::format("cannot write the report: {}", std::strerror(errno)));
    return 1;
  }

  // A stop signal: what is already there is read (a bounded batch), then the final report.
  int stop(io::follower& f) {
    const auto start = clock::now();
    for (;;) {
      const io::follow_event ev = f.next(0);
      if (ev == io::follow_event::line || ev == io::follow_event::too_long) {
        if (!take(f, ev)) return kExitBadInput;
      } else if (ev != io::follow_event::truncated && ev != io::follow_event::replaced &&
                 ev != io::follow_event::vanished) {
        break;
      }
      if (clock::now() - start >= kBatchTime) break;
    }
    return finish();
  }

  // The final report and the skip count. A report stream gets it only when the last report
  // written is not already up to date; a screen is redrawn to say that watching has ended.
  int finish() {
    if ((pending_ > 0 || !shown_ || windowed_ || mode_ == screen::redraw) && !refresh(true))
      return output_failed();
    if (stats_.skipped > 0) {
      print_error(fmt::format("skipped {} bad record{} (--skip-bad); read {} update{}",
                              stats_.skipped, stats_.skipped == 1 ? "" : "s", stats_.records,
                              stats_.records == 1 ? "" : "s"));
    }
    return 0;
  }

  std::string path_;
  prepared p_;
  // The observers outlive the engine that calls them (members end in reverse order).
  std::unique_ptr<followers> followers_;
  stream::engine engine_;
  io::record_decoder decode_;
  io::read_options ro_;
  screen mode_;
  std::size_t every_;
  std::size_t window_;
  bool windowed_ = false;  // the last report summarized a window, not the whole stream
  std::optional<std::chrono::duration<double>> interval_;
  io::read_stats stats_;
  std::size_t pending_ = 0;  // updates added since the last report
  bool shown_ = false;       // a report has been written
  clock::time_point last_refresh_{};
  std::vector<std::string> notes_;
};

// A refresh allocates and frees the same few megabytes of working memory every update. glibc
// would serve blocks that large with mmap and give them back with munmap each time, so every
// refresh paid its page faults again (a third of its time at 1,000 updates); a long-running
// watch keeps them in its heap instead.
void keep_working_memory() {
  ::mallopt(M_MMAP_THRESHOLD, 64 << 20);
  ::mallopt(M_TRIM_THRESHOLD, 256 << 20);
}

int run(const watch_args& a) {
  keep_working_memory();
  int code = 0;
  if (a.in.files.size() != 1) {
    print_error("watch follows one file, or - for standard input");
    return kExitBadInput;
  }
  const std::string& path = a.in.files.front();
  summary_options sum = a.sum;
  // JSON in a stream of reports is one report a line, whichever of the two was asked for.
  const bool json = sum.format == "json" || sum.format == "jsonl";
  if (json) sum.format = "jsonl";
  auto p = prepare(a.in, sum, code);
  if (!p) return code;
  auto ro = read_options_for(a.in, code);
  if (!ro) return code;
  auto every = parse_count("--every", a.every, std::size_t{1} << 30);
  if (!every) {
    print_error(every.error().message());
    return kExitBadInput;
  }
  auto window = parse_count("--window", a.window, std::size_t{1} << 40);
  if (!window) {
    print_error(window.error().message());
    return kExitBadInput;
  }
  std::optional<std::chrono::duration<double>> interval;
  if (a.interval) {
    auto parsed = parse_interval(*a.interval);
    if (!parsed) {
      print_error(parsed.error().message());
      return kExitBadInput;
    }
    interval = *parsed;
  }
  if (a.from_end && path == "-") {
    print_error("--from-end needs a file: standard input is read as it comes");
    return kExitBadInput;
  }
  stream::engine::options eo;
  eo.space = space_options(a.in);
  auto e = stream::engine::create(eo);
  if (!e) {
    print_error(e.error().message());
    return kExitBadInput;
  }
  auto observers = followers::create();
  if (!observers) {
    print_error(observers.error().message());
    return 1;
  }
  if (!(*observers)->attach(*e)) {
    print_error("cannot follow the stories");
    return 1;
  }

  stop_signals signals;
  if (!signals.ok()) {
    print_error("cannot set up the SIGINT and SIGTERM handlers");
    return 1;
  }
  io::follower_options fo;
  fo.max_line_bytes = ro->max_line_bytes;
  fo.from_start = !a.from_end;
  fo.wake_fd = signals.wake_fd();
  auto f = io::follower::open(path, fo);
  if (!f) {
    print_error(f.error().message());
    return kExitBadInput;
  }
  const io::input_format format =
      ro->format == io::input_format::automatic ? io::format_for_path(path) : ro->format;
  const screen mode = json                      ? screen::json_lines
                      : ::isatty(STDOUT_FILENO) ? screen::redraw
                                                : screen::separated;
  watch w(path, std::move(*p), std::move(*observers), std::move(e).value(), io::record_decoder(path, format), *ro, mode,
          *every, *window, interval);
  return w.run(*f);
}

}  // namespace

void add_watch_command(CLI::App& app, context& ctx) {
  auto args = std::make_shared<watch_args>();
  auto* cmd = app.add_subcommand(
      "watch",
      "Follow a file as it grows (as tail -F does) or standard input, and refresh the "
      "situation report as updates arrive; Ctrl-C ends with the final report");
  add_input_options(cmd, args->in);
  add_summary_options(cmd, args->sum);
  cmd->get_option("files")->description(
      "the file to follow (plain text: one update a line; .jsonl: canonical records), read "
      "from its start and then as it grows, through truncation and replacement; - for "
      "standard input, read until it is closed");
  cmd->get_option("--format")
      ->description(
          "output format: text or markdown (on a terminal the report is redrawn in place, "
          "otherwise each report is followed by a line '---'), json or jsonl (both: one compact "
          "JSON report per line)");
  cmd->add_option("--every", args->every,
                  "refresh once at least N new updates have arrived since the last report")
      ->capture_default_str();
  cmd->add_option("--interval", args->interval,
                  "refresh at most every SECONDS (like 2 or 0.5), gathering the updates that "
                  "arrive meanwhile into one report; with --every, a refresh needs both: N new "
                  "updates and SECONDS since the last report");
  cmd->add_option("--window", args->window,
                  "a refresh summarizes the newest N updates (its cost stays flat however long the "
                  "stream grows; counts, sources and time span are always of the whole stream); "
                  "the final report summarizes the whole stream, as sitrep report does")
      ->capture_default_str();
  cmd->add_flag("--from-end", args->from_end,
                "follow only what is appended to the file after watch starts (default: the "
                "whole file from its start, then what is appended)");
  cmd->footer(
      "A report is written after each batch of new updates (every line available at once is "
      "read before the report is refreshed, so a fast writer never makes watch fall behind); "
      "nothing is written while nothing changes. At the end of standard input, and on SIGINT "
      "(Ctrl-C) or SIGTERM, watch writes the final report and exits 0; a followed file never "
      "ends by itself. A bad record stops watch with 'sitrep: FILE:LINE: ...' and exit 2, or "
      "with --skip-bad is skipped, said on standard error and counted.");
  cmd->callback([args, &ctx] { ctx.exit_code = run(*args); });
}

}  // namespace sitrep::cli
