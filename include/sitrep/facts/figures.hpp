// sitrep/facts/figures.hpp — key figures (counts and amounts) in the text of one update.
//
//   sitrep::facts::figure_extractor extractor;            // immutable, shareable
//   std::string_view text = "Police said more than 40 people were hurt in the blast.";
//   for (const auto& f : extractor.extract(text)) {
//     std::cout << text.substr(f.surface.begin, f.surface.size())      // "more than 40"
//               << " = " << f.value                                   // 40
//               << " " << to_string(f.qualifier)                      // at_least
//               << " " << to_string(f.category);                      // injured
//     if (f.source) std::cout << " per " << text.substr(f.source->begin, f.source->size());
//   }                                                                 // "per Police"
//
// What counts as a figure. Every count or amount the text states: digits ("1,525", "5.9",
// "$562m", "84km", "304p", "19%"), number words ("six", "Fifty", "twenty-three", "a dozen",
// "a half-dozen", "1.5 million"), spelled fractions ("three-quarters" 0.75, "a fifth" 0.2,
// "half" 0.5) and vague quantities ("dozens" 12, "scores of" 20, "hundreds" 100, "thousands"
// 1000, "tens of thousands" 10000, "hundreds of thousands" 100000, "millions" 1e6, "billions"
// 1e9; all with qualifier `approx`). Magnitude words and suffixes are multiplied out ("$2.35 bn"
// 2.35e9, "4.4m barrels" 4.4e6); units are kept as written (km stays km; "304p" is 304);
// percentages are in percent. Not figures: dates, years, days of the month, clock times,
// durations ("36 hours", "a six-month moratorium"), ages ("53-year-old", "aged 53"), ordinals,
// numbers inside names ("C-130", "G20", "9/11", "Flight 370", "FTSE 100", "No. 2", "top 100"),
// votes, and sizes of objects or documents ("a 98-ton dome", "a 4 inch tube", "a 193-page
// report").
//
// How it decides (rules and word lists in figures.cpp, written for sitrep):
//   * qualifier: the words just before the number ("more than", "over", "at least" ->
//     at_least; "up to", "as many as", "nearly", "almost", "less than" -> at_most; "about",
//     "around", "roughly", "an estimated" -> approx); "X to Y", "X-Y" and "between X and Y"
//     give one `range` figure, but "rose from X to Y" gives two figures.
//   * category: the nearest cue word around the number in its clause (died, injured, missing,
//     hostages, rescued, arrested, homeless, affected, troops, ...); a currency makes `money`;
//     percentages, fractions and "N times" are `other`; units and physical things `quantity`.
//     A toll further back in the clause makes the dead when no nearer cue says what happened
//     ("the death toll ... has risen from 129 to 130": both killed, counting "death toll");
//     hostages "freed", "recovered" or "evacuated" later in the clause are `freed`.
//   * counted: the short phrase after the number (or before it when nothing follows); the full
//     stops of an abbreviation inside it do not cut it ("Six U.S. citizens" counts "U.S.
//     citizens").
//   * source: the party a reporting cue ("said", "according to", "reported", "estimated",
//     "announced", "confirmed", "claimed", "tells", "reveals", "shows", ...) names in the same
//     sentence; a pronoun speaker ("he says") is resolved to the last named speaker earlier in
//     the same text, else to the name that opened the last sentence that began with one
//     ("President Obama visits ... He says ..."); a sentence inside a quotation opened in an
//     earlier sentence keeps that quotation's speaker. Passive cues without "by" ("is
//     estimated", "were said to") give no source.
//   * hedged: the figure's sentence marks it as uncertain (believed, estimated, feared,
//     reportedly, might, could, may, alleged, claimed, expects, possible, unclear, ...) or
//     its qualifier is "up to" / "as many as". Plain "about" is not hedging.
//
// Contract: any bytes are accepted (invalid UTF-8 is read as ordinary word bytes; the
// extractor never throws on input and never reads outside `text`). Spans are byte offsets
// into the given text, non-empty for `surface`, and figures come in text order without
// overlapping. Word lists match case-insensitively, so lowercased and tokenized text
// ("we 've said", "$ 100m") works; only two name rules need capitals ("Flight 370" after a
// capitalized word, "the Big Three") and fall back to word lists ("flight", "no", "top")
// without them. An empty result means the text states no figure. The extractor is immutable
// after construction and safe to share between threads; `extract` is linear in the text's
// length (every rule looks at a bounded window of words).
//
// Known limits: a source in a long subject with a relative clause ("X, which owns ..., is
// expected to reveal") is missed; a pronoun can be resolved to the wrong party (no gender or
// number agreement is checked); "claims", "reports" as nouns vs verbs are told apart by the next word
// only; units are not normalized (km and miles stay as written); a figure's category comes from
// nearby cue words, not from a parse.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "sitrep/text/sentence_splitter.hpp"

namespace sitrep::facts {

enum class qualifier { exact, at_least, at_most, approx, range };

enum class category {
  killed,
  injured,
  missing,
  hostages,
  freed,
  arrested,
  displaced,
  affected,
  personnel,
  money,
  quantity,
  other
};

/// The label names of the facts schema ("at_least", "killed", ...).
std::string_view to_string(qualifier q) noexcept;
std::string_view to_string(category c) noexcept;

/// One figure. Spans are byte offsets into the text given to `extract`.
struct figure {
  /// The number with the words qualifying it ("more than 100,000", "64,000 to 110,000 barrels").
  text::byte_span surface;
  /// The number (the bottom of a range), magnitudes multiplied out, percentages in percent.
  double value = 0;
  /// The top of a range; only for qualifier::range.
  std::optional<double> high;
  sitrep::facts::qualifier qualifier = qualifier::exact;
  sitrep::facts::category category = category::other;
  /// The short phrase the number counts ("people had died"); empty (begin == end) when none.
  text::byte_span counted;
  /// Who the text says gave the figure; may lie in an earlier sentence (a resolved pronoun).
  std::optional<text::byte_span> source;
  /// True when the text marks the figure as uncertain.
  bool hedged = false;
};

class figure_extractor {
 public:
  struct options {
    /// Resolve a pronoun speaker ("he says") to the last named speaker in the same text (else
    /// the last sentence-opening name); off: a pronoun speaker gives no source.
    bool resolve_pronouns = true;
    /// Treat a number right after a capitalized word as part of a name ("Flight 370").
    bool capitalized_names = true;
  };

  figure_extractor() : figure_extractor(options{}) {}
  explicit figure_extractor(options opts);

  /// The figures of `text` (one update's text), in text order. Splits the text into sentences
  /// with the default `text::sentence_splitter`.
  std::vector<figure> extract(std::string_view text) const;

  /// The same, with the sentences already known (the engine's: `vsm::sentence_record::bytes`
  /// of one update), so the text is not split again. Spans out of order, past the end of
  /// `text` or empty are skipped; bytes outside every span are not read for figures.
  std::vector<figure> extract(std::string_view text,
                              std::span<const text::byte_span> sentences) const;

 private:
  options opts_;
  text::sentence_splitter splitter_;
};

/// Shorthand for `figure_extractor{}.extract(text)` (builds the splitter on each call; keep an
/// extractor for many texts).
std::vector<figure> extract_figures(std::string_view text);

}  // namespace sitrep::facts
