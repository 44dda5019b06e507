// Internal to sitrep::rank: the bigram concepts of the concept ILP (Gillick & Favre 2009).
//
//   auto table = detail::extract_concepts(collection, /*min_updates=*/3, /*bonus=*/4);
//   for (auto k : table.sentence_concepts[j]) total += table.weights[k];
//
// A concept is an ordered pair of adjacent stemmed tokens of a sentence (the collection's
// `tokens`, stopwords included) unless both tokens are stopwords. Tokens are words only
// (punctuation never becomes a token), so pairs of punctuation cannot arise. A concept weighs
// the number of updates it occurs in, plus `first_sentence_bonus` for each update whose first
// sentence holds it (ICSI's TAC 2009 system counted those occurrences double: a bonus of 1).
// Concepts in fewer than `min_updates` updates are pruned, whatever their bonus.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "sitrep/vsm/collection.hpp"

namespace sitrep::rank::detail {

struct concept_table {
  /// Weight of each kept concept (updates that contain it, plus the first-sentence bonus),
  /// indexed by concept id.
  std::vector<double> weights;
  /// For every sentence of the collection, the distinct kept concepts it holds, ascending.
  std::vector<std::vector<std::uint32_t>> sentence_concepts;
};

/// The kept concepts of all of `c`'s sentences: those in at least `min_updates` updates.
/// `first_sentence_bonus` >= 0.
concept_table extract_concepts(const vsm::collection& c, std::size_t min_updates,
                               double first_sentence_bonus = 0);

/// How many updates a concept must occur in: `paper_min` (3 in the paper, for clusters of 10
/// documents) scaled down for short streams to ceil(0.3 * updates), and never below 1.
std::size_t effective_min_updates(std::size_t paper_min, std::size_t updates);

}  // namespace sitrep::rank::detail
