// sitrep/facts/attribution.hpp — who said what: reported statements in the text of one update.
//
//   sitrep::facts::attribution_extractor extractor;        // immutable, shareable
//   std::string_view text = "Col. Mark Cheadle said six U.S. citizens were freed. "
//                           "He also says special forces are helping.";
//   for (const auto& a : extractor.extract(text)) {
//     auto cut = [&](sitrep::text::byte_span s) { return text.substr(s.begin, s.size()); };
//     std::cout << cut(a.cue);                                // "said", then "says"
//     if (a.source) std::cout << " by " << cut(*a.source);    // "Col. Mark Cheadle", then "He"
//     if (a.speaker) std::cout << " = " << cut(*a.speaker);   // "Col. Mark Cheadle" both times
//     std::cout << ": " << cut(a.content) << "\n";            // "six U.S. citizens were freed"
//   }
//
// What is an attribution. A sentence that reports a statement, a claim, a finding or a belief
// through a reporting cue: a verb of saying ("said", "has tweeted", "is reporting", "claims",
// "denied", "warns", "finds", "urged", ...; the list is data/facts/reporting_cues.txt, class
// `say`, compiled into the library: written for sitrep, with the stance verbs that the PolNeAR
// train split marks as cues at least half the times they occur) or "according to" / "per". One attribution per cue; a
// sentence can hold several ("X has said, Reuters are reporting" gives two).
//
// How it decides (rules in attribution.cpp, written for sitrep):
//   * source: the noun phrase before the cue, back to the nearest clause boundary (punctuation,
//     a quote, "that", "which", "and" between lowercase words, ...), skipping auxiliaries and
//     adverbs ("has also said"); when nothing stands there (a quote or a comma before the
//     cue: '"...," said the minister'), the phrase after the cue unless the verb's object is a
//     listener ("told reporters"); after "according to" / "per", the phrase that follows. A
//     passive cue ("is said", "were reported") has the agent of "by ..." as source, else none.
//     A participle (", saying ...") and a second verb ("visits a plant and talks about ...")
//     take the source of the sentence's previous attribution, else the sentence's opening
//     phrase (after an opening adverbial: "After 87 days, BP ..."); "with X accusing" takes X.
//     An appositive stays with its head ("Jo Park, who leads the team, says").
//   * a speaker's label opening a sentence ("WALLACE: ...", "Pence: ...") is an attribution
//     with the colon as cue.
//   * a reporting verb inside a quotation opened in the same sentence is the quoted speaker's
//     word, not a report (`options::skip_quoted`); plural nouns ("legal claims will ..."),
//     naming ("a method called ...") and agentless passives of acts ("are ordered") are not
//     cues.
//   * speaker: the source itself, or for a pronoun ("he", "she", "they", "it", "we") the later
//     of the last named source and the last capitalized sentence-opening phrase earlier in the
//     same text, else no speaker.
//   * content: the rest of the sentence on the other side of the cue from the source (after
//     "that"), or the part before the source when the source follows the content.
//
// Contract: any bytes are accepted (invalid UTF-8 is read as word bytes; never throws on input,
// never reads outside `text`). Spans are byte offsets into `text`; `cue` is never empty;
// `source`, when set, is non-empty and lies in the attribution's sentence; `speaker` may lie
// in an earlier sentence. Attributions come in text order of their cues. An empty result
// means no reported statement was found. The extractor is immutable and safe to share between
// threads; `extract` is linear in the text's length.
//
// Known limits: no parse, so a long subject with a relative clause can give a source with
// extra words, an embedded quotation's speaker is not tracked across sentences, and a
// pronoun is resolved without gender or number agreement.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "sitrep/facts/analysis.hpp"
#include "sitrep/text/sentence_splitter.hpp"

namespace sitrep::facts {

/// One reported statement. Spans are byte offsets into the text given to `extract` (for the
/// observer: into the update's text).
struct attribution {
  /// The update's index in the stream (set by `statements_observer`; 0 from `extract`).
  std::size_t update = 0;
  /// The sentence holding the cue.
  text::byte_span sentence;
  /// The reporting words ("said", "according to").
  text::byte_span cue;
  /// Who the sentence says made the statement, as written ("he", "a gendarmerie spokesman");
  /// none when the sentence names nobody (a passive without "by", "reports say").
  std::optional<text::byte_span> source;
  /// The source with a pronoun resolved to the named party earlier in the same text; none when
  /// there is no source or a pronoun could not be resolved.
  std::optional<text::byte_span> speaker;
  /// What was said; empty (begin == end) when nothing is left besides the cue and source.
  text::byte_span content;
};

class attribution_extractor {
 public:
  struct options {
    /// Resolve a pronoun source to the last named source earlier in the same text.
    bool resolve_pronouns = true;
    /// The longest source phrase, in words; a longer run before the cue is cut to its last
    /// this-many words.
    std::size_t max_source_words = 10;
    /// Ignore reporting verbs inside a quotation opened in the same sentence ("“What you
    /// have said is wrong,” the judge said": only the second "said").
    bool skip_quoted = true;
  };

  attribution_extractor() : attribution_extractor(options{}) {}
  explicit attribution_extractor(options opts);

  /// The attributions of `text` (one update's text), in text order. Splits the text into
  /// sentences with the default `text::sentence_splitter`.
  std::vector<attribution> extract(std::string_view text) const;

  /// The same, with the sentences already known (the engine's spans of one update). Spans out
  /// of order, past the end of `text` or empty are skipped.
  std::vector<attribution> extract(std::string_view text,
                                   std::span<const text::byte_span> sentences) const;

  /// The same, on sentences already tokenized (what `statements_observer` does: one
  /// `analysis` per update, shared with the status detector and the claim tracker).
  std::vector<attribution> extract(const analysis& sentences) const;

 private:
  options opts_;
  text::sentence_splitter splitter_;
};

}  // namespace sitrep::facts
