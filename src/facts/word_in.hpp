// src/facts/word_in.hpp — internal: whether a word is one of a short list written in the rules,
// shared by the facts module's sources (figures, series, entities, the cue lexicon's users).
#pragma once

#include <initializer_list>
#include <string_view>

namespace sitrep::facts::detail {

/// Whether `w` is one of `list` (short lists of words written in the rules).
inline bool in(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list)
    if (w == x) return true;
  return false;
}

}  // namespace sitrep::facts::detail
