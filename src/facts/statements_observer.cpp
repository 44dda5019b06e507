#include "sitrep/facts/statements_observer.hpp"

namespace sitrep::facts {

statements_observer::statements_observer(options opts)
    : opts_(std::move(opts)),
      attributions_x_(opts_.attribution),
      marks_x_(opts_.status),
      tracker_(opts_.claims) {}

void statements_observer::on_add(const stream::engine& e, const stream::sentence_range& added) {
  const auto& coll = e.collection();
  if (attr_first_.empty()) {
    base_ = added.update;
    attr_first_.push_back(0);
    mark_first_.push_back(0);
  }
  // Updates the observer did not see get nothing, so indexes stay aligned with the engine's.
  while (base_ + attr_first_.size() - 1 < added.update) {
    attr_first_.push_back(attributions_.size());
    mark_first_.push_back(marks_.size());
  }
  if (added.update < coll.updates().size()) {
    const std::string& text = coll.updates()[added.update].text;
    scratch_.clear();
    for (std::size_t s = added.first; s < added.last; ++s) scratch_.push_back(coll.sentence(s).bytes);
    const std::size_t a0 = attributions_.size(), m0 = marks_.size();
    // One tokenization of the update's sentences, read by all three.
    analysis_->assign(text, scratch_);
    auto as = attributions_x_.extract(*analysis_);
    attributions_.insert(attributions_.end(), as.begin(), as.end());
    auto ms = marks_x_.extract(*analysis_);
    marks_.insert(marks_.end(), ms.begin(), ms.end());
    for (std::size_t i = a0; i < attributions_.size(); ++i) attributions_[i].update = added.update;
    for (std::size_t i = m0; i < marks_.size(); ++i) marks_[i].update = added.update;
    const std::size_t story = opts_.story_of ? opts_.story_of(added.update) : 0;
    tracker_.add(added.update, *analysis_, std::span<const status_mark>(marks_).subspan(m0), story);
  }
  attr_first_.push_back(attributions_.size());
  mark_first_.push_back(marks_.size());
}

std::span<const attribution> statements_observer::attributions_of(std::size_t u) const noexcept {
  if (attr_first_.empty() || u < base_ || u - base_ + 1 >= attr_first_.size()) return {};
  const std::size_t i = u - base_;
  return std::span<const attribution>(attributions_).subspan(attr_first_[i], attr_first_[i + 1] - attr_first_[i]);
}

std::span<const status_mark> statements_observer::marks_of(std::size_t u) const noexcept {
  if (mark_first_.empty() || u < base_ || u - base_ + 1 >= mark_first_.size()) return {};
  const std::size_t i = u - base_;
  return std::span<const status_mark>(marks_).subspan(mark_first_[i], mark_first_[i + 1] - mark_first_[i]);
}

std::vector<attribution> statements_observer::attributions_of(std::span<const std::size_t> updates) const {
  std::vector<attribution> out;
  for (std::size_t u : updates) {
    auto s = attributions_of(u);
    out.insert(out.end(), s.begin(), s.end());
  }
  return out;
}

std::vector<status_mark> statements_observer::marks_of(std::span<const std::size_t> updates) const {
  std::vector<status_mark> out;
  for (std::size_t u : updates) {
    auto s = marks_of(u);
    out.insert(out.end(), s.begin(), s.end());
  }
  return out;
}

}  // namespace sitrep::facts
