// sitrep/eval/rouge.hpp — ROUGE-1.5.5, re-implemented to agree with the Perl script's printout.
//
//   auto opts = sitrep::eval::parse_rouge_args("-n 2 -m -l 100 -c 95 -r 1000 -f A -p 0.5");
//   if (!opts) return opts.error();                                  // invalid_argument
//   auto scorer = sitrep::eval::rouge_scorer::create(*opts);       // validates the options
//   if (!scorer) return scorer.error();
//   std::vector<sitrep::eval::topic_input> set = {                   // one entry per topic
//       {"d30001t", system_text, {ref_a, ref_b, ref_c, ref_d}}};
//   auto ev = scorer->evaluate(set);                                 // result<evaluation>
//   if (!ev) return ev.error();
//   for (const auto& m : ev->measures)                               // "ROUGE-1", "ROUGE-2", "ROUGE-L"
//     std::cout << m.name << ' ' << m.average.recall << ' ' << m.ci_low.recall << '\n';
//
// What is reproduced, figure for figure (tests/eval/ checks every printed digit of the shared
// conformance vectors):
//  - text: lines are sentences; `-l N` keeps the first N whitespace-separated words and `-b N` the
//    first N bytes (newlines not counted) of every text, system and reference alike; tokens are the
//    maximal runs of ASCII letters and digits, lowercased (so "state-of-the-art" is four tokens and
//    "1,234" two); `-s` drops SMART common words, then `-m` maps tokens longer than 3 characters
//    through the WordNet 2.0 exception list or else the Porter (1980) stemmer.
//  - per topic: ROUGE-N clips n-gram counts; ROUGE-L is the summary-level union LCS of each
//    reference sentence against all system sentences, clipped by unigram counts (its sentences
//    ignore -b, as the script's sentence reader does; the clipping counts come from the cut
//    text); ROUGE-W takes the same union and clipping and weighs each run of k consecutive counted
//    positions by k^w, closing a run only where a counted position is followed by an unmarked one
//    or ends the sentence (so a run ending in clipped positions carries into the next run of its
//    sentence, or is dropped at the sentence end, as the script's loop does), and normalises by
//    f(sum of f(sentence length)) on the reference side; ROUGE-S counts skip bigrams within the
//    gap, and ROUGE-SU adds the unigrams (all but the last token, as the script does). Recall and
//    precision are rounded to 5 decimals as the script rounds them, and F is computed from the
//    rounded values (then rounded).
//  - averages: `Average_R/P/F` are the means of the bootstrap resample means, resample i seeding
//    Perl's drand48 with i and drawing topics (sorted as strings) with int(rand() * n); the
//    interval bounds are taken from the sorted resample means.
//
// Known gap (tests/eval/ tolerates exactly these figures): with -b, one DUC summary (ICSISumm
// d31009t, 669 bytes) whose 665-byte cut falls 4 bytes before its end, inside its last word,
// keeps that word whole in the script, while every other cut summary of the vectors is cut
// mid-word at the byte count used here. No counting rule tried (newlines, separators, trailing
// punctuation, hyphens, apostrophes, commas, whitespace, normalised tokens) explains both.
// Every other figure of the vectors matches.
//
// Thread safety: a rouge_scorer is immutable after create(); score() and evaluate() keep their
// scratch state on the stack, so one scorer may serve many threads.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/core/status.hpp"
#include "sitrep/eval/rouge_options.hpp"

namespace sitrep::eval {

/// Recall, precision and F of one measure.
struct rouge_score {
  double recall = 0;
  double precision = 0;
  double f = 0;
};

/// The totals behind a score: what `-t 1` pools and `-t 2` prints. For ROUGE-W they are the
/// weighted totals (f applied as the script does), so they are not whole numbers.
struct rouge_counts {
  double model = 0;  ///< n-grams (or LCS base) in the references, summed as the formula chooses
  double peer = 0;   ///< n-grams in the system summary, once per reference counted
  double hit = 0;    ///< clipped matches
};

/// One measure on one topic.
struct topic_score {
  rouge_score score;  ///< as the script prints it per topic with -t 0
  rouge_counts counts;
};

/// One topic of an evaluation set: a system summary and its references (one sentence a line).
struct topic_input {
  std::string id;
  std::string system;
  std::vector<std::string> references;
};

/// One measure over a whole set.
struct measure_result {
  std::string name;                 ///< "ROUGE-1", "ROUGE-L", "ROUGE-W-1.2", "ROUGE-SU4", ...
  std::vector<topic_score> topics;  ///< parallel to evaluation::topic_ids
  rouge_score average;              ///< Average_R / Average_P / Average_F
  rouge_score ci_low;               ///< lower bounds of the confidence intervals
  rouge_score ci_high;              ///< upper bounds
};

/// Scores of a whole set.
struct evaluation {
  std::vector<std::string> topic_ids;    ///< sorted as strings, as the script orders them
  std::vector<measure_result> measures;  ///< in measure_names() order
};

class rouge_scorer {
 public:
  /// A scorer for `opts`; invalid_argument when the options do not validate.
  static result<rouge_scorer> create(const rouge_options& opts);

  const rouge_options& options() const noexcept { return options_; }
  /// The measures score() and evaluate() return, in order (see measure_names()).
  const std::vector<std::string>& measures() const noexcept { return measures_; }

  /// Scores one system summary against its references: one topic_score per measure, in
  /// measures() order. With no reference every score is 0. Cannot fail.
  std::vector<topic_score> score(std::string_view system,
                                 std::span<const std::string_view> references) const;

  /// Scores a set and averages it with bootstrap confidence intervals. invalid_argument when
  /// the set is empty, a topic id repeats, or a topic has no reference.
  result<evaluation> evaluate(std::span<const topic_input> topics) const;

  /// The tokens the script counts in `text` under these options (after the length cut, stopword
  /// removal and stemming), in order. For inspection and tests; scoring does not build strings.
  std::vector<std::string> tokens(std::string_view text) const;

 private:
  explicit rouge_scorer(const rouge_options& opts);

  rouge_options options_;
  std::vector<std::string> measures_;
};

/// The -m morphology for one lowercase token: unchanged when 3 characters or shorter, else its
/// WordNet 2.0 exception base form when it has one, else its Porter stem.
std::string rouge_stem(std::string_view token);

/// True when `token` is in the SMART common-word list that -s removes.
bool is_smart_common_word(std::string_view token);

/// Perl's rand() on a build whose randfunc is drand48 (ROUGE's bootstrap depends on it):
/// x' = (0x5DEECE66D x + 0xB) mod 2^48, srand(s) sets x = (s << 16) + 0x330E, rand() = x / 2^48.
class perl_drand48 {
 public:
  explicit perl_drand48(unsigned seed = 0) { srand(seed); }
  void srand(unsigned seed) noexcept { x_ = (static_cast<unsigned long long>(seed) << 16) + 0x330E; }
  double rand() noexcept {
    x_ = (0x5DEECE66DULL * x_ + 0xB) & ((1ULL << 48) - 1);
    return static_cast<double>(x_) / static_cast<double>(1ULL << 48);
  }

 private:
  unsigned long long x_ = 0;
};

/// Rounds as Perl's sprintf("%7.5f", x) does (the C library's correctly rounded conversion).
double round5(double x);

}  // namespace sitrep::eval
