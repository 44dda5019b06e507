// figures_fuzz: the figure extractor (sitrep::facts::figure_extractor) on arbitrary bytes.
//
// The header promises to take any bytes, so every input is fed as it is. Byte 0 picks the
// options (pronoun resolution and the capitalized-name rule, on or off); the rest is the text.
// Invariants (include/sitrep/facts/figures.hpp):
//  - surfaces are non-empty, inside the text, in text order and do not overlap;
//  - counted spans and source spans lie inside the text;
//  - values are finite and non-negative; `high` is present exactly for qualifier::range and
//    is above `value`;
//  - category and qualifier names are among the schema's;
//  - extracting the same text twice gives the same figures (no hidden state between calls).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "sitrep/facts/figures.hpp"

namespace {

bool inside(sitrep::text::byte_span s, std::size_t size) { return s.begin <= s.end && s.end <= size; }

bool same(const sitrep::facts::figure& a, const sitrep::facts::figure& b) {
  return a.surface == b.surface && a.value == b.value && a.high == b.high &&
         a.qualifier == b.qualifier && a.category == b.category && a.counted == b.counted &&
         a.source == b.source && a.hedged == b.hedged;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  using sitrep::facts::figure_extractor;
  static const figure_extractor kExtractors[] = {
      figure_extractor{},
      figure_extractor{{.resolve_pronouns = false, .capitalized_names = true}},
      figure_extractor{{.resolve_pronouns = true, .capitalized_names = false}},
      figure_extractor{{.resolve_pronouns = false, .capitalized_names = false}},
  };
  const figure_extractor& ex = kExtractors[data[0] % 4];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

  const auto figs = ex.extract(text);
  std::size_t pos = 0;
  for (const auto& f : figs) {
    SITREP_FUZZ_CHECK(f.surface.begin < f.surface.end);
    SITREP_FUZZ_CHECK(f.surface.end <= text.size());
    SITREP_FUZZ_CHECK(f.surface.begin >= pos);
    pos = f.surface.end;
    SITREP_FUZZ_CHECK(inside(f.counted, text.size()));
    if (f.source) SITREP_FUZZ_CHECK(inside(*f.source, text.size()) && f.source->begin < f.source->end);
    SITREP_FUZZ_CHECK(std::isfinite(f.value) && f.value >= 0);
    SITREP_FUZZ_CHECK(f.high.has_value() == (f.qualifier == sitrep::facts::qualifier::range));
    if (f.high) SITREP_FUZZ_CHECK(std::isfinite(*f.high) && *f.high > f.value);
    SITREP_FUZZ_CHECK(!sitrep::facts::to_string(f.category).empty());
    SITREP_FUZZ_CHECK(!sitrep::facts::to_string(f.qualifier).empty());
  }
  const auto again = ex.extract(text);
  SITREP_FUZZ_CHECK(again.size() == figs.size());
  for (std::size_t i = 0; i < figs.size(); ++i) SITREP_FUZZ_CHECK(same(figs[i], again[i]));
  return 0;
}
