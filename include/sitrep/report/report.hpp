// sitrep/report/report.hpp — the situation report as plain data.
//
//   auto c = sitrep::vsm::collection::create({});
//   if (!c) return c.error();
//   for (auto& u : updates) c->add(std::move(u));
//   auto summarizer = sitrep::rank::make_summarizer("auto");
//   if (!summarizer) return summarizer.error();
//   sitrep::rank::summary s = (*summarizer)->summarize(*c, {});   // the default 100 words
//   sitrep::report::situation_report r = sitrep::report::build_report(*c, s);
//   // From a live engine, with repeats grouped ("reported by 3 sources") and a part of the
//   // stream: build_report(sitrep::stream::view(engine).until(position), summary).
//   // Writers (writer.hpp): text, markdown or json.
//   std::cout << sitrep::report::write_report(r, sitrep::report::output_format::text);
//
// A report is a value: it copies what it shows out of the collection (sentences with their
// provenance, counts, the time span), so it outlives the engine and writers need nothing else.
// Writers (writer.hpp) turn it into text, Markdown or JSON; the JSON carries every field.
//
// Stories. When a stream::stories tracker followed the stream, a report is about one story:
// build it from that story's own engine (stream::substream of its updates), set `story`, and
// list every story with `list_stories(tracker, engine.collection())`; writers then name the
// story in the title and the others in "Other stories in this stream". `story_reports` holds a
// report per story (`sitrep report --all-stories`). A report without stories reads as before.
//
// Facts. `key_figures`, `unconfirmed`, `said` and `involved` are filled by whoever followed the
// stream with the facts observers (facts/), from that story's updates; a report built without
// them simply has these sections empty (writers leave empty sections out of text and Markdown;
// JSON keeps them as empty lists).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "sitrep/rank/summary.hpp"
#include "sitrep/stream/stories.hpp"
#include "sitrep/timeline/key_events.hpp"
#include "sitrep/stream/view.hpp"
#include "sitrep/vsm/collection.hpp"

namespace sitrep::report {

/// Who carried a sentence's fact: its repeat group (stream/repeats.hpp) up to the report's
/// moment.
struct repeat_info {
  std::size_t updates = 1;           ///< updates that carried it, the cited one included
  std::vector<std::string> sources;  ///< distinct named sources among them, first carrier first
  std::string first_update_id;       ///< the update where it first appeared
  std::string first_time;            ///< that update's time as written, may be empty
};

/// A sentence chosen for the report, with where it came from.
struct cited_sentence {
  std::string text;         ///< the sentence (white space inside folded to single spaces)
  std::string update_id;    ///< id of the update it comes from
  std::string time;         ///< that update's time as written, may be empty
  std::string source;       ///< that update's source, may be empty
  std::string origin;       ///< input file ("-" for standard input)
  std::size_t line = 0;     ///< 1-based line of the update in `origin`
  std::size_t byte_begin = 0;  ///< offsets of the sentence in the update's text
  std::size_t byte_end = 0;
  std::size_t words = 0;    ///< white-space words
  double score = 0;         ///< the method's score
  bool truncated = false;   ///< cut to fit a budget no whole sentence fits
  repeat_info reported;     ///< who else carried it (1 update, no sources: nobody else)
};

struct source_count {
  std::string source;  ///< "(unknown)" for updates without a source
  std::size_t updates = 0;
};

/// What came after a moment the reader last looked (`sitrep report --since`).
struct new_since {
  std::string since;      ///< the moment as given: an update id or a time
  std::size_t updates = 0;    ///< updates after it
  std::size_t sentences = 0;  ///< their sentences
  /// Their summary: what they add, nothing the stream had told before the moment.
  std::vector<cited_sentence> headline;
  std::vector<std::string> notes;  ///< that summary's notes
};

/// One story of the stream (stream/stories.hpp) as a report lists it.
struct story_entry {
  std::uint32_t id = 0;                ///< the tracker's id (of merged stories, the oldest)
  std::vector<std::uint32_t> aliases;  ///< ids merged into it, itself not included
  std::string label;                   ///< a representative first sentence
  std::size_t updates = 0;             ///< updates in it, merged stories counted
  std::size_t sources = 0;             ///< distinct named sources among them
  std::string first_update_id, last_update_id;
  std::string first_time, last_time;   ///< those updates' times as written, may be empty
};

/// A key event of the report's story (timeline/key_events.hpp) as the timeline lists it.
struct timeline_item {
  std::string update_id;
  std::string time;                  ///< as written in the input, empty when unknown
  std::string text;                  ///< one sentence saying what happened
  double score = 0;                  ///< the key-event score in [0, 1]
  std::vector<std::string> sources;  ///< who carried it, each once
};

/// One value of a key figure, as a source stated it.
struct figure_step {
  std::string value;      ///< as the report shows it ("130", "about 300", "50-60", "dozens")
  std::string source;     ///< who the text says gave it, else the update's source; may be empty
  std::string update_id;  ///< the update it came from
  std::string time;       ///< that update's time as written, may be empty
  /// This value disagrees with another source's at about the same time (shown, never resolved).
  bool conflict = false;
};

/// A figure that counts one thing in the story, with its history ("killed: 129 -> 130").
struct key_figure {
  std::string label;                ///< what it counts ("killed", "hostages freed", "people evacuated")
  std::vector<figure_step> history; ///< oldest first; the last is the latest value
};

/// A claim whose status the stream marked: unverified, denied or confirmed, and how that moved.
struct claim_item {
  std::string status;     ///< "unverified", "denied" or "confirmed": the latest
  std::string text;       ///< the sentence that carries the claim
  std::string cue;        ///< the words that mark it ("has not yet been verified", "reportedly")
  std::string source;     ///< who claimed it, when the text says
  std::string update_id, time;
  /// Later updates that changed its status, oldest first: "confirmed by ...", "denied by ...".
  struct change {
    std::string status, text, source, update_id, time;
  };
  std::vector<change> changes;
};

/// A statement attributed to someone: who said what.
struct statement_item {
  std::string speaker;  ///< the named party ("Col. Mark Cheadle", "France's Prime Minister")
  std::string cue;      ///< "said", "according to", "is reporting"
  std::string text;     ///< the sentence
  std::string update_id, time;
};

/// A person, organization or place the story names.
struct entity_item {
  std::string name;
  std::string type;  ///< "person", "organization", "place" or "other"
  std::size_t mentions = 0;
};

struct situation_report {
  std::string method;                  ///< summarizer id
  std::vector<cited_sentence> headline;  ///< the summary, in stream order
  std::size_t updates = 0;
  /// Of those, posts without text (an image or embed post): read and counted, no sentences.
  std::size_t updates_without_text = 0;
  std::size_t sentences = 0;
  std::vector<source_count> sources;   ///< most updates first, then by name
  std::string first_time;              ///< earliest update time as written (empty: unknown)
  std::string last_time;               ///< latest update time as written
  std::optional<std::int64_t> span_seconds;  ///< last - first, when both parse
  std::vector<std::string> inputs;     ///< input files in reading order
  std::vector<std::string> notes;      ///< the summary's notes (rank::summary::notes)
  /// The moment the report stands at, as given (`--until`), when it is not the end of the stream.
  std::string until;
  /// What is new since a moment, when asked for (`--since`).
  std::optional<new_since> since;
  /// When the stream's stories were tracked: the story this report is about (its counts,
  /// summary and sources are that story's), and every story of the stream, most updates first.
  std::optional<std::uint32_t> story;
  std::vector<story_entry> stories;
  /// The whole stream's updates and stories when its stories were tracked (0: not tracked).
  /// `stories` may list only the largest (a live refresh lists a few), so these carry the
  /// totals; writers say "and N more" for the stories not listed.
  std::size_t stream_updates = 0;
  std::size_t stream_stories = 0;
  /// The story's key events in time order (empty when no key-event scorer followed the
  /// stream). Text and Markdown show the last `timeline_shown` of them (0: no section);
  /// JSON carries every one.
  std::vector<timeline_item> timeline;
  std::size_t timeline_shown = 8;
  /// Facts of the story (see the top of this file), most important first.
  std::vector<key_figure> key_figures;
  std::vector<claim_item> unconfirmed;  ///< unverified, denied or confirmed claims
  std::vector<statement_item> said;     ///< who said what
  std::vector<entity_item> involved;    ///< the story's people, organizations and places
  /// A report per story, in the order of `stories`, when every story was asked for
  /// (`sitrep report --all-stories`); each has `story` set and its own entry as `stories`.
  std::vector<situation_report> story_reports;
};

/// The cited sentences of a summary, in its order. With a view that has repeat groups, each
/// says who carried its fact in the view's stream up to the view's end.
std::vector<cited_sentence> cite(const vsm::collection& c, const rank::summary& s);
std::vector<cited_sentence> cite(const stream::view& v, const rank::summary& s);

/// Builds the report of the updates `v` shows with `headline` as its summary.
situation_report build_report(const stream::view& v, const rank::summary& headline);
/// The same for everything in `c`.
situation_report build_report(const vsm::collection& c, const rank::summary& headline);

/// The stories `t` tracked over `c` (the collection it was fed), merged stories as one under
/// the oldest id, most updates first (ties: the older story first), at most `limit` of them
/// (a partial sort: listing the few largest of many stories costs little).
std::vector<story_entry> list_stories(const stream::stories& t, const vsm::collection& c,
                                      std::size_t limit = static_cast<std::size_t>(-1));
/// The timeline items of `entries` (key events of the stream held by `c`), in their order.
std::vector<timeline_item> timeline_items(const vsm::collection& c,
                                          std::span<const timeline::timeline_entry> entries);

/// Sets `r.stream_updates` and `r.stream_stories` from the tracker.
void count_stories(situation_report& r, const stream::stories& t);

/// Adds the "new since" section: `after` (the updates after the moment `since`, as given)
/// summarized by `s`.
void add_new_since(situation_report& r, const stream::view& after, std::string since,
                   const rank::summary& s);

}  // namespace sitrep::report
