// sitrep/rank/selection.hpp — the redundancy control and budgeted selection every method shares.
//
//   sitrep::rank::redundancy_filter filter(collection, {.max_similarity = 0.5});
//   if (!filter.repeats(candidate, chosen)) chosen.push_back(candidate);
//
//   // Greedy: best score first, skipping what repeats or does not fit.
//   auto s = sitrep::rank::select_greedy(collection, scores, budget, {}, "centroid");
//
// A candidate "repeats" a chosen sentence when the cosine of their TF-IDF vectors reaches
// `max_similarity`, or when nearly all its content terms (`max_containment`) already occur in
// one chosen sentence: the same fact said again in other words or as a shorter excerpt.
// `select_greedy` also drops sentences under `min_words` words (datelines, "More soon.") unless
// no other sentence is left, and guarantees a non-empty summary for a non-empty collection
// (unless a byte budget holds not one character: see summary.hpp). The bar falls with a short budget (`for_budget`): a 40-word summary of a
// live blog is built of headline-sized sentences that a 100-word one can pass over. The filter
// caches TF-IDF vectors; it reads the collection, never changes it, and is meant for one
// summarize call (not thread-safe).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/rank/summary.hpp"
#include "sitrep/vsm/collection.hpp"

namespace sitrep::rank {

struct selection_options {
  /// Cosine (TF-IDF) at or above which a candidate repeats a chosen sentence.
  double max_similarity = 0.5;
  /// Share of a candidate's distinct content terms found in one chosen sentence at or above
  /// which it repeats that sentence.
  double max_containment = 0.7;
  /// Sentences with fewer white-space words are not candidates (unless nothing else is).
  std::size_t min_words = 8;
  /// With a budget in words (or bytes, at 6 a word), the bar is this share of the budget, at
  /// least `min_words_floor` and at most `min_words` (0: always `min_words`).
  double budget_share = 0.1;
  std::size_t min_words_floor = 4;
};

/// invalid_argument for similarities outside (0, 1] or a budget share outside [0, 1].
status validate(const selection_options& o);

/// `o` with `min_words` set for budget `b` (see `budget_share`); applying it twice changes
/// nothing. Every method selects with the options for its budget.
selection_options for_budget(const selection_options& o, const budget& b);

class redundancy_filter {
 public:
  /// With `groups` (a repeat group id per sentence of `c`, stream::view::groups()), two members
  /// of one group always repeat each other.
  redundancy_filter(const vsm::collection& c, const selection_options& o,
                    std::span<const std::uint32_t> groups = {});
  /// Whether sentence `candidate` repeats any of `chosen`.
  bool repeats(std::size_t candidate, std::span<const std::size_t> chosen);
  /// Similarity the filter uses between two sentences (TF-IDF cosine).
  double similarity(std::size_t a, std::size_t b);

 private:
  const vsm::sparse_vector& vec(std::size_t i);
  const vsm::collection& c_;
  selection_options o_;
  std::span<const std::uint32_t> groups_;
  // Only the sentences compared are weighed: a stream of millions of sentences, few compared.
  std::unordered_map<std::size_t, vsm::sparse_vector> cache_;
};

/// Whether a sentence is a candidate at all (long enough, has content terms).
bool is_candidate(const vsm::collection& c, std::size_t i, const selection_options& o);

/// For each sentence, whether a method may choose it: the candidates, or every sentence when
/// none is a candidate (a stream of short updates still gets a summary).
std::vector<bool> choosable(const vsm::collection& c, const selection_options& o);

/// The indices of `choosable` sentences in stream order, at most `limit` of them, the newest
/// (the nodes of a sentence graph, whose cost grows with the square of their number).
std::vector<std::size_t> choosable_indices(const vsm::collection& c, const selection_options& o,
                                           std::size_t limit);

/// Greedy budgeted selection by descending `scores` (one per sentence; ties go to the earlier
/// sentence), skipping sentences that repeat a chosen one (or one of its group, with `groups`)
/// or no longer fit.
summary select_greedy(const vsm::collection& c, std::span<const double> scores, const budget& b,
                      const selection_options& o, std::string_view method,
                      std::span<const std::uint32_t> groups = {});

/// Puts picks in stream order and, when `picks` is empty but the collection is not, falls back
/// to the best-scored sentence (cut to the budget if it is too long). Every method ends here.
/// `scores` are those of sentences [first, first + scores.size()): a view's.
summary finish_summary(const vsm::collection& c, std::vector<scored_sentence> picks,
                       std::span<const double> scores, const budget& b, std::string_view method,
                       std::size_t first = 0);

}  // namespace sitrep::rank
