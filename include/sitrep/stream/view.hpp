// sitrep/stream/view.hpp — a part of the stream to summarize or report: all of it, what came
// after an update or a time, what had come by then.
//
//   auto e = sitrep::stream::engine::create({});
//   if (!e) return e.error();
//   for (auto& u : updates) if (auto added = e->add(std::move(u)); !added) return added.error();
//   sitrep::stream::view all(*e);                          // the whole stream, repeat groups on
//   auto cut = sitrep::stream::view::position_after(e->collection(), "feed.txt:10");
//   if (!cut) return cut.error();                          // not_found: no such update
//   sitrep::stream::view before = all.until(*cut);         // updates 1-10: the stream as it stood
//   sitrep::stream::view after = all.since(*cut);          // updates 11-
//   auto s = sitrep::rank::make_summarizer("auto");
//   if (!s) return s.error();
//   sitrep::rank::summary recent = (*s)->summarize(after, {});            // updates 11- alone
//   sitrep::rank::summary news = (*s)->summarize(after.as_news(), {});    // nothing 1-10 told
//
// A view is a range of updates in arrival order, [first_update, end_update), with their
// sentences, over a collection it does not own (the collection, and the engine when the view
// was made from one, must outlive it and must not be added to while it is used). A view made from
// an engine carries its repeat groups (repeats.hpp), so a summary can keep one sentence of each
// group and a report can say who else carried it; a view made from a bare collection has none
// (each sentence is its own group).
//
// Cuts by time use the stream's clock: the latest update time seen so far when an update
// arrives (its watermark). "Until T" is every update that arrived while the clock was at or
// before T; "since T" the rest. An update stamped earlier than one before it (sources post late)
// is new to anyone who looked at T, so it belongs to "since". Updates without a time take the
// clock as it stands. A view's cuts are positions, so cutting twice narrows it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "sitrep/core/status.hpp"
#include "sitrep/stream/repeats.hpp"
#include "sitrep/vsm/collection.hpp"

namespace sitrep::stream {

class engine;

class view {
 public:
  /// The whole of `c`, without repeat groups.
  explicit view(const vsm::collection& c);
  /// The whole stream `e` holds, with its repeat groups.
  explicit view(const engine& e);
  /// The whole of `c`, with the groups `r` found over it (find_repeats).
  view(const vsm::collection& c, const repeats& r);
  /// The whole of `c`, with `groups` (one group id per sentence of `c`, or empty) as its groups;
  /// `groups` must outlive the view.
  view(const vsm::collection& c, std::span<const std::uint32_t> groups);

  /// Updates [first, end) of this view (positions in the stream, clamped to this view).
  view range(std::size_t first, std::size_t end) const;
  /// The updates of this view at stream positions >= `position`.
  view since(std::size_t position) const { return range(position, end_update_); }
  /// The updates of this view at stream positions < `position`.
  view until(std::size_t position) const { return range(first_update_, position); }
  /// This view, to be summarized as news: what it adds to the stream before it (a summarizer
  /// leaves out what the earlier stream told, as `sitrep report --since` does), not as a part
  /// summarized on its own (a window of the newest updates).
  view as_news() const {
    view out = *this;
    out.news_ = true;
    return out;
  }
  bool is_news() const noexcept { return news_ && first_update_ > 0; }

  /// The stream position just after the update whose id is `id` (the first one with that id);
  /// not_found when the stream has none.
  static result<std::size_t> position_after(const vsm::collection& c, std::string_view id);
  /// The first stream position whose watermark is later than `unix_time` (see above).
  static std::size_t position_after_time(const vsm::collection& c, std::int64_t unix_time);

  const vsm::collection& collection() const noexcept { return *c_; }
  /// The repeat groups of the whole stream, or nullptr (no groups, or groups given as a span).
  const repeats* repeat_groups() const noexcept { return r_; }
  /// Group ids of every sentence of the stream (indexed by sentence), empty without groups.
  std::span<const std::uint32_t> groups() const noexcept { return groups_; }

  std::size_t first_update() const noexcept { return first_update_; }
  std::size_t end_update() const noexcept { return end_update_; }
  std::size_t update_count() const noexcept { return end_update_ - first_update_; }
  std::size_t first_sentence() const noexcept { return first_sentence_; }
  std::size_t end_sentence() const noexcept { return end_sentence_; }
  std::size_t sentence_count() const noexcept { return end_sentence_ - first_sentence_; }
  bool contains_sentence(std::size_t s) const noexcept {
    return s >= first_sentence_ && s < end_sentence_;
  }
  /// Whether the view holds every update of its collection.
  bool whole() const noexcept;
  /// The engine the view was made from, or nullptr.
  const engine* source_engine() const noexcept { return e_; }

 private:
  view(const vsm::collection& c, const repeats* r, std::span<const std::uint32_t> groups,
       std::size_t first, std::size_t end);
  const vsm::collection* c_;
  const engine* e_ = nullptr;
  const repeats* r_;
  std::span<const std::uint32_t> groups_;
  bool news_ = false;
  std::size_t first_update_ = 0, end_update_ = 0;
  std::size_t first_sentence_ = 0, end_sentence_ = 0;
};

}  // namespace sitrep::stream
