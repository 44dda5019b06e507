// Reports of a stream whose stories are tracked (stream/stories.hpp): the main story, or the one
// asked for, with the other stories listed; or a report per story. `report` builds its report
// here and `watch` its final one, so the two agree.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common.hpp"
#include "sitrep/report/report.hpp"
#include "sitrep/stream/engine.hpp"
#include "sitrep/stream/stories.hpp"
#include "sitrep/facts/entities.hpp"
#include "sitrep/facts/figures_observer.hpp"
#include "sitrep/facts/series.hpp"
#include "sitrep/facts/statements_observer.hpp"
#include "sitrep/report/facts_sections.hpp"
#include "sitrep/timeline/key_events.hpp"

namespace sitrep::cli {

/// Which story a report is about, and the moments it stands at.
struct report_request {
  std::optional<std::uint32_t> story;  ///< --story: this one (or what it was merged into)
  bool all_stories = false;            ///< --all-stories: a section per story
  /// --until: the stream position the report stands at (updates before it), and as written.
  std::optional<std::size_t> until;
  std::string until_text;
  /// --since: the stream position after which updates are new, and as written.
  std::optional<std::size_t> since;
  std::string since_text;
  /// A refresh of `watch`: summarize only the newest `window` updates of the story.
  std::optional<std::size_t> window;
  /// The key-event scorer that followed the stream (attached to the same engine), for the
  /// Timeline section; none: no timeline. `timeline_shown`: --timeline, the key events text
  /// and Markdown show (JSON carries every one, but a refresh reads only these).
  const timeline::key_events* keys = nullptr;
  std::size_t timeline_shown = 8;
  /// The facts observers that followed the stream, for the facts sections (any may be null).
  report::fact_observers facts;
};

/// Stream positions of the updates of story `id` (with every story merged into it), before
/// position `end`.
std::vector<std::size_t> story_positions(const stream::stories& t, std::uint32_t id,
                                         std::size_t end);

/// The report `req` asks for; prints the error and returns nullopt with `exit_code` set (an
/// unknown --story exits 2). A stream of one story is reported as it is, with nothing copied;
/// a story of several is copied into an engine of its own (stream::substream), so its
/// summary, repeats and counts are its own.
std::optional<report::situation_report> build_story_report(const stream::engine& e,
                                                           const stream::stories& t,
                                                           const prepared& p,
                                                           const report_request& req,
                                                           int& exit_code);

/// For `watch`: follows the main story (the one with the most updates) as updates arrive, keeping
/// a copy of its updates in an engine of its own once the stream holds several stories, so that
/// a refresh summarizes the main story without copying it again. Attach it after the tracker.
class main_story final : public stream::observer {
 public:
  /// `keys`, when given, gives each refresh the story's last key events (--timeline).
  explicit main_story(const stream::stories& t, const timeline::key_events* keys = nullptr,
                      std::size_t timeline_shown = 8, report::fact_observers facts = {})
      : t_(t), keys_(keys), timeline_shown_(timeline_shown), facts_(facts) {}
  void on_add(const stream::engine& e, const stream::sentence_range& added) override;
  /// Stories a refresh lists: the main one and the ten largest others (the report's text
  /// names ten); the stream's totals are in the report's stream_updates / stream_stories.
  static constexpr std::size_t kRefreshStories = 11;
  /// The report of a refresh: the main story's newest `window` updates summarized, its counts,
  /// the largest stories listed. A change of main story (or a merge into it) copies it afresh.
  std::optional<report::situation_report> refresh(const stream::engine& e, const prepared& p,
                                                  std::size_t window, int& exit_code);

 private:
  const stream::stories& t_;
  const timeline::key_events* keys_;
  std::size_t timeline_shown_;
  report::fact_observers facts_;
  std::uint32_t id_ = 0;
  std::optional<stream::engine> copy_;
};

/// Everything that follows a stream for its reports, created together and attached to one
/// engine in dependency order: the story tracker, the figures, their series, the statements
/// (attributions and claims, kept apart by story), the entities, the key events, and the main
/// story's copy for `watch` refreshes. `report`, `watch` and `serve` build their reports
/// through it, so they agree. Must outlive the engine it is attached to; not movable.
class followers {
 public:
  /// Prints nothing; the error names the observer whose options were refused.
  static result<std::unique_ptr<followers>> create();
  /// Attaches every observer to `e` (before its first add).
  status attach(stream::engine& e);
  /// The observers in the order they must be attached (for read_stream).
  std::vector<stream::observer*> observers();
  /// A request with the observers set (keys, facts), --timeline `timeline_shown`.
  report_request request(std::size_t timeline_shown = 8) const;

  const stream::stories& stories() const { return *stories_; }
  const timeline::key_events& keys() const { return *keys_; }
  const facts::figures_observer& figures() const { return figures_; }
  const facts::series& series() const { return *series_; }
  const facts::statements_observer& statements() const { return *statements_; }
  const facts::entities_observer& entities() const { return entities_; }
  main_story& follow() { return *follow_; }

  followers(const followers&) = delete;
  followers& operator=(const followers&) = delete;

 private:
  followers() = default;
  std::optional<stream::stories> stories_;
  facts::figures_observer figures_;
  std::optional<facts::series> series_;
  std::optional<facts::statements_observer> statements_;
  facts::entities_observer entities_;
  std::optional<timeline::key_events> keys_;
  std::unique_ptr<main_story> follow_;
};

}  // namespace sitrep::cli
