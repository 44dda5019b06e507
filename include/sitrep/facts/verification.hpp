// sitrep/facts/verification.hpp — verification status: sentences that mark a claim unverified,
// denied or confirmed, the hedge cues behind them, and a claim's status over time.
//
//   sitrep::facts::status_detector detector;               // immutable, shareable
//   std::string_view text = "The group says it was behind the attack. "
//                           "The statement has not yet been verified.";
//   for (const auto& m : detector.extract(text))
//     std::cout << to_string(m.status) << ": "                     // "unverified"
//               << text.substr(m.cue.begin, m.cue.size()) << "\n"; // "not yet been verified"
//   // m.claim is the first sentence: "The statement ..." refers back to it.
//
//   sitrep::facts::claim_tracker tracker;                  // one per stream (or per story)
//   tracker.add(0, text0, spans0, detector.extract(text0, spans0));  // "Americans might be present"
//   tracker.add(1, text1, spans1, detector.extract(text1, spans1));  // "It has emerged that ..."
//   for (const auto& c : tracker.claims())                  // one claim, history: unverified
//     for (const auto& h : c.history) ...                   //   (update 0), confirmed (update 1)
//
// What is marked (cue words in data/facts/reporting_cues.txt, compiled in; rules in
// verification.cpp, written for sitrep):
//   * unverified: reportedly, allegedly, claimed, "there are reports", "said to be", believed,
//     thought, suspected, feared, rumored, unconfirmed, "has not (yet) been verified /
//     confirmed" (a negated confirmation), unclear, possible, likely, appears, and epistemic
//     may / might / could followed by "be" or "have" ("might be present", "could have died").
//   * denied: denied, dismissed, rejected, disputes, ruled out, "contradicted by".
//   * confirmed: confirmed, verified, officially, "it has emerged", "it is revealed".
//   A modal about the future ("could become", "may reach"), a conditional ("if", "unless"), an
//   open question ("whether") and a forecast ("expected") are hedges but not a status: they
//   appear in `hedges` (for measuring uncertainty) and never in `extract`.
//   A status sentence that only points back ("The statement has not yet been verified", "This
//   was later denied": a short sentence opening with "the statement / claim / report", "this",
//   "that" or "it") marks the claim of the sentence before it.
//
// Contract: any bytes are accepted (never throws on input, never reads outside `text`). Spans
// are byte offsets into the text; marks come in text order, at most one per status and
// sentence. An empty result means no sentence marks a status. The detector is immutable and
// safe to share between threads; `extract` and `hedges` are linear in the text's length.
//
// Known limits: word cues without a parse: "could" of ability ("could be seen from space")
// reads as epistemic, negation is looked for only a few words before a cue, and a claim is
// matched to a later sentence by shared words only (see claim_tracker), through a 64-bit
// signature first, which misses about one in twenty pairs that share exactly the minimum
// number of words.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "sitrep/facts/analysis.hpp"
#include "sitrep/text/sentence_splitter.hpp"

namespace sitrep::facts {

enum class verification { unverified, denied, confirmed };

/// What kind of cue marked the sentence.
enum class cue_kind {
  epistemic,     // may, might, possibly, likely, unclear
  doxastic,      // believed, thought, suspected, feared
  report,        // reportedly, allegedly, unconfirmed, "has not been verified"
  claim,         // claimed, "said to be": a party's claim (a status, never a hedge)
  condition,     // if, unless (a hedge, never a status)
  question,      // whether (a hedge, never a status)
  forecast,      // expected, predicted; a modal about the future (a hedge, never a status)
  denial,        // denied, ruled out
  confirmation,  // confirmed, it has emerged
};

/// "unverified", "denied", "confirmed" (the facts schema's names).
std::string_view to_string(verification v) noexcept;
/// "epistemic", "doxastic", ...
std::string_view to_string(cue_kind k) noexcept;

/// A cue inside one sentence.
struct status_cue {
  text::byte_span cue;
  cue_kind kind = cue_kind::epistemic;
};

/// A sentence that marks a claim's status.
struct status_mark {
  /// The update's index in the stream (set by `statements_observer`; 0 from `extract`).
  std::size_t update = 0;
  verification status = verification::unverified;
  cue_kind kind = cue_kind::report;
  /// The cue words ("reportedly", "is denied by", "It has emerged").
  text::byte_span cue;
  /// The sentence holding the cue.
  text::byte_span sentence;
  /// The sentence whose claim is marked: `sentence` itself, or the sentence before it when
  /// the mark only points back ("The statement has not yet been verified").
  text::byte_span claim;
  /// The mark only points back and its sentence opens the text, so the claim is in an earlier
  /// text (for the claim tracker: the last sentence of the story's previous update).
  bool refers_back = false;
};

class status_detector {
 public:
  struct options {
    /// How many words before a confirmation a negation turns it into unverified ("has not
    /// yet been confirmed").
    std::size_t negation_reach = 4;
    /// A sentence of at most this many words that opens with "the statement / claim /
    /// report", "this", "that" or "it" and marks a status refers to the sentence before it.
    std::size_t back_reference_words = 12;
  };

  status_detector() : status_detector(options{}) {}
  explicit status_detector(options opts);

  /// The status marks of `text` (one update), in text order. Splits it with the default
  /// `text::sentence_splitter`.
  std::vector<status_mark> extract(std::string_view text) const;
  /// The same with the sentences known (the engine's spans of one update); spans out of order,
  /// past the end or empty are skipped.
  std::vector<status_mark> extract(std::string_view text,
                                   std::span<const text::byte_span> sentences) const;
  /// The same on sentences already tokenized (one `analysis` per update, shared with the
  /// attribution extractor and the claim tracker).
  std::vector<status_mark> extract(const analysis& sentences) const;

  /// Every uncertainty cue of the sentence `text[sentence]` (hedges of all kinds, including
  /// conditions, questions and forecasts, but not claims, denials or confirmations), in text
  /// order.
  /// A sentence is uncertain when this is not empty.
  std::vector<status_cue> hedges(std::string_view text, text::byte_span sentence) const;
  /// `hedges` of the whole text as one sentence.
  std::vector<status_cue> hedges(std::string_view text) const {
    return hedges(text, text::byte_span{0, text.size()});
  }

 private:
  // Every cue of the sentence, status ones and hedges alike.
  void cues(std::span<const token> sentence, std::vector<status_cue>& out,
            bool& back_reference) const;
  options opts_;
  text::sentence_splitter splitter_;
};

/// A claim (a sentence marked unverified) and its status over time.
struct claim {
  std::size_t story = 0;
  std::size_t update = 0;          // where the claim was made
  text::byte_span sentence;        // the claim's sentence in that update's text
  verification status = verification::unverified;  // the latest status
  struct change {
    std::size_t update = 0;
    text::byte_span sentence;  // the sentence that marked it, in that update's text
    verification status = verification::unverified;
  };
  /// Every mark, in stream order; the first is the claim's own (unverified).
  std::vector<change> history;
};

/// Follows claims through a stream. A status mark `unverified` opens a claim; a later mark
/// (any status) in the same story whose claim sentence shares enough content words with an
/// open claim joins its history and sets its status. Content words: lowercased words of three
/// letters or more that are not function words, with a plural "s" removed.
///
/// Contract: call `add` in stream order, once per update; `text` must stay the same as given
/// (the tracker keeps each claim's words, not the text). Not thread-safe for writes; const
/// queries are safe while no `add` runs.
class claim_tracker {
 public:
  struct options {
    /// A later sentence matches a claim when they share at least this many content words...
    std::size_t min_shared_words = 3;
    /// ... and these make at least this share of the smaller sentence's content words.
    double min_overlap = 0.3;
    /// A mark is compared with the latest this-many claims of the stream only (older claims
    /// keep their history but are no longer followed), so `add` costs a bounded amount per
    /// mark however long the stream.
    std::size_t window = 100;
  };

  claim_tracker() : claim_tracker(options{}) {}
  explicit claim_tracker(options opts) : opts_(opts) {}

  /// Adds the marks of update `update` (in story `story`); `text` is the update's text and
  /// `sentences` its sentence spans (the last one is remembered, for a mark of a later update
  /// that `refers_back`).
  void add(std::size_t update, std::string_view text, std::span<const text::byte_span> sentences,
           std::span<const status_mark> marks, std::size_t story = 0);
  /// The same with the update's sentences already tokenized (`sentences.text()` is its text).
  void add(std::size_t update, const analysis& sentences, std::span<const status_mark> marks,
           std::size_t story = 0);

  /// Every claim so far, in the order they were opened.
  std::span<const claim> claims() const noexcept { return claims_; }
  /// The claims opened or changed by update `update`, as indexes into `claims()`.
  std::vector<std::size_t> claims_of_update(std::size_t update) const;

 private:
  options opts_;
  std::vector<claim> claims_;
  std::vector<std::vector<std::uint64_t>> words_;  // per claim, sorted content word hashes
  struct key {  // per claim, what matching reads (compact, so the window scan stays in cache)
    std::size_t story = 0, update = 0;
    text::byte_span sentence;
    std::uint64_t sig = 0;  // a bit per word (see .cpp)
  };
  std::vector<key> keys_;
  struct last_sentence {
    std::size_t story = 0, update = 0;
    text::byte_span sentence;
    std::vector<std::uint64_t> words;
  };
  std::vector<last_sentence> last_;  // per story seen: its previous update's last sentence
  // `last`: the update's last sentence (none: nothing is remembered).
  void add_marks(std::size_t update, const analysis& sentences, std::span<const status_mark> marks,
                 std::size_t story, const text::byte_span* last);
};

}  // namespace sitrep::facts
