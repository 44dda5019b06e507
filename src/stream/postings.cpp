#include "sitrep/stream/postings.hpp"

#include <algorithm>

namespace sitrep::stream {

void postings::add_sentence(std::uint32_t sentence, std::span<const vsm::term_id> terms) {
  for (const vsm::term_id t : terms) {
    if (t >= lists_.size()) lists_.resize(static_cast<std::size_t>(t) + 1);
    auto& list = lists_[t];
    // Sentences arrive in order, so a repeat of the term in this sentence is the list's end.
    if (!list.empty() && list.back() >= sentence) continue;
    list.push_back(sentence);
    ++pairs_;
  }
}

std::span<const std::uint32_t> postings::of(vsm::term_id term) const noexcept {
  if (term >= lists_.size()) return {};
  return lists_[term];
}

std::span<const std::uint32_t> postings::latest(vsm::term_id term, std::size_t k) const noexcept {
  const auto all = of(term);
  return all.subspan(all.size() - std::min(k, all.size()));
}

}  // namespace sitrep::stream
