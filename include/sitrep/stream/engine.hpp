// sitrep/stream/engine.hpp — the live engine: takes one update at a time and keeps everything
// that grows with the stream up to date.
//
//   auto e = sitrep::stream::engine::create({});           // English, stemmed, stopwords out
//   if (!e) return e.error();
//   my_observer watcher;                                   // see observer below
//   e->attach(watcher);                                    // before the first add
//   for (auto& u : updates) {
//     auto added = e->add(std::move(u));                   // O(size of u + postings touched)
//     if (!added) return added.error();
//     for (std::size_t s = added->first; s < added->last; ++s)
//       std::cout << e->collection().text(s) << '\n';
//   }
//   if (auto hotel = e->collection().vocab().find("hotel"))  // sentences that name the hotel
//     for (std::uint32_t s : e->term_postings().of(*hotel)) std::cout << s << '\n';
//
// The engine owns the stream's vector space (vsm::collection: the updates, their sentences,
// the vocabulary and document frequencies) and the indexes built over it as updates arrive:
// the postings (term -> sentences that hold it), which every method and observer that needs
// "sentences with this term" shares instead of building its own, and the repeat groups
// (repeats.hpp: each new sentence joins the group of an earlier one it repeats, found through
// the postings), and the counts a report of the whole stream needs (stats(): sources, inputs,
// posts without text, time span). Adding an update segments and analyzes only that update,
// groups its sentences, extends the postings of its terms, counts it, then calls every attached
// observer, in the order they were attached, with the new update's sentence range. Nothing
// reads the earlier stream to take one more update. Views of the stream (view.hpp) are what
// summarizers and reports read.
//
// Observers are how later modules (stories, facts, timeline) attach their own
// state: they own it, update it in `on_add`, and expose read-only queries. Attach them in
// dependency order (stories before facts before timeline) and before the first `add` (an
// observer attached later sees only the updates added after it: `attach` returns
// invalid_argument instead once the stream has started).
//
// Errors: `add` refuses an update whose text is not valid UTF-8 (readers never produce one)
// with invalid_argument naming the update, and leaves the engine as it was. An update without
// text is added (it is counted, and holds no sentences).
//
// Thread safety: one writer (the thread that calls `add`); const members may be called from
// other threads only while no `add` runs (a server builds its reports on the writer's side).
// The engine is movable, not copyable; observers are held by reference and must outlive it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <span>
#include <vector>

#include "sitrep/core/status.hpp"
#include "sitrep/core/update.hpp"
#include "sitrep/stream/postings.hpp"
#include "sitrep/stream/repeats.hpp"
#include "sitrep/vsm/collection.hpp"

namespace sitrep::stream {

/// The sentences one update brought: collection sentences [first, last) of update `update`.
struct sentence_range {
  std::size_t update = 0;
  std::size_t first = 0;
  std::size_t last = 0;

  std::size_t size() const noexcept { return last - first; }
  bool empty() const noexcept { return first == last; }
};

class engine;

/// Counts over the whole stream, kept as updates arrive, so that a report of the whole stream
/// need not read every update again (a live report refreshed at a million updates).
struct stream_stats {
  /// Updates per source, in order of first appearance ("" for updates without a source).
  std::vector<std::pair<std::string, std::size_t>> sources;
  /// Input files (update::origin) in reading order, each once.
  std::vector<std::string> inputs;
  /// Posts without text.
  std::size_t without_text = 0;
  /// The updates with the earliest and the latest parsed time (the first of equals), if any.
  std::optional<std::size_t> earliest, latest;
};

/// Something that follows the stream: called once per added update, after the engine's own
/// indexes are up to date, on the writer's thread.
class observer {
 public:
  virtual ~observer() = default;
  virtual void on_add(const engine& e, const sentence_range& added) = 0;
};

class engine {
 public:
  struct options {
    /// How text becomes sentences and terms (language, stemming, stopwords, splitting).
    vsm::collection::options space;
    /// How repeats are grouped (repeats.hpp).
    repeat_options repeats;
  };

  /// Validates the options (the language must have a stemmer and a stopword list; the repeat
  /// options must be in range).
  static result<engine> create(const options& opts);

  engine(engine&&) noexcept;
  engine& operator=(engine&&) noexcept;
  engine(const engine&) = delete;
  engine& operator=(const engine&) = delete;
  ~engine();

  /// Calls `o.on_add` for every update added from now on, after the observers attached before
  /// it. invalid_argument once updates have been added.
  status attach(observer& o);

  /// Appends one update: analyzes it, indexes its sentences, tells the observers. Returns its
  /// sentence range; invalid_argument (engine unchanged) when its text is not valid UTF-8.
  result<sentence_range> add(update u);

  /// The stream so far: updates, sentences, vocabulary, frequencies.
  const vsm::collection& collection() const noexcept;
  /// Term -> ascending sentence indexes, over every sentence so far.
  const postings& term_postings() const noexcept;
  /// Repeat groups over every sentence so far.
  const repeats& repeat_groups() const noexcept;
  /// Updates added so far.
  std::size_t size() const noexcept;
  /// Sources, posts without text and time span of the stream so far.
  const stream_stats& stats() const noexcept;
  /// The options the engine was created with.
  options config() const;

 private:
  struct state;
  explicit engine(std::unique_ptr<state> s);
  std::unique_ptr<state> s_;
};

/// A new engine with `e`'s options and no observers, holding copies of the updates of `e` at
/// stream positions `positions` (strictly ascending), in that order: a part of the stream, such
/// as one story, to summarize and report on its own frequencies and repeat groups. Costs what
/// adding those updates costs. invalid_argument for a position past the stream or out of order.
result<engine> substream(const engine& e, std::span<const std::size_t> positions);

}  // namespace sitrep::stream
