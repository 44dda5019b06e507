// sitrep/stream/repeats.hpp — repeats grouped as they arrive: the same fact told again, by
// another source or in other words, joins the group of its first appearance.
//
//   auto e = sitrep::stream::engine::create({});          // the engine keeps the groups
//   if (!e) return e.error();
//   for (auto& u : updates) if (auto added = e->add(std::move(u)); !added) return added.error();
//   const sitrep::stream::repeats& r = e->repeat_groups();
//   const auto& c = e->collection();
//   std::uint32_t g = r.group(2);                          // the first sentence of 2's group
//   for (std::uint32_t m = g; m != sitrep::stream::repeats::npos; m = r.next_member(m))
//     std::cout << c.updates()[c.sentence(m).update].source << '\n';   // who carried it
//   if (r.nearest(2) != sitrep::stream::repeats::npos && r.similarity(2) >= 0.8f)
//     std::cout << "sentence 2 copies sentence " << r.nearest(2) << '\n';
//
// Without an engine, `repeats::add(collection, postings, first, last)` groups one update's
// sentences (before they are posted), or `find_repeats(collection)` a whole collection.
//
// When a sentence arrives, its `probe_terms` rarest content terms (fewest sentences so far) are
// looked up in the postings, among the `probe_depth` newest sentences that hold each; the
// candidates sharing most probe weight (at most `verify` of them, and none under `verify_share`
// of the best one's) are compared exactly, by the
// cosine of TF-IDF vectors under the frequencies of the moment. Sentences of the same update
// are never candidates (an update does not repeat itself). The most similar is kept (`nearest`,
// `similarity`: a summarizer reads copies from it). The sentence joins a candidate's group when
// the two tell the same fact: they share at least `min_shared_terms` content terms, their
// cosine reaches `min_cosine`, and their cosine over the words either could share reaches
// `group_similarity` (words that only one of the two sentences ever used are left out of that
// one: they cannot witness a repeat, and a paraphrase brings words of its own, such as the
// seed's "US forces are assisting in the hotel hostage crisis" and, six updates later, "Cheadle
// also says that U.S. special forces are assisting at the hotel hostage situation"), and one
// says something is not so while the other does not (a denial is no repeat of the claim it
// denies: English negations). Otherwise it starts a group of its own. A group keeps its members in
// arrival order, the first being its id. Grouping is greedy and never revised: a later sentence
// that bridges two groups joins the closer one, and the two stay apart.
//
// Cost per sentence: O(probe_terms x probe_depth) postings read plus `verify` cosines, whatever
// the length of the stream. Memory: 20 bytes per sentence.
//
// The decision for a sentence reads only the stream before it, so a stream fed one update at a
// time and the same stream read as a batch get the same groups.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "sitrep/core/status.hpp"
#include "sitrep/stream/postings.hpp"
#include "sitrep/vsm/collection.hpp"

namespace sitrep::stream {

struct repeat_options {
  /// Cosine (TF-IDF) over the words both could share at or above which a sentence joins an
  /// earlier one's group (see above).
  double group_similarity = 0.5;
  /// ... provided their cosine over all their words reaches this.
  double min_cosine = 0.2;
  /// Content terms the two must share to be grouped (a single shared name is not a fact).
  std::size_t min_shared_terms = 3;
  /// Rarest terms of a sentence looked up.
  std::size_t probe_terms = 4;
  /// Newest sentences read per probe term.
  std::size_t probe_depth = 16;
  /// Candidates compared exactly, at most ...
  std::size_t verify = 4;
  /// ... and only those whose probe weight reaches this share of the best candidate's.
  double verify_share = 0.0;
};

/// invalid_argument unless group_similarity is in (0, 1], min_cosine and verify_share in
/// [0, 1] and the counts are >= 1.
status validate(const repeat_options& o);

class repeats {
 public:
  static constexpr std::uint32_t npos = std::numeric_limits<std::uint32_t>::max();

  repeats() = default;
  explicit repeats(const repeat_options& o) : o_(o) {}

  /// Groups sentences [first, last) of `c` (one update's, just added to `c`) against the
  /// sentences `p` holds, which must not yet hold these.
  void add(const vsm::collection& c, const postings& p, std::size_t first, std::size_t last);

  /// Sentences grouped so far.
  std::size_t size() const noexcept { return group_.size(); }
  /// The group of sentence `s`: the index of its first member.
  std::uint32_t group(std::size_t s) const { return group_[s]; }
  /// Every sentence's group, indexed by sentence.
  std::span<const std::uint32_t> groups() const noexcept { return group_; }
  /// The next member of `s`'s group after `s`, in arrival order; npos after the last.
  std::uint32_t next_member(std::size_t s) const { return next_[s]; }
  /// The earlier sentence (of another update) most like `s`, npos when none was found.
  std::uint32_t nearest(std::size_t s) const { return nearest_[s]; }
  /// The cosine of `s` with `nearest(s)` when it was added (0 when none).
  float similarity(std::size_t s) const { return similarity_[s]; }
  const repeat_options& config() const noexcept { return o_; }

 private:
  repeat_options o_;
  std::vector<std::uint32_t> group_;
  std::vector<std::uint32_t> next_;
  std::vector<std::uint32_t> last_;  // per group id (indexed by its first member): last member
  std::vector<std::uint32_t> nearest_;
  std::vector<float> similarity_;
  // Scratch reused from one sentence to the next.
  std::vector<std::pair<std::uint32_t, double>> probe_;
  std::vector<std::pair<std::uint32_t, double>> weights_;
  std::vector<std::pair<std::uint32_t, double>> ranked_;
  std::vector<double> logs_{0.0};  // logs_[k] = log(k) (logs_[0] unused)
};

/// The groups of a whole collection, found update by update as an engine finds them, but under
/// the collection's final frequencies (an engine uses those of each moment, so a borderline
/// pair may be grouped differently). For a collection built without an engine.
repeats find_repeats(const vsm::collection& c, const repeat_options& o = {});

}  // namespace sitrep::stream
