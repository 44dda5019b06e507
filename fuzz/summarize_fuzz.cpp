// summarize_fuzz: a whole summarize call on a small fuzzed stream, every method, then the
// report and its writers.
//
// Input (at most 4 KiB, so a run stays fast): byte 0 picks the budget (unit and a small limit),
// byte 1 how updates are dated and attributed, the rest is the stream, one update a line. A line
// becomes an update as a reader would return it (the collection takes non-empty valid UTF-8):
// empty lines, lines with invalid UTF-8 and lines holding a NUL byte are passed over, white
// space only lines are kept (the collection's contract allows them). The updates are built here
// rather than read through io::read_stream, so that the methods get the run's time (the 1 MiB
// read block of the reader on this branch's base cost ~5 ms a stream under ASan);
// text_reader_fuzz covers the reader.
// Invariants (include/sitrep/rank/summarizer.hpp, summary.hpp, report/report.hpp, writer.hpp):
//  - never a crash; every method of the table is made and runs;
//  - a summary names its method, is in stream order with valid sentence indices, is within the
//    budget, and is non-empty when the collection has a sentence (unless a byte budget cannot
//    hold one character); a pick's text is non-empty valid UTF-8;
//  - the report counts the collection's updates and sentences and cites the summary; the text,
//    Markdown and JSON writers give valid UTF-8; the JSON parses.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz_check.hpp"
#include "sitrep/rank/summarizer.hpp"
#include "sitrep/report/report.hpp"
#include "sitrep/report/writer.hpp"
#include "sitrep/vsm/collection.hpp"

namespace {

using namespace sitrep;

constexpr std::size_t kMaxInput = 4096;

rank::budget budget_from(std::uint8_t b) {
  const std::size_t n = b >> 2;  // 0..63
  switch (b & 3) {
    case 0:
      return {rank::budget_unit::words, 1 + n};
    case 1:
      return {rank::budget_unit::bytes, 1 + 4 * n};
    case 2:
      return {rank::budget_unit::sentences, 1 + n % 8};
    default:
      return {rank::budget_unit::words, 100};  // the command line's default
  }
}

void check_output(const std::string& out, report::output_format format) {
  SITREP_FUZZ_CHECK(fuzz::valid_utf8(out));
  if (format == report::output_format::json)
    SITREP_FUZZ_CHECK(!nlohmann::json::parse(out, nullptr, false).is_discarded());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2 || size > kMaxInput) return 0;
  const rank::budget b = budget_from(data[0]);
  const std::uint8_t how = data[1];
  const std::string_view stream(reinterpret_cast<const char*>(data) + 2, size - 2);

  auto c = vsm::collection::create({});
  SITREP_FUZZ_CHECK(c.ok());
  static const char* const kSources[] = {"AP", "Reuters", "", "Harbour Police"};
  std::size_t line = 0;
  for (std::size_t start = 0; start <= stream.size(); ++line) {
    std::size_t end = stream.find('\n', start);
    if (end == std::string_view::npos) end = stream.size();
    const std::string_view text = stream.substr(start, end - start);
    start = end + 1;
    if (text.empty() || text.find('\0') != std::string_view::npos || !fuzz::valid_utf8(text))
      continue;
    update u;
    u.text = std::string(text);
    u.id = (how & 4) ? std::string() + char('a' + line % 3) : "f.txt:" + std::to_string(line + 1);
    u.origin = "f.txt";
    u.line = line + 1;
    u.source = kSources[(line + (how >> 4)) % 4];
    if (how & 1) {  // minutes after 08:00, out of order when bit 1 is set
      const std::size_t minute = (how & 2) ? (line * 37) % 60 : line % 60;
      u.time =
          "2026-03-02T08:" + std::string(minute < 10 ? "0" : "") + std::to_string(minute) + ":00Z";
      u.unix_time = 1772438400 + static_cast<std::int64_t>(minute) * 60;
    } else if (how & 8) {
      u.time = "yesterday";  // kept as written, no unix time
    }
    c->add(std::move(u));
  }

  for (const auto& m : rank::methods()) {
    auto s = rank::make_summarizer(m.id);
    SITREP_FUZZ_CHECK(s.ok());
    SITREP_FUZZ_CHECK((*s)->id() == m.id);
    const rank::summary sum = (*s)->summarize(*c, b);

    SITREP_FUZZ_CHECK(sum.method == m.id);
    // Empty exactly when there is nothing to summarize, or (the io/audit merge's rule) when a
    // byte budget cannot hold one character of the best sentence.
    SITREP_FUZZ_CHECK(!sum.sentences.empty() || c->sentence_count() == 0 ||
                      (b.unit == rank::budget_unit::bytes && b.limit < 4));
    SITREP_FUZZ_CHECK(c->sentence_count() != 0 || sum.sentences.empty());
    std::size_t prev = 0;
    for (std::size_t k = 0; k < sum.sentences.size(); ++k) {
      const auto& pick = sum.sentences[k];
      SITREP_FUZZ_CHECK(pick.sentence < c->sentence_count());
      SITREP_FUZZ_CHECK(k == 0 || pick.sentence > prev);
      prev = pick.sentence;
      SITREP_FUZZ_CHECK(pick.truncated_bytes <= c->text(pick.sentence).size());
      const std::string_view t = rank::selected_text(*c, pick);
      SITREP_FUZZ_CHECK(!t.empty());
      SITREP_FUZZ_CHECK(fuzz::valid_utf8(t));
    }
    const std::size_t cost = rank::summary_cost(*c, sum, b.unit);
    SITREP_FUZZ_CHECK(cost <= b.limit);

    const report::situation_report r = report::build_report(*c, sum);
    SITREP_FUZZ_CHECK(r.method == m.id);
    SITREP_FUZZ_CHECK(r.updates == c->updates().size());
    SITREP_FUZZ_CHECK(r.sentences == c->sentence_count());
    SITREP_FUZZ_CHECK(r.headline.size() == sum.sentences.size());
    const auto cited = report::cite(*c, sum);
    for (auto f : {report::output_format::text, report::output_format::markdown,
                   report::output_format::json}) {
      check_output(report::write_report(r, f), f);
      check_output(report::write_summary(cited, sum.method, f), f);
    }
  }
  return 0;
}
