// src/facts/cue_lexicon.hpp — internal: the word tokens and the reporting / verification cue
// lexicon shared by attribution.cpp and verification.cpp.
//
// The lexicon is data/facts/reporting_cues.txt, compiled in (cmake/SitrepEmbed.cmake), parsed
// once per process on first use and read-only afterwards (safe to share between threads).
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::facts::detail {

enum class cue_class : std::uint8_t {
  say,
  listener,
  epistemic,
  doxastic,
  report,
  claim,
  condition,
  question,
  forecast,
  denial,
  confirmation,
  negation,
  count_
};

/// A token of a sentence: a word (letters, digits, inner apostrophes and hyphens), or one
/// punctuation character (quotes of every kind read as '"', dashes as '-').
struct token {
  std::size_t begin = 0, end = 0;  // bytes in the text
  bool word = false;
  bool cap = false;  // starts with an ASCII capital
  char c = 0;        // punctuation: the character
  std::string_view low;  // word: ASCII-lowercased (a view into the tokenizer's buffer)
};

/// Tokenizes text[span.begin, span.end). `lower` is the buffer the tokens' `low` views point
/// into (reused between calls; the views stay valid until the next call with the same buffer).
void tokenize(std::string_view text, std::size_t begin, std::size_t end, std::string& lower,
              std::vector<token>& out);

/// A phrase of the lexicon matched at a token.
struct cue_match {
  cue_class cls = cue_class::say;
  std::size_t words = 0;  // tokens the phrase spans (0 = no match)
};

/// Every class whose phrase starts at token `i` and matches the words after it (longest
/// phrase per class); appends to `out`.
void match_at(const std::vector<token>& toks, std::size_t i, std::vector<cue_match>& out);

/// True when `w` (lowercased) has class `c` as a single word.
bool word_has(std::string_view w, cue_class c);

/// Whether `w` is one of `list` (short lists of words written in the rules).
inline bool in(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list)
    if (w == x) return true;
  return false;
}

bool is_pronoun(std::string_view low);
bool is_negation(std::string_view low);

}  // namespace sitrep::facts::detail
