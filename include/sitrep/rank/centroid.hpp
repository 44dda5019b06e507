// sitrep/rank/centroid.hpp — MEAD-style centroid summarization.
//
//   sitrep::rank::centroid_summarizer centroid({});
//   auto s = centroid.summarize(collection, {sitrep::rank::budget_unit::words, 100});
//
// Follows Radev, Jing, Styś and Tam, "Centroid-based summarization of multiple documents"
// (Information Processing & Management 40, 2004). The centroid is the mean TF-IDF vector of the
// collection's sentences, cut to its `centroid_terms` heaviest terms. A sentence scores
//   C (sum of the centroid weights of its distinct terms, scaled to [0, 1])
//   + position_weight * P (1 for the first sentence of its update, falling linearly)
//   + first_sentence_weight * F (TF overlap with its update's first sentence, scaled to [0, 1]),
// and sentences are chosen greedily under the shared redundancy control (MEAD's
// cross-sentence informational subsumption is played by selection.hpp's filter).
#pragma once

#include <cstddef>

#include "sitrep/rank/summarizer.hpp"

namespace sitrep::rank {

class centroid_summarizer final : public summarizer {
 public:
  struct options {
    std::size_t centroid_terms = 100;   ///< terms kept in the centroid
    double position_weight = 1.0;       ///< weight of P
    double first_sentence_weight = 0.5; ///< weight of F
    selection_options selection;
  };
  explicit centroid_summarizer(options o) : o_(o) {}
  std::string_view id() const noexcept override { return "centroid"; }
  summary summarize(const vsm::collection& c, const budget& b) const override;

 private:
  options o_;
};

}  // namespace sitrep::rank
