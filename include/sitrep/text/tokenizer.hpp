// sitrep/text/tokenizer.hpp — words out of UTF-8 text, normalized for matching.
//
//   auto words = sitrep::text::tokenize("The U.S. Army's 3.5% rise — Café");
//   // {"the", "u.s", "army's", "3.5", "rise", "café"}   (NFKC + case folded)
//
// `tokenize` gives the word tokens a summarizer counts. The rules, in order:
//   * Text is normalized first (`normalize`): Unicode NFKC plus case folding, default-ignorable
//     characters (soft hyphen, zero-width joiner, ...) removed. "ＡＢＣ" -> "abc", "ﬁ" -> "fi",
//     "Straße" -> "strasse", "…" -> "...".
//   * A token is a run of word characters: letters (L*), digits and numbers (N*) and combining
//     marks (M*, so Devanagari and Thai words stay whole).
//   * A connector between two word characters joins them into one token: an apostrophe ("don't",
//     "army's"; the typographic ’ and ʼ are written as '), a full stop ("u.s", "3.5",
//     "bbc.co.uk"), a hyphen ("well-known"; U+2010 and U+2011 are written as -), and a comma
//     between two digits ("3,000" but "paris,london" -> "paris", "london").
//   * Tokenized input keeps its clitics: "did n't" -> "did", "n't" and "we 're" -> "we", "'re"
//     (an apostrophe starting a white-space word and followed by s, re, ve, ll, m or d).
//   * Everything else (punctuation, symbols, emoji, white space) separates tokens and is
//     dropped; a connector at the edge of a word is dropped too ("u.s." -> "u.s").
// ASCII input (the common case) takes a fast path that gives the same result without utf8proc.
//
// `count_words` counts white-space separated words (ASCII white space), the unit of the
// `--words` budget and of ROUGE's `-l` cut: "U.S. troops -- 3,000 of them" is 6 words.
//
// All functions are pure and thread-safe. Invalid UTF-8 bytes are skipped, never a crash
// (readers reject invalid UTF-8 before it gets here).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::text {

/// NFKC normalization plus case folding of a UTF-8 string; invalid bytes and default-ignorable
/// characters are dropped. Stopword lists and dictionaries are stored in this form.
std::string normalize(std::string_view text);

/// Normalized word tokens of `text`, in order; see above. Never returns an empty token.
std::vector<std::string> tokenize(std::string_view text);

/// Reusable storage for `tokenize_into`: the tokens of one text back to back in one string.
/// Keeping one buffer across calls makes tokenizing ASCII text allocation-free once the buffer
/// has grown to the longest text. Not thread-safe; one per thread.
class token_buffer {
 public:
  std::size_t size() const noexcept { return ends_.size(); }
  bool empty() const noexcept { return ends_.empty(); }
  /// Token `i` (< size()); the view is valid until the buffer is next filled or cleared.
  std::string_view operator[](std::size_t i) const noexcept {
    const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(chars_).substr(begin, ends_[i] - begin);
  }
  void clear() noexcept {
    chars_.clear();
    ends_.clear();
  }

 private:
  friend struct token_sink;
  std::string chars_;
  std::vector<std::size_t> ends_;
};

/// The tokens of `tokenize(text)`, the same ones in the same order, written into `out`
/// (cleared first) instead of a vector of strings.
void tokenize_into(std::string_view text, token_buffer& out);

/// Number of white-space separated words in `text`.
std::size_t count_words(std::string_view text) noexcept;

}  // namespace sitrep::text
