// sitrep/eval/rouge_options.hpp — what a ROUGE evaluation computes, spelled as ROUGE-1.5.5 does.
//
//   auto opts = sitrep::eval::parse_rouge_args("-n 4 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -l 100");
//   if (!opts) { std::cerr << opts.error().message() << '\n'; return 2; }
//   opts->max_n;                            // 4
//   sitrep::eval::measure_names(*opts);     // {"ROUGE-1", ..., "ROUGE-4", "ROUGE-L", "ROUGE-SU4"}
//
// `rouge_options` mirrors the reference Perl script's command-line options one for one; its
// defaults are the script's defaults when that option is absent. `parse_rouge_args` reads the
// script's own option string, so published settings can be pasted as they are. Options that only
// matter to the script's plumbing (-a, -d, -e DIR, -v, -z FORMAT, -h) are accepted and ignored;
// basic-element scoring (-3) and a trailing config-file argument are refused with a message.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/core/status.hpp"

namespace sitrep::eval {

/// How scores against several references are combined (-f).
enum class rouge_formula {
  average,  ///< -f A (default): pool hits and counts over all references
  best,     ///< -f B: keep the reference with the best recall
};

/// The counting unit (-t).
enum class counting_unit {
  sentence = 0,   ///< -t 0 (default): score each topic, average the per-topic scores
  token = 1,      ///< -t 1: pool hits and counts over the whole set (topics weigh by length)
  token_raw = 2,  ///< -t 2: as 1; the script then prints raw counts (kept in the results here)
};

struct rouge_options {
  int max_n = 0;                  ///< -n N: ROUGE-1 .. ROUGE-N; 0 (absent) computes none
  bool stem = false;              ///< -m: WordNet exceptions, then Porter, for tokens > 3 chars
  bool remove_stopwords = false;  ///< -s: drop the SMART common words before counting
  int word_limit = 0;             ///< -l N: keep the first N words of every text; 0 = no cut
  int byte_limit = 0;             ///< -b N: keep the first N bytes of every text; 0 = no cut
  bool skip_bigrams = false;      ///< -2 given: compute ROUGE-S (and/or SU)
  int skip_gap = -1;              ///< -2 N: at most N words between the pair; -1 = unlimited
  bool su = false;                ///< -u: skip bigrams plus unigrams (ROUGE-SU) instead of S
  bool s_and_su = false;          ///< -U: both ROUGE-S and ROUGE-SU
  bool lcs = true;                ///< false with -x: no ROUGE-L
  bool wlcs = false;              ///< -w given: compute ROUGE-W
  double wlcs_weight = 1.2;       ///< -w W: weight function f(k) = k^W, W >= 1
  rouge_formula formula = rouge_formula::average;  ///< -f A|B
  double alpha = 0.5;             ///< -p: F = PR / ((1 - alpha) P + alpha R), in [0, 1]
  counting_unit unit = counting_unit::sentence;    ///< -t 0|1|2
  double confidence = 95;         ///< -c: confidence level of the intervals, in percent (0, 100)
  int resamples = 1000;           ///< -r: bootstrap resamples, >= 1

  /// ok, or invalid_argument naming the first option out of range.
  status validate() const;
};

/// Parses the reference script's option string (getopts syntax: "-m -n 4", "-mn4", "-2 -1").
/// Errors (invalid_argument) name the offending option; the result is validated.
result<rouge_options> parse_rouge_args(std::string_view args);

/// The canonical option string for `opts` (what parse_rouge_args reads back to the same options).
std::string to_rouge_args(const rouge_options& opts);

/// The measures `opts` computes, named and ordered as the script prints them:
/// "ROUGE-1".."ROUGE-N", "ROUGE-L", "ROUGE-W-1.2", "ROUGE-S4" / "ROUGE-S*", "ROUGE-SU4" / "ROUGE-SU*".
std::vector<std::string> measure_names(const rouge_options& opts);

}  // namespace sitrep::eval
