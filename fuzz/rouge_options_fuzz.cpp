// rouge_options_fuzz: parse_rouge_args on arbitrary bytes as an option string, and the round
// trip through to_rouge_args when it parses.
//
// Invariants (include/sitrep/eval/rouge_options.hpp):
//  - never a crash; a failure is invalid_argument with a message starting "rouge: ";
//  - what parses validates, and to_rouge_args of it parses back to the same options, numbers
//    (-c, -p, -w) included, exactly (they are written as the shortest string that reads back to
//    the same double), and the canonical string is a fixed point;
//  - measure_names never crashes and its names are distinct.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_check.hpp"
#include "sitrep/eval/rouge_options.hpp"

namespace {

using sitrep::eval::rouge_options;


bool same_except_numbers(const rouge_options& a, const rouge_options& b) {
  return a.max_n == b.max_n && a.stem == b.stem && a.remove_stopwords == b.remove_stopwords &&
         a.word_limit == b.word_limit && a.byte_limit == b.byte_limit &&
         a.skip_bigrams == b.skip_bigrams && a.skip_gap == b.skip_gap && a.su == b.su &&
         a.s_and_su == b.s_and_su && a.lcs == b.lcs && a.wlcs == b.wlcs && a.formula == b.formula &&
         a.unit == b.unit && a.resamples == b.resamples;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view args(reinterpret_cast<const char*>(data), size);
  auto parsed = sitrep::eval::parse_rouge_args(args);
  if (!parsed) {
    SITREP_FUZZ_CHECK(parsed.error().code() == sitrep::error_code::invalid_argument);
    SITREP_FUZZ_CHECK(parsed.error().message().rfind("rouge: ", 0) == 0);
    return 0;
  }
  const rouge_options& o = *parsed;
  SITREP_FUZZ_CHECK(o.validate().is_ok());

  const std::string canonical = sitrep::eval::to_rouge_args(o);
  auto again = sitrep::eval::parse_rouge_args(canonical);
  SITREP_FUZZ_CHECK(again.ok());
  SITREP_FUZZ_CHECK(same_except_numbers(o, *again));
  SITREP_FUZZ_CHECK(o.confidence == again->confidence);
  SITREP_FUZZ_CHECK(o.alpha == again->alpha);
  SITREP_FUZZ_CHECK(o.wlcs_weight == again->wlcs_weight || !o.wlcs);
  SITREP_FUZZ_CHECK(sitrep::eval::to_rouge_args(*again) == canonical);

  auto names = sitrep::eval::measure_names(o);
  std::sort(names.begin(), names.end());
  SITREP_FUZZ_CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
  return 0;
}
