// Internal to auto_summarizer: the weighted concept model (not installed).
//
// A concept is a stemmed bigram (not both stopwords) or a content unigram. Its weight is its
// support: the sum over the updates that carry it of one occurrence weight, which grows near the
// top of the update (position prior, smooth decay) and in the newest and opening stretches of
// the stream. Concepts carried by fewer than `min_support` updates weigh nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "sitrep/vsm/collection.hpp"

namespace sitrep::rank::detail {

using concept_id = std::uint32_t;

struct concept_options {
  double unigram_weight = 0.25;    // weight of a unigram concept relative to a bigram
  std::size_t min_support = 2;     // updates a concept needs (1 when the stream has one)
  double position_boost = 1.0;     // extra weight of an occurrence at the top of its update
  double position_decay = 2.0;     // sentences over which that extra weight decays by 1/e
  double recency_boost = 1.0;      // extra weight of an occurrence in a recent update
  double recent_fraction = 0.1;    // share of the stream, newest first, that is recent
  double opening_boost = 0.0;      // extra weight of an occurrence in an opening update
  double opening_fraction = 0.1;   // share of the stream, oldest first, that is the opening
  // A sentence this close (TF-IDF cosine) to an earlier one of another update adds no support:
  // copies are not independent agreement (0: off).
  double copy_similarity = 0.0;
  double length_exponent = 0.0;    // occurrence weight times (update words / median)^this
};

struct concept_model {
  std::vector<std::vector<concept_id>> of_sentence;  // distinct concepts of each sentence
  std::vector<double> weight;                        // per concept (0 when pruned)
  std::vector<std::size_t> updates_with;             // per concept: updates carrying it
};

/// Weight of one occurrence in update `u` (of `updates`) at sentence `position` of it.
double occurrence_weight(const concept_options& o, std::size_t position, std::size_t u,
                         std::size_t updates);

concept_model build_concepts(const vsm::collection& c, const concept_options& o);

}  // namespace sitrep::rank::detail
