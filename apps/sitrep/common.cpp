#include "common.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>
#include <cstdio>

namespace sitrep::cli {

void add_input_options(CLI::App* cmd, input_options& o) {
  cmd->add_option("files", o.files,
                  "input files or folders (plain text: one update a line; .jsonl: canonical "
                  "records); - for standard input")
      ->required();
  cmd->add_option("--input-format", o.input_format, "auto (by extension), text or jsonl")
      ->capture_default_str();
  cmd->add_flag("--skip-bad", o.skip_bad,
                "skip bad records (and binary files), count and report them, instead of failing");
  cmd->add_option("--max-line-bytes", o.max_line_bytes,
                  "longest accepted input line, in bytes (at most 268435456); a longer one is bad "
                  "input")
      ->capture_default_str();
  cmd->add_option("--language", o.language,
                  "language of the text: Snowball name or ISO code (english, fr, de, ...)")
      ->capture_default_str();
}

void add_summary_options(CLI::App* cmd, summary_options& o) {
  cmd->add_option("--method", o.method, "summarization method (see `sitrep methods`)")
      ->default_str(std::string(rank::default_method()));
  auto* w = cmd->add_option(
      "--words", o.words,
      fmt::format("budget in white-space words, 1 to {} (default 100)", rank::kMaxBudgetWords));
  auto* b = cmd->add_option("--bytes", o.bytes,
                            fmt::format("budget in bytes, 1 to {}", rank::kMaxBudgetBytes));
  auto* s = cmd->add_option(
      "--sentences", o.sentences,
      fmt::format("budget in sentences, 1 to {}", rank::kMaxBudgetSentences));
  w->excludes(b)->excludes(s);
  b->excludes(s);
  cmd->add_option("--format", o.format,
                  "output format: text, markdown, json, or jsonl (the JSON on one line)")
      ->capture_default_str();
}

void print_error(std::string_view message) { fmt::print(stderr, "sitrep: {}\n", message); }

void print_notes(const rank::summary& s) {
  for (const auto& note : s.notes) fmt::print(stderr, "sitrep: note: {}\n", note);
}

namespace {

std::optional<io::read_options> make_read_options(const input_options& o, int& exit_code) {
  auto format = io::parse_input_format(o.input_format);
  if (!format) {
    print_error(format.error().message());
    exit_code = kExitBadInput;
    return std::nullopt;
  }
  io::read_options ro;
  ro.format = *format;
  ro.skip_bad = o.skip_bad;
  auto max_line = parse_count("--max-line-bytes", o.max_line_bytes, kMaxLineBytesBound);
  if (!max_line) {
    print_error(max_line.error().message());
    exit_code = kExitBadInput;
    return std::nullopt;
  }
  ro.max_line_bytes = *max_line;
  return ro;
}

// Prints the failure, or what --skip-bad skipped; false on failure.
bool report_reading(const status& st, const io::read_stats& stats, int& exit_code) {
  if (!st) {
    print_error(st.message());
    exit_code = kExitBadInput;
    return false;
  }
  if (stats.skipped > 0) {
    fmt::print(stderr, "sitrep: skipped {} bad record{} (--skip-bad); read {} update{}\n",
               stats.skipped, stats.skipped == 1 ? "" : "s", stats.records,
               stats.records == 1 ? "" : "s");
    for (const auto& m : stats.skip_messages) fmt::print(stderr, "  {}\n", m);
    if (stats.skip_messages.size() < stats.skipped)
      fmt::print(stderr, "  ... and {} more\n", stats.skipped - stats.skip_messages.size());
  }
  return true;
}

}  // namespace

std::optional<std::vector<io::input_document>> read_all(const input_options& o, int& exit_code) {
  auto ro = make_read_options(o, exit_code);
  if (!ro) return std::nullopt;
  io::read_stats stats;
  auto docs = io::read_inputs(o.files, *ro, stats);
  if (!report_reading(docs ? status::ok() : docs.error(), stats, exit_code)) return std::nullopt;
  return std::move(docs).value();
}

vsm::collection::options space_options(const input_options& o) {
  vsm::collection::options opts;
  opts.analysis.language = o.language;
  return opts;
}

std::optional<vsm::collection> new_collection(const input_options& o, int& exit_code) {
  auto c = vsm::collection::create(space_options(o));
  if (!c) {
    print_error(c.error().message());
    exit_code = kExitBadInput;
    return std::nullopt;
  }
  return std::move(c).value();
}

std::optional<stream::engine> new_stream(const input_options& o, int& exit_code) {
  stream::engine::options opts;
  opts.space = space_options(o);
  auto e = stream::engine::create(opts);
  if (!e) {
    print_error(e.error().message());
    exit_code = kExitBadInput;
    return std::nullopt;
  }
  return std::move(e).value();
}

namespace {

// Readers hand on valid UTF-8 only, so the engine refuses nothing they read; should it, the
// update is named and the run fails rather than dropping it.
bool add_update(stream::engine& e, update&& u, int& exit_code) {
  if (auto added = e.add(std::move(u)); !added) {
    print_error(added.error().message());
    exit_code = 1;
    return false;
  }
  return true;
}

}  // namespace

std::optional<stream::engine> read_stream(const input_options& o, int& exit_code,
                                          const std::vector<stream::observer*>& watchers) {
  auto ro = make_read_options(o, exit_code);
  if (!ro) return std::nullopt;
  auto e = new_stream(o, exit_code);
  if (!e) return std::nullopt;
  for (stream::observer* w : watchers) {
    if (auto st = e->attach(*w); !st) {
      print_error(st.message());
      exit_code = 1;
      return std::nullopt;
    }
  }
  io::read_stats stats;
  io::update_handler into;
  bool ok = true;
  into.on_update = [&](update&& u) { ok = ok && add_update(*e, std::move(u), exit_code); };
  if (!report_reading(io::for_each_update(o.files, *ro, stats, into), stats, exit_code) || !ok) {
    return std::nullopt;
  }
  return std::move(e).value();
}

std::optional<stream::engine> build_stream(std::vector<io::input_document>&& docs,
                                           const input_options& o, int& exit_code) {
  auto e = new_stream(o, exit_code);
  if (!e) return std::nullopt;
  for (auto& d : docs) {
    for (auto& u : d.updates)
      if (!add_update(*e, std::move(u), exit_code)) return std::nullopt;
    d.updates.clear();
    d.updates.shrink_to_fit();
  }
  return std::move(e).value();
}

result<std::size_t> parse_budget_value(std::string_view flag, std::string_view text,
                                       rank::budget_unit unit) {
  return parse_count(flag, text, rank::max_budget(unit));
}

result<std::size_t> parse_count(std::string_view flag, std::string_view text, std::size_t max) {
  const std::string expected = fmt::format(
      "{} takes a whole number from 1 to {}, written in decimal digits, got '{}'", flag, max, text);
  if (text.empty() || text.find_first_not_of("0123456789") != std::string_view::npos)
    return invalid_argument(expected);
  std::uint64_t value = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || p != text.data() + text.size() || value == 0 || value > max)
    return invalid_argument(expected);
  return static_cast<std::size_t>(value);
}

std::optional<rank::budget> make_budget(const summary_options& o, int& exit_code) {
  rank::budget b;
  struct given {
    const char* flag;
    rank::budget_unit unit;
    const std::optional<std::string>& value;
  };
  for (const given& g : {given{"--bytes", rank::budget_unit::bytes, o.bytes},
                         given{"--sentences", rank::budget_unit::sentences, o.sentences},
                         given{"--words", rank::budget_unit::words, o.words}}) {
    if (!g.value) continue;
    auto limit = parse_budget_value(g.flag, *g.value, g.unit);
    if (!limit) {
      print_error(limit.error().message());
      exit_code = kExitBadInput;
      return std::nullopt;
    }
    b = {g.unit, *limit};
    break;
  }
  if (auto st = rank::validate(b); !st) {
    print_error(st.message());
    exit_code = kExitBadInput;
    return std::nullopt;
  }
  return b;
}

std::unique_ptr<rank::summarizer> make_method(const summary_options& o, int& exit_code) {
  auto s = rank::make_summarizer(o.method.empty() ? rank::default_method() : o.method);
  if (!s) {
    print_error(s.error().message());
    exit_code = kExitBadInput;
    return nullptr;
  }
  return std::move(s).value();
}

std::optional<report::output_format> make_format(const std::string& name, int& exit_code) {
  auto f = report::parse_output_format(name);
  if (!f) {
    print_error(f.error().message());
    exit_code = kExitBadInput;
    return std::nullopt;
  }
  return *f;
}

std::optional<prepared> prepare(const input_options& in, const summary_options& sum,
                                int& exit_code) {
  auto budget = make_budget(sum, exit_code);
  auto method = make_method(sum, exit_code);
  auto format = make_format(sum.format, exit_code);
  if (!budget || !method || !format) return std::nullopt;
  // Usage errors (an unknown language or input format) are said before any input is read.
  if (!make_read_options(in, exit_code)) return std::nullopt;
  if (!new_collection(in, exit_code)) return std::nullopt;
  return prepared{*budget, std::move(method), *format};
}

std::optional<io::read_options> read_options_for(const input_options& o, int& exit_code) {
  return make_read_options(o, exit_code);
}

}  // namespace sitrep::cli
