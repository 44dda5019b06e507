// sitrep/report/facts_sections.hpp — the report's facts sections (Key figures, Unconfirmed and
// disputed, Who said what, Involved) from the facts observers that followed the stream.
//
//   sitrep::report::fact_observers f;
//   f.series = &series;            // facts::series (key figures with history)
//   f.statements = &statements;    // facts::statements_observer (attributions, claims)
//   f.entities = &entities;        // facts::entities_observer
//   sitrep::report::add_facts(report, engine, positions, f);   // the story's update positions
//
// Every observer is optional: a section whose observer is missing stays empty (writers leave it
// out of text and Markdown). `positions` are the stream positions of the updates the report is
// about (a story's, cut at --until), ascending; items of other updates are not shown. Each item
// is copied out of the engine (text, update id, time), so the report outlives it.
//
// Ranking. Key figures: the series' importance (facts/series.hpp). Claims: the ones still
// unverified or denied first, then those whose status changed, the latest first. Statements:
// a named speaker before a pronoun or none, the latest first, one a sentence. Entities: most
// mentioned first within each type.
#pragma once

#include <cstddef>
#include <span>

#include "sitrep/facts/entities.hpp"
#include "sitrep/facts/figures_observer.hpp"
#include "sitrep/facts/series.hpp"
#include "sitrep/facts/statements_observer.hpp"
#include "sitrep/report/report.hpp"
#include "sitrep/stream/engine.hpp"

namespace sitrep::report {

/// The facts observers attached to the report's engine; any may be null.
struct fact_observers {
  const facts::figures_observer* figures = nullptr;  ///< needed with `series`
  const facts::series* series = nullptr;
  const facts::statements_observer* statements = nullptr;
  const facts::entities_observer* entities = nullptr;
};

/// Items each section keeps (JSON carries these; text and Markdown show fewer).
struct fact_limits {
  std::size_t figures = 20;
  std::size_t claims = 20;
  std::size_t statements = 30;
  std::size_t entities = 40;
};

/// Fills r.key_figures, r.unconfirmed, r.said and r.involved from the updates at `positions`
/// (ascending stream positions of `e`, the engine the observers followed).
void add_facts(situation_report& r, const stream::engine& e,
               std::span<const std::size_t> positions, const fact_observers& f,
               const fact_limits& limits = {});

}  // namespace sitrep::report
