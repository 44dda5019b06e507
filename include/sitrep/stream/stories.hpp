// sitrep/stream/stories.hpp — online story tracking: each update joins a story when it arrives
// (an existing one or a new one), and that assignment is never revised.
//
//   auto e = sitrep::stream::engine::create({});
//   if (!e) return e.error();
//   auto tracker = sitrep::stream::stories::create({});       // default story_options
//   if (!tracker) return tracker.error();
//   e->attach(*tracker);                                       // before the first add
//   for (auto& u : updates) e->add(std::move(u));              // each assigned as it arrives
//   std::uint32_t s = tracker->story_of(0);                    // the story of update 0
//   const auto& info = tracker->story(s);                      // label, times, counts
//   std::cout << info.label << ": " << info.updates << " updates\n";
//   for (std::uint32_t id : tracker->largest(5))               // the merged view
//     std::cout << tracker->merged(id).updates << '\n';
//
// Without an engine: add each update to a vsm::collection, then call `add(collection, index)`.
//
// How an update is assigned. Its vector is the sum of its sentences' term counts, sublinear
// (1 + log n), the words of its first sentence weighted `lead_weight` times, under the IDF of
// the moment. Candidate stories come from
// postings over story centroids: each story posts its `posted_terms` heaviest centroid terms,
// each term keeping the `posting_depth` stories that last posted it; the update's
// `probe_terms` heaviest terms are looked up, and the `recent_stories` most recently active
// stories are always candidates. The best `candidates` by shared probe weight are scored:
//
//   sim   = max(cosine(update, story centroid),              -- posts drift; a centroid lags
//               member_weight x cosine(update, best of the story's last `recent_members`))
//   score = sim * max(decay_floor, 0.5 ^ (gap / half_life))  -- gap: time since the story's
//           + name_bonus * (share of the update's names       --   last update
//                           the story has seen - name_expect)
//           + source_bonus (same source as the story's last update)
//
// The update joins the highest-scoring story whose score reaches that story's bar, and
// otherwise starts a new story. The bar is relative (see story_options: similarities differ in
// scale between long lowercased live-blog posts and wire articles, so each story is held to
// a share of the scores its own members joined with), lower for the stories that received
// the last updates in a stream where updates tend to follow the one before, and lower for a
// short update. Names are the capitalized words not opening a sentence, and numbers (tokens
// with a digit); in lowercased streams (live blogs) only numbers remain. IDF is that of the
// stream before the update (update-level document frequencies of the collection, this
// update taken out). Time is the update's parsed time (update::unix_time) in seconds, else its
// arrival index (one update = one second). Stories idle for more than `forget_seconds` are no
// longer candidates.
//
// A centroid is the decayed sum of its members' unit vectors (old mass times
// 1 - centroid_decay per new member), kept to its `centroid_terms` heaviest terms; weights are
// stored without IDF, which is applied at comparison, so similarities use the frequencies of
// the moment.
//
// Merging. Two stories are one when an update scores at or above `threshold` against both and
// their centroids' cosine reaches `merge_threshold`, both holding at least `merge_min_updates`
// updates. The younger story (larger id) then becomes an alias of the older one:
// `canonical(young)` is the old id, later updates are assigned the old id, and the old story's
// merged record (`merged`) counts both. Earlier assignments are not revised: `story_of` keeps
// the id given on arrival, and `story(id)` the record as it was given (an alias's record stops
// growing at the merge); `canonical(story_of(u))` is the merged view.
//
// Cost per update: O(its terms + probe_terms x posting_depth + candidates x (centroid_terms +
// recent_members x member_terms)), whatever the number of updates or stories so far (a
// story's norms under today's IDF are cached and recomputed when it changes or when the stream
// has grown by a tenth). Memory: per story its centroid (up to 2 x centroid_terms entries
// between prunings) and recent members (recent_members x member_terms), 8 bytes an entry; per
// update 8 bytes; per term posting_depth x 4 bytes.
//
// The defaults are round values near those a search over the shared development streams
// found (one setting for all streams); rounding them moved no stream by more than a point,
// so the figures do not hang on the third decimal. bench/stream/stories_eval.cpp gives the
// figures last measured, short of the targets (B-cubed F1 about 0.75 on DUC 2004 and
// 0.74 on UCI headlines, 0.55 on the mixed live blogs).
//
// Thread safety: one writer (the engine's thread); const members may be called from other
// threads while no update is added. Ids are 0-based in order of creation and stable.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "sitrep/core/status.hpp"
#include "sitrep/stream/engine.hpp"
#include "sitrep/vsm/collection.hpp"

namespace sitrep::stream {

struct story_options {
  /// Scores are compared with what is usual for the story, since similarities differ in scale
  /// from stream to stream (long lowercased live-blog posts share fewer weighted words than
  /// articles about one event): a story's cohesion is the mean score of the updates that
  /// joined it, shrunk toward the stream's running mean with `cohesion_prior` pseudo-updates.
  /// An update joins the best story whose score reaches
  ///   clamp(relative_threshold x cohesion, min_threshold, threshold),
  /// or, for a story among the `recent_window` last to receive an update, at most
  /// `recent_seconds` before, that bar times (1 - continuity_weight x continuity), at least
  /// min_threshold, where continuity is the stream's running share of confident joins (those
  /// over the usual bar) that went to the previous update's story: high in a stream of
  /// headlines where one story's updates come in a row, low where stories interleave.
  double relative_threshold = 0.4;
  double continuity_weight = 0.65;
  double min_threshold = 0.06;
  /// A score at or above this always joins (the clamp's upper end).
  double threshold = 0.2;
  std::size_t recent_window = 2;
  /// An update with fewer distinct content terms than this has its bar lowered in proportion.
  std::size_t short_terms = 6;
  double recent_seconds = 3600.0;
  /// The stream's mean join score before any join, its update rate, and the weight of the
  /// stream's mean in a story's cohesion.
  double initial_cohesion = 0.3;
  double cohesion_rate = 0.03;
  double cohesion_prior = 8.0;
  /// Time gap decay: the similarity is multiplied by max(decay_floor, 0.5^(gap/half_life)).
  double half_life_seconds = 86400.0;
  double decay_floor = 0.7;
  /// The floor: a story that has had every update for `solo_seconds` (from the first of its
  /// run, at least `solo_min_updates` of them) takes the next update whatever its score,
  /// unless another story matches it better. In a live feed of one event a development may
  /// share no word with what came before ("the hospital has received four people with burns"
  /// after a fire); where stories interleave no story holds the floor. Without parsed times,
  /// times are arrival indexes (one a second), so a stream of plain lines rarely gets there.
  double solo_seconds = 2400.0;
  std::size_t solo_min_updates = 3;
  /// Stories idle longer than this are no candidates.
  double forget_seconds = 60.0 * 86400.0;
  /// Names and numbers: when the update holds at least `min_names`, the score gains
  /// name_bonus x (share of them the story has seen - name_expect), so an update naming
  /// mostly what the story never named (another city, another toll) loses.
  double name_bonus = 0.1;
  double name_expect = 0.5;
  std::size_t min_names = 2;
  /// Foreign updates: an update with at least `foreign_names` capitalized names, none of them
  /// established in a story (seen in two of its updates) that has at least as many
  /// established names, is about something else even when it shares topic words with one
  /// member (in a live blog of a hotel siege, "the death toll from last week's Paris attacks
  /// has risen, France's Prime Minister has said" after a post that linked the two events).
  /// Its score is multiplied by `foreign_factor`, and it gets neither the lowered bar of the
  /// recent stories nor the floor. Lowercased streams have no capitalized names: no effect.
  /// 0 turns it off.
  std::size_t foreign_names = 3;
  double foreign_factor = 0.5;
  /// Bonus when the update has the source of the story's last update (0: source not used).
  double source_bonus = 0.0;
  /// Weight of the first sentence's terms relative to the rest (1: no extra weight).
  double lead_weight = 2.5;
  /// Share of a centroid's mass lost per new member (0: a plain sum).
  double centroid_decay = 0.03;
  /// Centroid cosine at or above which two stories merge (> 1: never).
  double merge_threshold = 0.7;
  std::size_t merge_min_updates = 3;
  /// Heaviest terms kept per centroid, and per recent member.
  std::size_t centroid_terms = 300;
  std::size_t member_terms = 64;
  /// A recent member's cosine counts this much against the centroid's.
  double member_weight = 0.55;
  /// Recent members compared besides the centroid.
  std::size_t recent_members = 4;
  /// Heaviest centroid terms each story posts; stories kept per term (most recent).
  std::size_t posted_terms = 64;
  std::size_t posting_depth = 32;
  /// Heaviest terms of an update looked up; most recently active stories always considered.
  std::size_t probe_terms = 32;
  std::size_t recent_stories = 4;
  /// Candidates scored exactly.
  std::size_t candidates = 12;
};

/// invalid_argument unless the thresholds, times, bonuses and weights are >= 0,
/// continuity_weight, name_expect and decay_floor in [0, 1], centroid_decay in [0, 1),
/// lead_weight and half_life_seconds > 0 and the counts >= 1.
status validate(const story_options& o);

/// What is known of one story.
struct story_info {
  std::uint32_t id = 0;
  /// The first sentence (at most 120 bytes, cut at a word) of its most representative update:
  /// the member that scored highest against the story when it joined (the founding update until
  /// another joins). It may change as updates join; story ids never do.
  std::string label;
  std::size_t label_update = 0;
  std::size_t first_update = 0, last_update = 0;  ///< update indexes
  std::int64_t first_time = 0, last_time = 0;     ///< seconds (see the header comment)
  std::size_t updates = 0;                        ///< updates assigned
  std::size_t sources = 0;                        ///< distinct sources among them
};

class stories final : public observer {
 public:
  static constexpr std::uint32_t npos = std::numeric_limits<std::uint32_t>::max();

  /// Validates the options.
  static result<stories> create(const story_options& o = {});

  stories(stories&&) noexcept;
  stories& operator=(stories&&) noexcept;
  stories(const stories&) = delete;
  stories& operator=(const stories&) = delete;
  ~stories() override;

  /// observer: assigns the update `added.update`.
  void on_add(const engine& e, const sentence_range& added) override;
  /// Without an engine: assigns update `u` of `c`, just added; updates must come in order, each
  /// once (an update already assigned is ignored).
  void add(const vsm::collection& c, std::size_t u);

  /// Updates assigned so far.
  std::size_t assigned() const noexcept;
  /// The story update `u` was given on arrival; npos for an update not assigned.
  std::uint32_t story_of(std::size_t u) const noexcept;
  /// The score with which update `u` joined its story; when it started one, the best score it
  /// had (below the bar; 0 when there was no candidate).
  float score_of(std::size_t u) const noexcept;
  /// Stories created (ids 0 .. size()-1), aliases included.
  std::size_t size() const noexcept;
  /// The record of story `id` as given (an alias's stops at its merge). `id` < size().
  const story_info& story(std::uint32_t id) const;
  /// The story `id` was merged into (itself when it was not).
  std::uint32_t canonical(std::uint32_t id) const noexcept;
  /// The merged record of canonical(id): every update of every alias counted.
  const story_info& merged(std::uint32_t id) const;
  /// The ids merged into canonical(id), itself first, then in order of merging.
  std::vector<std::uint32_t> aliases(std::uint32_t id) const;
  /// Canonical stories, at most `k`, by merged update count (most first; ties by id).
  std::vector<std::uint32_t> largest(std::size_t k) const;
  /// Merges done so far.
  std::size_t merges() const noexcept;

  const story_options& config() const noexcept;

 private:
  struct state;
  explicit stories(std::unique_ptr<state> s);
  std::unique_ptr<state> s_;
};

}  // namespace sitrep::stream
