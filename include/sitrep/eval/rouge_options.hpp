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
//
// Ranges. The script takes any number; sitrep accepts what a ROUGE evaluation can mean and
// refuses the rest (invalid_argument naming the option) before anything is allocated, because
// several options size memory or loops (an -r of 2^31 would allocate gigabytes, an -n of 4e8
// would loop for hours, a -w of 1e308 overflows to NaN):
//   -n N    0 .. 9 (0: no ROUGE-N; published settings use 1 .. 4; the scorer handles any N
//           but 9 is already far past what any paper reports)
//   -l N    0 .. 1,000,000 words (0: no cut);  -b N  0 .. 10,000,000 bytes (0: no cut)
//   -2 N    -1 (no limit) or 0 .. 10,000 gap words
//   -w W    a finite number in [1, 10] (1 makes ROUGE-W weigh runs as ROUGE-L does; the script
//           suggests values a little over 1, 1.2 being the usual one; past 10, k^W of a long
//           reference overflows a double)
//   -c C    a finite number in (0, 100);  -p A  a finite number in [0, 1]
//   -r R    1 .. 100,000 bootstrap resamples (the usual 1000; memory grows with R x topics)
//   -t U    0, 1 or 2;  -f A|B
// Integers are plain decimal ("-n 4", "-2 -1"; no sign but -2's "-1", no hex, nothing after the
// digits); numbers are decimal with an optional fraction and exponent ("1.2", ".5", "95", "1e0";
// no hex floats, inf or nan).
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
  double wlcs_weight = 1.2;       ///< -w W: weight function f(k) = k^W, W in [1, 10]
  rouge_formula formula = rouge_formula::average;  ///< -f A|B
  double alpha = 0.5;             ///< -p: F = PR / ((1 - alpha) P + alpha R), in [0, 1]
  counting_unit unit = counting_unit::sentence;    ///< -t 0|1|2
  double confidence = 95;         ///< -c: confidence level of the intervals, in percent (0, 100)
  int resamples = 1000;           ///< -r: bootstrap resamples, 1 .. 100,000

  /// ok, or invalid_argument naming the first option out of range.
  status validate() const;

  bool operator==(const rouge_options&) const = default;
};

/// Limits of the ranges above.
inline constexpr int kMaxRougeN = 9;
inline constexpr int kMaxRougeWordLimit = 1'000'000;
inline constexpr int kMaxRougeByteLimit = 10'000'000;
inline constexpr int kMaxRougeSkipGap = 10'000;
inline constexpr double kMaxRougeWeight = 10.0;
inline constexpr int kMaxRougeResamples = 100'000;

/// Sets the one option `letter` (as in the script: 'n', 'l', 'w', ...; a flag such as 'm'
/// takes an empty value) from its value as written, checking syntax and range on its own.
/// invalid_argument naming the option otherwise. Front ends with a flag per option (the
/// command line's --max-n) use it so that every spelling of an option is read the same way.
status set_rouge_option(rouge_options& opts, char letter, std::string_view value);

/// Parses the reference script's option string (getopts syntax: "-m -n 4", "-mn4", "-2 -1").
/// Errors (invalid_argument) name the offending option; the result is validated.
result<rouge_options> parse_rouge_args(std::string_view args);

/// The canonical option string for `opts`: parse_rouge_args reads it back to exactly the same
/// options (numbers are written in the shortest form that reads back to the same double).
std::string to_rouge_args(const rouge_options& opts);

/// The measures `opts` computes, named and ordered as the script prints them:
/// "ROUGE-1".."ROUGE-N", "ROUGE-L", "ROUGE-W-1.2", "ROUGE-S4" / "ROUGE-S*", "ROUGE-SU4" / "ROUGE-SU*".
std::vector<std::string> measure_names(const rouge_options& opts);

}  // namespace sitrep::eval
