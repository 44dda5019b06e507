// sitrep/rank/auto_summarizer.hpp — the default method: concept coverage with stream signals,
// read by the input's shape (a single article, a timeline of dated entries, any other stream).
//
//   auto best = sitrep::rank::auto_summarizer::create({});
//   if (!best) return best.error();   // invalid_argument names the bad option
//   auto s = (*best)->summarize(collection, {sitrep::rank::budget_unit::words, 100});
//
// Builds on the concept model of Gillick and Favre, "A Scalable Global Model for
// Summarization" (ILP for NLP workshop, 2009): a summary is worth the total weight of the
// distinct concepts it covers, so repeating a fact earns nothing and the budget goes to as
// many different important facts as possible. What sitrep adds, all unsupervised:
//   - concepts are stemmed bigrams (not both stopwords) and, at a lower weight, content
//     unigrams, so both phrases and single key words count;
//   - a concept weighs its support: the number of updates that carry it (agreement across
//     sources: a fact several updates report is more central than one an update mentions
//     once), counted only from `min_support` updates on; each update counts once, with its
//     best-placed occurrence;
//   - copies do not agree: a sentence whose TF-IDF cosine with an earlier sentence of another
//     update reached `copy_similarity` when it arrived (a wire story re-run by a second paper, a
//     live blog's recurring "get in touch" line) adds no support, so repetition by copying is
//     not mistaken for independent sources confirming a fact. The match comes from the repeat
//     index the engine keeps as updates arrive (stream/repeats.hpp), or, for a bare collection,
//     from one built over it: no pairwise pass;
//   - an occurrence near the top of its update counts more, by a smooth prior
//     1 + `position_boost` * exp(-position / `position_decay`), since news writing puts the
//     essential first;
//   - an occurrence in the newest updates (the newest `recent_fraction` of them: by time when
//     the updates carry times and `recency_by_time`, by arrival otherwise) counts
//     `recency_boost` more: someone arriving late needs where things stand now; the opening
//     stretch can be boosted alike (`opening_boost`, off by default);
//   - in a view of news (stream::view::as_news, "new since"), a concept the earlier
//     stream carried keeps `seen_weight` of its weight, and a sentence of a repeat group that
//     began before the view is no candidate: the reader was told that already;
//   - each sentence also earns a modular prior, scaled to the mean concept score of a candidate:
//     `lead_bonus` * exp(-position / `position_decay`) (the lead of an update is its headline)
//     plus, optionally, `centrality_weight` * cosine with the stream's TF-IDF centroid.
// The input's shape (shape_of) changes what matters, with one setting for every input:
//   - a single article (one update of at least `article_min_sentences` sentences): agreement
//     between updates says nothing, so each sentence is a unit of support (a concept the
//     article returns to in `article_min_support` sentences is central) and the lead prior is
//     strong and slow (`article_lead_bonus`, `article_position_decay`): news writing puts what
//     matters first;
//   - a timeline (every update timed, the median update at most `timeline_max_sentences`
//     sentences, the median gap between updates at least `timeline_min_gap_hours`): dated
//     developments, read by someone catching up, so the latest state weighs most. A concept's
//     occurrence gains `timeline_recency_boost` * exp(-age / `timeline_recency_decay`) (age:
//     the update's distance from the newest, as a share of the stream), each sentence the
//     prior `timeline_recency_bonus` * exp(-age / `timeline_recency_decay`), a development
//     told once still counts (`timeline_min_support`), and each sentence of the first entry
//     (the origin: what the story is about, however long ago) the prior
//     `timeline_origin_bonus` * exp(-position / max(`position_decay`, 1)) (priors are in units
//     of a candidate's mean concept score);
//   - any other stream (a live blog, a story of a mixed stream, a cluster of articles): as
//     above, agreement across updates with the step recency of `recent_fraction`.
// Only the `max_candidates` best-scored candidates (concepts plus priors; ties to the newest)
// enter the search, so its cost does not grow with the stream.
// Sentences under the shared bar of selection.hpp (`min_words`, lower for a short budget) are
// not candidates, nor are sentences whose concepts weigh under `min_concept_share` of a mean
// candidate's: they say nothing the stream agrees on, and a budget's leftover words are better
// left empty than spent on a context-free filler ("The statement has not yet been verified.").
// The objective (monotone submodular) is maximized within the budget by cost-scaled greedy
// selection (gain / cost^`cost_exponent`, Lin and Bilmes, NAACL 2010), then by a swap local
// search (one sentence out, one in, or one more added, up to `swap_rounds` times) that repairs
// greedy's choices near the budget, then checked against the best single sentence; every
// sentence kept passes the shared redundancy control (selection.hpp).
//
// Cost: linear in the view's tokens for the concepts, plus O(rounds x chosen x candidates x
// concepts per sentence) for the search with the candidates capped; every sentence kept passes
// the redundancy filter, which also keeps one sentence per repeat group.
// `summarize` is const and thread-safe like every summarizer.
#pragma once

#include <cstddef>
#include <memory>

#include "sitrep/rank/summarizer.hpp"

namespace sitrep::rank {

/// What `auto` takes its input to be (auto_summarizer::shape_of).
enum class input_shape {
  stream,    ///< several updates: a live blog, a story of a stream, a cluster of articles
  article,   ///< one update of several sentences: a single article, read with its lead first
  timeline,  ///< dated entries of a line or two, days apart: caught up with the latest first
};

class auto_summarizer final : public summarizer {
 public:
  /// Every number must be finite; weights, boosts, bonuses and exponents other than
  /// `length_exponent` are >= 0, fractions and shares are in [0, 1], `copy_similarity` and
  /// `seen_weight` in [0, 1] (0: off), `position_decay` >= 0 (0: no position prior),
  /// `min_support`, `article_min_support` and `timeline_min_support` >= 1; the `article_` and
  /// `timeline_` numbers are finite and >= 0 (`timeline_recency_decay` 0: the step recency of
  /// `recent_fraction` with `timeline_recency_boost`, and no sentence prior).
  struct options {
    double unigram_weight = 0.25;     ///< weight of a unigram concept relative to a bigram
    std::size_t min_support = 2;      ///< updates a concept needs (1 when the stream has one)
    double position_boost = 3.0;      ///< extra support of an occurrence at the top of an update
    double position_decay = 2.0;      ///< sentences over which position priors fall by 1/e
    double recency_boost = 1.0;       ///< extra support of an occurrence in a recent update
    double recent_fraction = 0.1;     ///< share of the stream, newest first, that is recent
    double opening_boost = 0.0;       ///< extra support of an occurrence in an opening update
    double opening_fraction = 0.1;    ///< share of the stream, oldest first, that is the opening
    double length_exponent = 0.0;     ///< support times (update words / median)^this
    double copy_similarity = 0.8;     ///< a sentence this close to an earlier one adds no support
    double lead_bonus = 0.1;          ///< sentence prior for the top of an update
    double centrality_weight = 0.0;   ///< sentence prior for closeness to the centroid
    double min_concept_share = 0.05;  ///< candidates weigh at least this share of the mean
    double cost_exponent = 1.0;       ///< r in gain / cost^r
    std::size_t swap_rounds = 20;     ///< improving moves of the local search (0: greedy only)
    double seen_weight = 0.1;         ///< share of weight left to concepts told before a view
    bool recency_by_time = true;      ///< recent = the newest share by time, when timed
    std::size_t max_candidates = 1000;  ///< best candidates kept for the search (0: all)
    // A single article (a view of one update of at least `article_min_sentences` sentences):
    // each sentence is a unit of support.
    std::size_t article_min_sentences = 4;  ///< sentences that make one update an article
    std::size_t article_min_support = 2;  ///< sentences of the article a concept needs
    double article_lead_bonus = 3.0;      ///< lead prior of a sentence at the article's top
    double article_position_decay = 5.0;  ///< sentences over which the article's priors fall by 1/e
    // A timeline: at most `timeline_max_sentences` sentences in the median update, and a median
    // gap of at least `timeline_min_gap_hours` between updates (all timed).
    std::size_t timeline_max_sentences = 5;  ///< median sentences of a timeline's entry
    double timeline_min_gap_hours = 12.0;    ///< median time between a timeline's entries
    std::size_t timeline_min_support = 1;    ///< updates a timeline's concept needs
    double timeline_recency_boost = 10.0;    ///< extra support of an occurrence now (smooth)
    double timeline_recency_decay = 0.05;    ///< stream share over which recency falls by 1/e
    double timeline_recency_bonus = 0.5;     ///< sentence prior for recency, on the same decay
    double timeline_origin_bonus = 2.0;      ///< sentence prior for the first entry (the origin)
    selection_options selection;
  };
  /// invalid_argument naming the first option out of range (ranges above).
  static status validate(const options& o);
  /// A summarizer with validated options.
  static result<std::unique_ptr<auto_summarizer>> create(const options& o);

  std::string_view id() const noexcept override { return "auto"; }
  /// The shape of the part of the stream `v` shows (see input_shape and the options).
  input_shape shape_of(const stream::view& v) const;
  using summarizer::summarize;
  summary summarize(const stream::view& v, const budget& b) const override;

 private:
  explicit auto_summarizer(options o) : o_(o) {}
  options o_;
};

}  // namespace sitrep::rank
