// Internal to auto_summarizer: the weighted concept model (not installed).
//
// A concept is a stemmed bigram (not both stopwords) or a content unigram. Its weight is its
// support: the sum over the updates that carry it of one occurrence weight, which grows near the
// top of the update (position prior, smooth decay) and in the newest and opening stretches of
// the stream. Concepts carried by fewer than `min_support` updates weigh nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <vector>

#include "sitrep/stream/view.hpp"
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
  // A concept the stream carried before the view (the earlier stream of a "since" view) weighs
  // this share: what is new is what the reader has not been told (1: no discount).
  double seen_weight = 1.0;
  // Place updates in the stream by their times when they have them (see stream_places).
  bool places_by_time = true;
  // Each sentence, not each update, is a unit of support: for a view of one update (a single
  // article), where agreement between updates says nothing, a concept the article returns to in
  // several sentences is central to it.
  bool sentences_as_units = false;
  // With a decay > 0, the recency term is smooth: recency_boost * exp(-age / recency_decay),
  // age = how far (share of the stream) the update is from the newest; 0: the step above.
  double recency_decay = 0.0;
  double newest_place = 1.0;  // the place of the newest update (set by build_concepts)
};

// The concepts of each sentence, all in one array (one allocation for a stream of millions
// of sentences, not one each).
class concept_lists {
 public:
  concept_lists() = default;
  concept_lists(std::initializer_list<std::initializer_list<concept_id>> lists) {
    for (const auto& l : lists) push(std::span<const concept_id>(l.begin(), l.size()));
  }
  /// Appends the next sentence's concepts.
  void push(std::span<const concept_id> ids) {
    ids_.insert(ids_.end(), ids.begin(), ids.end());
    offsets_.push_back(ids_.size());
  }
  std::span<const concept_id> operator[](std::size_t i) const {
    return {ids_.data() + offsets_[i], ids_.data() + offsets_[i + 1]};
  }
  std::size_t size() const noexcept { return offsets_.size() - 1; }

 private:
  std::vector<std::size_t> offsets_{0};
  std::vector<concept_id> ids_;
};

struct concept_model {
  // Distinct concepts of each sentence of the view, indexed from the view's first sentence.
  concept_lists of_sentence;
  std::vector<double> weight;                        // per concept (0 when pruned)
  std::vector<std::size_t> updates_with;             // per concept: updates carrying it
};

/// Weight of one occurrence at sentence `position` of an update placed at `place` in [0, 1]
/// (0: the opening of the stream, 1: its newest moment), or with no place (a stream of one
/// update has no stream signal).
double occurrence_weight(const concept_options& o, std::size_t position,
                         std::optional<double> place);
/// The same for update `u` of `updates`, placed by its index (u / updates).
double occurrence_weight(const concept_options& o, std::size_t position, std::size_t u,
                         std::size_t updates);

/// The place of each update of `v` (indexed from its first update) in [0, 1): its rank in time
/// (ties in arrival order) over the view's updates when `by_time` and they span some time (an
/// update without a time takes the stream's clock when it came: the latest time seen so far),
/// its arrival index otherwise; rank / updates either way, so the newest tenth is a tenth of
/// the updates. Empty for a view of fewer than two updates.
std::vector<double> stream_places(const stream::view& v, bool by_time);

/// For each sentence of `v` (indexed from its first), whether it copies an earlier sentence of
/// another update (TF-IDF cosine at least `copy_similarity` when it arrived, from the view's
/// repeat index, or from find_repeats over the collection when the view has none). With
/// `same_text`, also, for each, that earlier sentence (indexed from the view's first) when it is
/// in the view and has the very same text, kNoSentence otherwise.
inline constexpr std::size_t kNoSentence = static_cast<std::size_t>(-1);
std::vector<bool> copies(const stream::view& v, double copy_similarity,
                         std::vector<std::size_t>* same_text = nullptr);

concept_model build_concepts(const stream::view& v, const concept_options& o);
/// The whole collection, without repeat groups.
concept_model build_concepts(const vsm::collection& c, const concept_options& o);

}  // namespace sitrep::rank::detail
