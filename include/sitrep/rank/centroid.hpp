// sitrep/rank/centroid.hpp — MEAD-style centroid summarization.
//
//   auto centroid = sitrep::rank::centroid_summarizer::create({});
//   if (!centroid) return centroid.error();   // invalid_argument names the bad option
//   auto s = (*centroid)->summarize(collection, {sitrep::rank::budget_unit::words, 100});
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
#include <memory>

#include "sitrep/rank/summarizer.hpp"

namespace sitrep::rank {

class centroid_summarizer final : public summarizer {
 public:
  struct options {
    std::size_t centroid_terms = 100;   ///< terms kept in the centroid (>= 1)
    double position_weight = 1.0;       ///< weight of P (finite, >= 0)
    double first_sentence_weight = 0.5; ///< weight of F (finite, >= 0)
    selection_options selection;
  };
  /// invalid_argument naming the first option out of range (ranges above).
  static status validate(const options& o);
  /// A summarizer with validated options.
  static result<std::unique_ptr<centroid_summarizer>> create(const options& o);

  std::string_view id() const noexcept override { return "centroid"; }
  using summarizer::summarize;
  summary summarize(const stream::view& v, const budget& b) const override;

 private:
  explicit centroid_summarizer(options o) : o_(o) {}
  options o_;
};

}  // namespace sitrep::rank
