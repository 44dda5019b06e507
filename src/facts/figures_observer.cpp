#include "sitrep/facts/figures_observer.hpp"

#include <algorithm>

namespace sitrep::facts {

void figures_observer::on_add(const stream::engine& e, const stream::sentence_range& added) {
  const auto& coll = e.collection();
  if (first_.empty()) {
    base_ = added.update;
    first_.push_back(0);
  }
  // Updates the observer did not see (there are none when attached before the first add, as
  // the contract asks) get no figures, so indexes stay aligned with the engine's.
  while (base_ + first_.size() - 1 < added.update) first_.push_back(figures_.size());
  if (added.update < coll.updates().size()) {
    const std::string& text = coll.updates()[added.update].text;
    scratch_.clear();
    for (std::size_t s = added.first; s < added.last; ++s) scratch_.push_back(coll.sentence(s).bytes);
    auto figs = extractor_.extract(text, scratch_);
    figures_.insert(figures_.end(), figs.begin(), figs.end());
  }
  first_.push_back(figures_.size());
}

std::span<const figure> figures_observer::of_update(std::size_t u) const noexcept {
  if (first_.empty() || u < base_ || u - base_ + 1 >= first_.size()) return {};
  const std::size_t i = u - base_;
  return std::span<const figure>(figures_).subspan(first_[i], first_[i + 1] - first_[i]);
}

std::size_t figures_observer::update_of(std::size_t i) const noexcept {
  if (first_.size() < 2 || i >= figures_.size()) return 0;
  // first_ is non-decreasing: the update is the last whose first figure is at or before i.
  auto it = std::upper_bound(first_.begin(), first_.end() - 1, i);
  return base_ + static_cast<std::size_t>(it - first_.begin()) - 1;
}

}  // namespace sitrep::facts
