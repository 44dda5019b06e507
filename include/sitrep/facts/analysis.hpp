// sitrep/facts/analysis.hpp — one update's sentences tokenized once, shared by the statement
// extractors (attributions, status marks, claims).
//
//   sitrep::facts::analysis a;
//   a.assign(text, sentence_spans);                 // lowercases and tokenizes each sentence once
//   auto attributions = attribution_extractor{}.extract(a);
//   auto marks = status_detector{}.extract(a);
//   tracker.add(update, a, marks);
//   for (std::size_t s = 0; s < a.size(); ++s)
//     for (const sitrep::facts::token& t : a.tokens(s))
//       if (t.word) std::cout << t.low << ' ';      // ASCII-lowercased words
//
// `assign` keeps the sentences the extractors read: spans in text order, inside the text and
// not empty (a span that starts before the end of the one kept before it, runs past the text
// or is empty is dropped, as every `extract(text, sentences)` does). Each kept sentence is
// tokenized on its own (a token never crosses a sentence's end), so the tokens are exactly what
// each extractor made for itself before; the extractors' results from an analysis equal those
// from `extract(text, sentences)`.
//
// Ownership: the analysis views `text` (which must outlive it and stay unchanged until the next
// `assign`) and owns the lowercased copy its tokens' `low` views point into; it is therefore
// neither copyable nor movable. Reuse one analysis per thread (the statements observer holds
// one): `assign` keeps its buffers, so a warm analysis allocates nothing. Not thread-safe to
// `assign` while another thread reads it; const reads may be shared.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/text/sentence_splitter.hpp"

namespace sitrep::facts {

/// A token of a sentence: a word (letters, digits, inner apostrophes and hyphens, the dot of
/// "U.S." and of a title such as "Col."), or one punctuation character (quotes of every kind
/// read as '"', curly apostrophes as '\'', dashes as '-', an ellipsis as '.').
struct token {
  std::size_t begin = 0, end = 0;  // bytes in the text
  bool word = false;
  bool cap = false;       // word: starts with an ASCII capital
  char c = 0;             // punctuation: the character
  std::uint32_t lex = 0;  // word: its entry in the reporting-cue lexicon plus one; 0 = none
  std::string_view low;   // word: ASCII-lowercased (a view into the analysis' buffer)
};

class analysis {
 public:
  analysis() = default;
  analysis(const analysis&) = delete;
  analysis& operator=(const analysis&) = delete;

  /// Tokenizes the sentences `sentences` of `text` (byte spans, as the engine gives them).
  void assign(std::string_view text, std::span<const text::byte_span> sentences);

  /// The text of the last `assign`.
  std::string_view text() const noexcept { return text_; }
  /// Number of sentences kept.
  std::size_t size() const noexcept { return spans_.size(); }
  /// Sentence `i` (i < size()).
  text::byte_span sentence(std::size_t i) const noexcept { return spans_[i]; }
  /// Every kept sentence, in text order.
  std::span<const text::byte_span> sentences() const noexcept { return spans_; }
  /// The tokens of sentence `i` (i < size()), in text order; empty for a sentence of spaces.
  std::span<const token> tokens(std::size_t i) const noexcept {
    return std::span<const token>(toks_).subspan(first_[i], first_[i + 1] - first_[i]);
  }
  /// The kept sentence that is exactly `s`, or size() when none is.
  std::size_t find(text::byte_span s) const noexcept;

 private:
  std::string_view text_;
  std::string lower_;  // the text, ASCII-lowercased
  std::vector<token> toks_;
  std::vector<text::byte_span> spans_;
  std::vector<std::size_t> first_;  // first_[i]: sentence i's first token; one extra at the end
};

}  // namespace sitrep::facts
