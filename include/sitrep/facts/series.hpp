// sitrep/facts/series.hpp — key figures with their history: the figures that count the same
// thing in one story, as a series in time ("death toll 129 → 130"), with conflicts shown.
//
//   auto e = sitrep::stream::engine::create({});
//   auto stories = sitrep::stream::stories::create({});
//   sitrep::facts::figures_observer figures;
//   auto s = sitrep::facts::series::create(figures, &*stories, {});   // default series_options
//   e->attach(*stories);                    // registration order is the dependency order:
//   e->attach(figures);                     // stories, figures, then the series
//   e->attach(*s);
//   for (auto& u : updates) e->add(std::move(u));
//   for (std::size_t id : s->of_story(stories->story_of(0), 5)) {   // the five most important
//     const auto& fs = s->all()[id];
//     std::cout << fs.label << ":";                                  // "death toll:"
//     for (const auto& st : fs.steps) std::cout << " " << st.value;  // " 129 130"
//     for (const auto& c : fs.conflicts)                             // two sources disagree
//       std::cout << " (" << fs.steps[c.first].source << " vs " << fs.steps[c.second].source << ")";
//   }
//
// What forms a series. Figures of one story (the story tracker's canonical story of their
// update; one story for all when no tracker is given) that count the same thing: the same
// category and the same head of the counted phrase. The head is the counted phrase's noun
// (the last word before a verb, preposition or clause word: "elite armed French police officers
// are" -> "officer"), with a capitalized modifier kept ("U.S. citizens" -> "us citizen"), plural
// made singular. For the categories of what happens to people (killed, injured, missing,
// hostages, freed, arrested, displaced, affected) the generic heads "people", "persons",
// "victims", "dead", "deaths", "bodies", "fatalities", "lives", "casualties", "toll" and an
// empty one are all "people": "the death toll" and "129 people killed" are one series, "six
// U.S. citizens" freed and "80 hostages" freed are two. Money, quantities, percentages and other
// counts never mix with each other, and one whose phrase names nothing counted ("$2bn in the
// past month") is a series of its own.
//
// Steps. Each figure is a step (value, high, qualifier, source, update, time, hedged), placed by
// time: the update's parsed time (update::unix_time), else its arrival index (one update = one
// second, as the story tracker does). A step that repeats the value and qualifier of the step
// before it is collapsed into it (its source added to `sources`, `reports` counted), so a
// series shows changes only: "4 → 7 → 6". A figure's source is the party the text names
// (figure::source), else the update's own `source` field, else unknown (empty).
//
// Conflicts. Two steps conflict when their values disagree (the intervals their qualifiers
// give do not overlap: exact [v, v], at_least [v, ∞), at_most [0, v], approx [0.9 v, 1.1 v],
// range [v, high]), they come from different known sources, they lie within
// `conflict_window_seconds` of each other, and the earlier step is still its source's latest
// word (a source that later gave another value corrected itself: its old value conflicts with
// nobody). A figure and its correction by the same source are never a conflict. Conflicts are
// listed, never resolved: both steps stay in the series. At most `conflict_scan` steps on each
// side of a new step are compared with it.
//
// Importance (ranking of queries): weight of the category (series_options::weights) x (1 + ln
// of the number of updates that gave a figure of the series) x recency, where recency is
// 0.5 ^ (age / recency_half_life_seconds), at least `recency_floor`, and age is the time from
// the series' last step to the latest step among those ranked.
//
// Cost per update: O(its figures x (log of the series' steps + conflict_scan x sources of a
// step)), plus moving the later steps when an update comes stamped before them.
// Memory: a step per figure, minus collapsed repeats.
//
// Thread safety: as the engine's (one writer; const queries only while no `add` runs). The
// figures observer (and the story tracker, if any) must be attached to the same engine before
// the series, and outlive it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sitrep/core/status.hpp"
#include "sitrep/facts/figures.hpp"
#include "sitrep/facts/figures_observer.hpp"
#include "sitrep/stream/engine.hpp"
#include "sitrep/stream/stories.hpp"

namespace sitrep::facts {

struct series_options {
  /// Two different values from different sources this close in time (seconds) conflict.
  double conflict_window_seconds = 3600.0;
  /// At most this many steps on each side of a new step are compared with it (a bound on the
  /// cost per figure in a long series; steps further away are older than the window in any
  /// stream with fewer than this many changes of one figure an hour).
  std::size_t conflict_scan = 32;
  /// Half-life of a series' importance as it grows old, in seconds, and the factor it never
  /// falls under.
  double recency_half_life_seconds = 6.0 * 3600.0;
  double recency_floor = 0.25;
  /// Weight of each category in a series' importance, indexed by facts::category (killed,
  /// injured, missing, hostages, freed, arrested, displaced, affected, personnel, money,
  /// quantity, other).
  std::array<double, 12> weights = {10, 8, 8, 8, 6, 5, 5, 4, 3, 2, 1, 1};
};

/// invalid_argument unless the window and half-life are > 0, conflict_scan >= 1, the floor in
/// [0, 1] and the weights >= 0.
status validate(const series_options& o);

/// One value of a series.
struct series_step {
  double value = 0;
  std::optional<double> high;
  sitrep::facts::qualifier qualifier = qualifier::exact;
  bool hedged = false;
  /// Who gave it (see the header comment); empty when unknown.
  std::string source;
  /// Every source that gave this value in a row (the step's own first); `reports` figures.
  std::vector<std::string> sources;
  /// `sources` normalized (lowercased, punctuation and a leading article dropped): what
  /// conflicts compare ("The governor" = "governor").
  std::vector<std::string> source_keys;
  std::size_t reports = 1;
  /// The update of its first report (index in the stream) and the figure's index in
  /// figures_observer::all().
  std::size_t update = 0;
  std::size_t figure = 0;
  /// Seconds (see the header comment).
  std::int64_t time = 0;
};

struct figure_series {
  /// The story (canonical id; 0 without a tracker).
  std::uint32_t story = 0;
  sitrep::facts::category category = category::other;
  /// What it counts: the normalized head ("people", "us citizen", "barrel").
  std::string head;
  /// The counted phrase of its first figure as written ("death toll", "people had died").
  std::string label;
  /// In time order; no two neighbours with the same value and qualifier.
  std::vector<series_step> steps;
  /// Pairs of indexes into `steps` (earlier, later) that disagree, in the order found.
  std::vector<std::pair<std::size_t, std::size_t>> conflicts;
  /// Figures in it, and distinct updates that gave them.
  std::size_t figures = 0;
  std::size_t updates = 0;
  /// The latest update that gave a figure of it.
  std::size_t last_update = 0;
};

class series final : public stream::observer {
 public:
  /// `stories` may be null (one story for all). Validates the options.
  static result<series> create(const figures_observer& figures, const stream::stories* stories,
                               const series_options& o = {});

  void on_add(const stream::engine& e, const stream::sentence_range& added) override;
  /// Without an engine: the figures of update `u` (already in `figures`), given its story,
  /// time (seconds) and publisher (`update::source`). Updates in order, each once.
  void add(std::size_t u, std::uint32_t story, std::int64_t time, std::string_view publisher,
           std::string_view text);

  /// Every series so far, in order of creation; ids are indexes here and stable.
  std::span<const figure_series> all() const noexcept { return series_; }
  /// The series of story `story` and of every story merged with it, at most `k`, most
  /// important first. (Series begun in two stories before they merged stay two series.)
  std::vector<std::size_t> of_story(std::uint32_t story, std::size_t k) const;
  /// The series with a figure from an update at `positions` (any order), at most `k`, most
  /// important first.
  std::vector<std::size_t> of_updates(std::span<const std::size_t> positions, std::size_t k) const;
  /// The importance of series `id` (see the header comment) as of time `now`.
  double importance(std::size_t id, std::int64_t now) const;

  const series_options& config() const noexcept { return opts_; }

 private:
  series(const figures_observer& figures, const stream::stories* stories, const series_options& o)
      : figures_(&figures), stories_(stories), opts_(o) {}
  std::vector<std::size_t> rank(std::vector<std::size_t> ids, std::size_t k) const;
  void add_step(figure_series& fs, series_step step);

  const figures_observer* figures_;
  const stream::stories* stories_;
  series_options opts_;
  std::vector<figure_series> series_;
  std::unordered_map<std::string, std::size_t> by_key_;
  std::unordered_map<std::uint32_t, std::vector<std::size_t>> by_story_;
  std::vector<std::vector<std::uint32_t>> of_update_;  // series ids per update (each once)
};

/// The head of a counted phrase as a series groups it (see the header comment): `counted` as
/// written, `c` the figure's category.
std::string series_head(std::string_view counted, category c);

}  // namespace sitrep::facts
