#include "sitrep/facts/analysis.hpp"

#include <algorithm>

#include "cue_lexicon.hpp"

namespace sitrep::facts {

void analysis::assign(std::string_view text, std::span<const text::byte_span> sentences) {
  text_ = text;
  toks_.clear();
  spans_.clear();
  first_.assign(1, 0);
  // The whole text lowercased once; each sentence's tokens view their part of it.
  detail::ascii_lower(text, lower_);
  std::size_t prev_end = 0;
  for (const text::byte_span& s : sentences) {
    if (s.begin < prev_end || s.end > text.size() || s.begin >= s.end) continue;
    prev_end = s.end;
    detail::tokenize_lowered(text.substr(s.begin, s.size()), lower_.data() + s.begin, s.begin, toks_);
    spans_.push_back(s);
    first_.push_back(toks_.size());
  }
}

std::size_t analysis::find(text::byte_span s) const noexcept {
  auto it = std::lower_bound(spans_.begin(), spans_.end(), s.begin,
                             [](const text::byte_span& a, std::size_t b) { return a.begin < b; });
  if (it != spans_.end() && it->begin == s.begin && it->end == s.end)
    return static_cast<std::size_t>(it - spans_.begin());
  return spans_.size();
}

}  // namespace sitrep::facts
