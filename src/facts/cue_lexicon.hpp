// src/facts/cue_lexicon.hpp — internal: the word tokens and the reporting / verification cue
// lexicon shared by attribution.cpp and verification.cpp.
//
// The lexicon is data/facts/reporting_cues.txt, compiled in (cmake/SitrepEmbed.cmake), parsed
// once per process on first use and read-only afterwards (safe to share between threads).
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/facts/analysis.hpp"
#include "word_in.hpp"

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

using token = facts::token;  // sitrep/facts/analysis.hpp

/// Tokenizes text[span.begin, span.end). `lower` is the buffer the tokens' `low` views point
/// into (reused between calls; the views stay valid until the next call with the same buffer).
void tokenize(std::string_view text, std::size_t begin, std::size_t end, std::string& lower,
              std::vector<token>& out);

/// Appends the tokens of `s`, which starts at byte `begin` of its text; `low` is `s`
/// ASCII-lowercased (same length), which the tokens' `low` views point into.
void tokenize_lowered(std::string_view s, const char* low, std::size_t begin, std::vector<token>& out);

/// ASCII-lowercases `s` into `out`.
void ascii_lower(std::string_view s, std::string& out);

/// A set of words, hashed (the rules' longer word lists: one probe instead of a scan).
class word_set {
 public:
  word_set(std::initializer_list<std::string_view> words);
  bool contains(std::string_view w) const noexcept;

 private:
  std::vector<std::string_view> slots_;  // open addressing; the views point to literals
  std::size_t mask_ = 0, max_len_ = 0;
};

/// A phrase of the lexicon matched at a token.
struct cue_match {
  cue_class cls = cue_class::say;
  std::size_t words = 0;  // tokens the phrase spans (0 = no match)
};

/// Every class whose phrase starts at token `i` and matches the words after it (longest
/// phrase per class); appends to `out`.
void match_at(std::span<const token> toks, std::size_t i, std::vector<cue_match>& out);

/// True when `w` (lowercased) has class `c` as a single word.
bool word_has(std::string_view w, cue_class c);

bool is_pronoun(std::string_view low);
bool is_negation(std::string_view low);

}  // namespace sitrep::facts::detail
