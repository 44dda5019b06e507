// sitrep/rank/auto_summarizer.hpp — the default method: concept coverage with stream signals.
//
//   sitrep::rank::auto_summarizer best({});
//   auto s = best.summarize(collection, {sitrep::rank::budget_unit::words, 100});
//
// Builds on the concept model of Gillick and Favre, "A Scalable Global Model for
// Summarization" (ILP for NLP workshop, 2009): a summary is worth the total weight of the
// distinct concepts it covers, so repeating a fact earns nothing and the budget goes to as
// many different important facts as possible. What sitrep adds, all unsupervised:
//   - concepts are stemmed bigrams (not both stopwords) and, at a lower weight, content
//     unigrams, so both phrases and single key words count;
//   - a concept weighs the number of updates that carry it (agreement across sources: a fact
//     several updates report is more central than one an update mentions once), counted only
//     from `min_support` updates on;
//   - each occurrence near the top of its update counts extra (`position_boost`), since news
//     writing puts the essential first;
//   - an occurrence in the newest updates (the last `recent_fraction` of the stream) counts
//     extra (`recency_boost`): someone arriving late needs where things stand now.
// Sentences under `selection.min_words` words are not candidates. The coverage objective is
// maximized within the budget by cost-scaled greedy selection (gain / cost^`cost_exponent`)
// with a best-single-sentence check, under the shared redundancy control.
#pragma once

#include <cstddef>

#include "sitrep/rank/summarizer.hpp"

namespace sitrep::rank {

class auto_summarizer final : public summarizer {
 public:
  struct options {
    double unigram_weight = 0.25;   ///< weight of a unigram concept relative to a bigram
    std::size_t min_support = 2;    ///< updates a concept needs (1 when the stream has one)
    double position_boost = 1.0;    ///< extra support for an occurrence in an update's lead
    std::size_t lead_sentences = 2; ///< sentences of an update that count as its lead
    double recency_boost = 1.0;     ///< extra support for an occurrence in a recent update
    double recent_fraction = 0.1;   ///< share of the stream, newest first, that is recent
    double cost_exponent = 1.0;     ///< r in gain / cost^r
    selection_options selection;
  };
  explicit auto_summarizer(options o) : o_(o) {}
  std::string_view id() const noexcept override { return "auto"; }
  summary summarize(const vsm::collection& c, const budget& b) const override;

 private:
  options o_;
};

}  // namespace sitrep::rank
