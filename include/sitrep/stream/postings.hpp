// sitrep/stream/postings.hpp — which sentences hold a term, kept as the stream grows.
//
//   sitrep::stream::postings p;
//   p.add_sentence(0, std::vector<sitrep::vsm::term_id>{4, 7, 4});   // sentence 0: terms 4, 7
//   p.add_sentence(1, std::vector<sitrep::vsm::term_id>{7});
//   p.of(7);            // {0, 1}
//   p.of(4);            // {0}: a sentence is listed once per term, however often it holds it
//   p.of(99);           // {}: a term never seen
//   p.latest(7, 1);     // {1}: the newest sentence that holds term 7
//
// A posting list is the ascending list of sentence indexes that hold a term (content terms:
// the collection's `sentence_record::terms`). Sentences are added in increasing index order, so
// each list only grows at its end: adding a sentence costs O(its terms), never O(stream).
// `latest` serves callers that bound their work by recency (candidates for a repeat among the
// last sentences with a rare term), which stays O(k) however long the list is.
//
// Memory: 4 bytes per (term, sentence) pair plus one small vector per term. Thread safety:
// const members may be called from many threads while no `add_sentence` runs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "sitrep/vsm/vocabulary.hpp"

namespace sitrep::stream {

class postings {
 public:
  /// Records that sentence `sentence` holds `terms` (repeats allowed). Sentences must be added
  /// in strictly increasing order; a sentence added twice is listed once.
  void add_sentence(std::uint32_t sentence, std::span<const vsm::term_id> terms);

  /// The sentences that hold `term`, ascending; empty for a term never seen.
  std::span<const std::uint32_t> of(vsm::term_id term) const noexcept;
  /// At most the `k` newest sentences that hold `term`, ascending.
  std::span<const std::uint32_t> latest(vsm::term_id term, std::size_t k) const noexcept;

  /// Terms with at least one posting (one past the largest term id seen).
  std::size_t term_count() const noexcept { return lists_.size(); }
  /// (term, sentence) pairs held.
  std::size_t size() const noexcept { return pairs_; }

 private:
  std::vector<std::vector<std::uint32_t>> lists_;
  std::size_t pairs_ = 0;
};

}  // namespace sitrep::stream
