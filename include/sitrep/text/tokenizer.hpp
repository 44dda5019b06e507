// sitrep/text/tokenizer.hpp — words out of UTF-8 text, normalized for matching.
//
//   auto words = sitrep::text::tokenize("The U.S. Army's 3.5% rise — Café");
//   // {"the", "u.s", "army's", "3.5", "rise", "café"}   (NFKC + case folded)
//
// `tokenize` gives the word tokens a summarizer counts: letters and digits, with inner
// apostrophes, periods, hyphens and commas between digits kept ("don't", "u.s", "3,000"),
// normalized with Unicode NFKC and case folding (utf8proc). Punctuation is dropped. Tokenized
// inputs such as "did n't" give "did", "n't". `count_words` counts white-space separated words,
// the unit of the `--words` budget and of ROUGE's `-l` cut.
//
// All functions are pure and thread-safe. Invalid UTF-8 bytes are skipped, never a crash
// (readers reject invalid UTF-8 before it gets here).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::text {

/// NFKC normalization plus case folding of a UTF-8 string.
std::string normalize(std::string_view text);

/// Normalized word tokens of `text`, in order; see above.
std::vector<std::string> tokenize(std::string_view text);

/// Number of white-space separated words in `text`.
std::size_t count_words(std::string_view text) noexcept;

}  // namespace sitrep::text
