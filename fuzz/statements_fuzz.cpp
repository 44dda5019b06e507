// statements_fuzz: attribution and verification status extraction
// (sitrep::facts::attribution_extractor, status_detector, claim_tracker) on arbitrary bytes.
//
// The headers promise to take any bytes, so every input is fed as it is. Byte 0 picks the
// options (pronoun resolution on or off, a source of at most 1 or 10 words); the rest is the
// text, fed whole and also cut in two at its middle as two updates of one story.
// Invariants (include/sitrep/facts/attribution.hpp, verification.hpp):
//  - cues are non-empty and inside their sentence, which is inside the text; attributions come
//    in text order of their cues; sources are non-empty and inside their sentence; speakers
//    and contents lie inside the text;
//  - status marks: cue inside the sentence, at most one mark per status and sentence, claim
//    inside the text; hedges lie inside the text and are never denials, confirmations or claims;
//  - the claim tracker's histories are non-empty, in stream order, and end in the claim's status;
//  - extracting the same text twice gives the same items (no hidden state between calls);
//  - a `facts::analysis` of the text's sentences gives the extractors exactly what they find on
//    the text with those sentences (analysis.hpp), and its tokens lie inside their sentences.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.hpp"
#include "sitrep/facts/analysis.hpp"
#include "sitrep/facts/attribution.hpp"
#include "sitrep/facts/verification.hpp"

namespace {

using sitrep::text::byte_span;

bool inside(byte_span s, std::size_t size) { return s.begin <= s.end && s.end <= size; }
bool within(byte_span in, byte_span out) { return out.begin <= in.begin && in.end <= out.end; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  using sitrep::facts::attribution_extractor;
  static const attribution_extractor kExtractors[] = {
      attribution_extractor{},
      attribution_extractor{{.resolve_pronouns = false, .max_source_words = 10}},
      attribution_extractor{{.resolve_pronouns = true, .max_source_words = 1}},
      attribution_extractor{{.resolve_pronouns = false, .max_source_words = 1}},
  };
  static const sitrep::facts::status_detector kDetector;
  const attribution_extractor& ex = kExtractors[data[0] % 4];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

  const auto attrs = ex.extract(text);
  std::size_t pos = 0;
  for (const auto& a : attrs) {
    SITREP_FUZZ_CHECK(inside(a.sentence, text.size()));
    SITREP_FUZZ_CHECK(a.cue.begin < a.cue.end && within(a.cue, a.sentence));
    SITREP_FUZZ_CHECK(a.cue.begin >= pos);
    pos = a.cue.begin;
    if (a.source) SITREP_FUZZ_CHECK(a.source->begin < a.source->end && within(*a.source, a.sentence));
    if (a.speaker) SITREP_FUZZ_CHECK(a.speaker->begin < a.speaker->end && inside(*a.speaker, text.size()));
    SITREP_FUZZ_CHECK(inside(a.content, text.size()));
  }
  const auto again = ex.extract(text);
  SITREP_FUZZ_CHECK(again.size() == attrs.size());
  for (std::size_t i = 0; i < attrs.size(); ++i)
    SITREP_FUZZ_CHECK(again[i].cue == attrs[i].cue && again[i].source == attrs[i].source &&
                      again[i].speaker == attrs[i].speaker && again[i].content == attrs[i].content);

  // One tokenization shared: the same attributions and marks as each extractor on its own.
  static const sitrep::text::sentence_splitter kSplitter;
  const auto spans = kSplitter.split(text);
  sitrep::facts::analysis an;
  an.assign(text, spans);
  for (std::size_t s = 0; s < an.size(); ++s)
    for (const auto& t : an.tokens(s)) SITREP_FUZZ_CHECK(t.begin < t.end && within({t.begin, t.end}, an.sentence(s)));
  const auto via = ex.extract(an);
  SITREP_FUZZ_CHECK(via.size() == attrs.size());
  for (std::size_t i = 0; i < attrs.size() && i < via.size(); ++i)
    SITREP_FUZZ_CHECK(via[i].cue == attrs[i].cue && via[i].source == attrs[i].source &&
                      via[i].speaker == attrs[i].speaker && via[i].content == attrs[i].content);

  const auto marks = kDetector.extract(text);
  const auto marks_via = kDetector.extract(an);
  SITREP_FUZZ_CHECK(marks_via.size() == marks.size());
  for (std::size_t i = 0; i < marks.size() && i < marks_via.size(); ++i)
    SITREP_FUZZ_CHECK(marks_via[i].cue == marks[i].cue && marks_via[i].status == marks[i].status);
  for (std::size_t i = 0; i < marks.size(); ++i) {
    const auto& m = marks[i];
    SITREP_FUZZ_CHECK(inside(m.sentence, text.size()) && within(m.cue, m.sentence));
    SITREP_FUZZ_CHECK(m.cue.begin < m.cue.end && inside(m.claim, text.size()));
    for (std::size_t k = i + 1; k < marks.size(); ++k)
      SITREP_FUZZ_CHECK(!(marks[k].sentence == m.sentence && marks[k].status == m.status));
  }
  for (const auto& h : kDetector.hedges(text)) {
    SITREP_FUZZ_CHECK(inside(h.cue, text.size()) && h.cue.begin < h.cue.end);
    SITREP_FUZZ_CHECK(h.kind != sitrep::facts::cue_kind::denial &&
                      h.kind != sitrep::facts::cue_kind::confirmation &&
                      h.kind != sitrep::facts::cue_kind::claim);
  }

  // Two updates of one story: the text's halves.
  const std::string_view first = text.substr(0, text.size() / 2), second = text.substr(text.size() / 2);
  sitrep::facts::claim_tracker tracker;
  const byte_span whole1{0, first.size()}, whole2{0, second.size()};
  tracker.add(0, first, std::span<const byte_span>(&whole1, 1), kDetector.extract(first, std::span<const byte_span>(&whole1, 1)));
  tracker.add(1, second, std::span<const byte_span>(&whole2, 1), kDetector.extract(second, std::span<const byte_span>(&whole2, 1)));
  for (const auto& c : tracker.claims()) {
    SITREP_FUZZ_CHECK(!c.history.empty());
    SITREP_FUZZ_CHECK(c.history.back().status == c.status);
    for (std::size_t k = 1; k < c.history.size(); ++k)
      SITREP_FUZZ_CHECK(c.history[k - 1].update <= c.history[k].update);
  }
  return 0;
}
