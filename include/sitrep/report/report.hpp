// sitrep/report/report.hpp — the situation report as plain data.
//
//   auto c = sitrep::vsm::collection::create({});
//   if (!c) return c.error();
//   for (auto& u : updates) c->add(std::move(u));
//   auto summarizer = sitrep::rank::make_summarizer("auto");
//   if (!summarizer) return summarizer.error();
//   sitrep::rank::summary s = (*summarizer)->summarize(*c, {});   // the default 100 words
//   sitrep::report::situation_report r = sitrep::report::build_report(*c, s);
//   // Writers (writer.hpp): text, markdown or json.
//   std::cout << sitrep::report::write_report(r, sitrep::report::output_format::text);
//
// A report is a value: it copies what it shows out of the collection (sentences with their
// provenance, counts, the time span), so it outlives the engine and writers need nothing else.
// Writers (writer.hpp) turn it into text, Markdown or JSON; the JSON carries every field.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sitrep/rank/summary.hpp"
#include "sitrep/vsm/collection.hpp"

namespace sitrep::report {

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
};

struct source_count {
  std::string source;  ///< "(unknown)" for updates without a source
  std::size_t updates = 0;
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
};

/// The cited sentences of a summary, in its order.
std::vector<cited_sentence> cite(const vsm::collection& c, const rank::summary& s);

/// Builds the report of everything in `c` with `headline` as its summary.
situation_report build_report(const vsm::collection& c, const rank::summary& headline);

}  // namespace sitrep::report
