// rouge_scorer_fuzz: the ROUGE scorer on a fuzzed summary and references.
//
// Input: one byte picking the options (below), then the system summary and up to 4 references
// separated by 0xFF bytes (never part of UTF-8 text). Invariants (include/sitrep/eval/rouge.hpp):
//  - never a crash; score() returns one finite score per measure, recall, precision and F in
//    [0, 1], counts non-negative; with no reference every score is 0;
//  - evaluate() on that one topic succeeds, and its averages and interval bounds equal the
//    topic's scores (every bootstrap resample draws the same topic): to 1e-9 with -t 0; with
//    -t 1 and 2 the averages come from pooled counts, unrounded, while a topic's recall and
//    precision are rounded to 5 decimals and its F computed from the rounded values (2/18 is
//    0.11111 for the topic, 0.111111 pooled), so they agree to 5e-5;
//  - tokens() are non-empty ASCII.
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "sitrep/eval/rouge.hpp"

namespace {

using sitrep::eval::rouge_score;
using sitrep::eval::rouge_scorer;

constexpr std::array<std::string_view, 6> kVariants = {
    "",  // the script's defaults
    "-n 4 -m -2 4 -u -c 95 -r 10 -f A -p 0.5 -w 1.2",
    "-n 2 -s -m -l 10 -2 -1 -U -f B -r 10 -p 0",
    "-n 3 -b 20 -t 1 -x -2 0 -u -r 7 -p 1",
    "-n 1 -m -s -w 2.5 -t 2 -r 3 -c 50",
    "-n 9 -l 1 -2 1 -u -r 1",
};

void check_score(const rouge_score& s) {
  for (double x : {s.recall, s.precision, s.f}) {
    SITREP_FUZZ_CHECK(std::isfinite(x));
    SITREP_FUZZ_CHECK(x >= 0 && x <= 1);
  }
}

bool near(const rouge_score& a, const rouge_score& b, double tolerance = 1e-9) {
  auto eq = [=](double x, double y) { return std::fabs(x - y) <= tolerance; };
  return eq(a.recall, b.recall) && eq(a.precision, b.precision) && eq(a.f, b.f);
}

const rouge_scorer& scorer(std::size_t i) {
  static const std::vector<rouge_scorer> kScorers = [] {
    std::vector<rouge_scorer> v;
    for (auto args : kVariants) {
      auto o = sitrep::eval::parse_rouge_args(args);
      SITREP_FUZZ_CHECK(o.ok());
      auto s = rouge_scorer::create(*o);
      SITREP_FUZZ_CHECK(s.ok());
      v.push_back(std::move(*s));
    }
    return v;
  }();
  return kScorers[i];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0 || size > 8192) return 0;  // cost grows with the product of the text lengths
  const rouge_scorer& sc = scorer(data[0] % kVariants.size());
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);

  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    std::size_t end = rest.find('\xFF', start);
    if (end == std::string_view::npos || parts.size() == 4) {
      parts.push_back(rest.substr(start));
      break;
    }
    parts.push_back(rest.substr(start, end - start));
    start = end + 1;
  }
  const std::string_view system = parts[0];
  const std::vector<std::string_view> refs(parts.begin() + 1, parts.end());

  const auto scores = sc.score(system, refs);
  SITREP_FUZZ_CHECK(scores.size() == sc.measures().size());
  for (const auto& t : scores) {
    check_score(t.score);
    SITREP_FUZZ_CHECK(t.counts.model >= 0 && t.counts.peer >= 0 && t.counts.hit >= 0);
    if (refs.empty()) SITREP_FUZZ_CHECK(t.score.recall == 0 && t.score.precision == 0);
  }

  for (const auto& tok : sc.tokens(system)) {
    SITREP_FUZZ_CHECK(!tok.empty());
    for (char c : tok) SITREP_FUZZ_CHECK(static_cast<unsigned char>(c) < 0x80);
  }

  if (refs.empty()) return 0;
  std::vector<sitrep::eval::topic_input> set(1);
  set[0].id = "t";
  set[0].system = std::string(system);
  for (auto r : refs) set[0].references.emplace_back(r);
  auto ev = sc.evaluate(set);
  SITREP_FUZZ_CHECK(ev.ok());
  SITREP_FUZZ_CHECK(ev->measures.size() == scores.size());
  const double tolerance = sc.options().unit == sitrep::eval::counting_unit::sentence ? 1e-9 : 5e-5;
  for (std::size_t m = 0; m < scores.size(); ++m) {
    const auto& mr = ev->measures[m];
    SITREP_FUZZ_CHECK(mr.name == sc.measures()[m]);
    SITREP_FUZZ_CHECK(mr.topics.size() == 1);
    SITREP_FUZZ_CHECK(near(mr.topics[0].score, scores[m].score));
    check_score(mr.average);
    SITREP_FUZZ_CHECK(near(mr.average, scores[m].score, tolerance));
    SITREP_FUZZ_CHECK(near(mr.ci_low, scores[m].score, tolerance));
    SITREP_FUZZ_CHECK(near(mr.ci_high, scores[m].score, tolerance));
  }
  return 0;
}
