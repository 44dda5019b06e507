// sitrep/facts/figures_observer.hpp — the figures of every update, kept as the engine adds them.
//
//   auto e = sitrep::stream::engine::create({});
//   sitrep::facts::figures_observer figures;               // default extractor options
//   e->attach(figures);                                     // before the first add
//   for (auto& u : updates) e->add(std::move(u));
//   for (const auto& f : figures.of_update(3))             // figures of the 4th update
//     std::cout << e->collection().updates()[3].text.substr(f.surface.begin, f.surface.size());
//
// On each `on_add` the observer runs `figure_extractor::extract` on the new update's text with
// the sentence spans the engine already made (nothing is split twice) and appends the figures;
// nothing earlier is read again. Spans in the figures are byte offsets into that update's
// text (`engine::collection().updates()[u].text`). An update without text has no figures.
//
// Thread safety: as the engine's (one writer; const queries only while no `add` runs). The
// observer must outlive the engine it is attached to, and must be attached to one engine only.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "sitrep/facts/figures.hpp"
#include "sitrep/stream/engine.hpp"

namespace sitrep::facts {

class figures_observer final : public stream::observer {
 public:
  figures_observer() = default;
  explicit figures_observer(figure_extractor::options opts) : extractor_(opts) {}

  void on_add(const stream::engine& e, const stream::sentence_range& added) override;

  /// Number of updates seen so far (the engine's update count once attached before the first add).
  std::size_t updates() const noexcept { return first_.empty() ? 0 : first_.size() - 1; }
  /// The figures of update `u` (index in the engine's stream), in text order; empty when `u`
  /// had none or is out of range.
  std::span<const figure> of_update(std::size_t u) const noexcept;
  /// Every figure so far, update by update.
  std::span<const figure> all() const noexcept { return figures_; }
  /// Index of the update figure `i` of all() belongs to.
  std::size_t update_of(std::size_t i) const noexcept;

 private:
  figure_extractor extractor_;
  std::vector<figure> figures_;
  std::vector<std::size_t> first_;  // first_[u] = index of update u's first figure; one extra at the end
  std::size_t base_ = 0;            // the first update seen (attached late: later updates)
  std::vector<text::byte_span> scratch_;
};

}  // namespace sitrep::facts
