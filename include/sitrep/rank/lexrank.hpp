// sitrep/rank/lexrank.hpp — continuous LexRank.
//
//   auto lexrank = sitrep::rank::lexrank_summarizer::create({});
//   if (!lexrank) return lexrank.error();   // invalid_argument names the bad option
//   auto s = (*lexrank)->summarize(collection, {sitrep::rank::budget_unit::words, 100});
//
// Follows Erkan and Radev, "LexRank: Graph-based Lexical Centrality as Salience in Text
// Summarization" (JAIR 22, 2004), continuous variant: sentences are nodes, edges weigh the
// IDF-modified cosine of their TF-IDF vectors, and a sentence's salience is its stationary
// probability under a random walk on the row-normalized graph with `damping`. Scores are found
// by power iteration to `tolerance` (at most `max_iterations`). The graph is dense: O(n^2) time
// and memory in the number of candidate sentences, so at most `max_sentences` candidates (the
// newest) enter it.
#pragma once

#include <cstddef>
#include <memory>

#include "sitrep/rank/summarizer.hpp"

namespace sitrep::rank {

class lexrank_summarizer final : public summarizer {
 public:
  struct options {
    double damping = 0.85;           ///< probability of following an edge (1 - jump), in (0, 1)
    double edge_threshold = 0.0;     ///< similarities below this are dropped (0 = continuous), in [0, 1]
    double tolerance = 1e-6;         ///< L1 change that stops the iteration (finite, > 0)
    std::size_t max_iterations = 200;  ///< hard stop for the power iteration (>= 1)
    std::size_t max_sentences = 4000;  ///< graph nodes at most (>= 1)
    selection_options selection;
  };
  /// invalid_argument naming the first option out of range (ranges above).
  static status validate(const options& o);
  /// A summarizer with validated options.
  static result<std::unique_ptr<lexrank_summarizer>> create(const options& o);

  std::string_view id() const noexcept override { return "lexrank"; }
  using summarizer::summarize;
  summary summarize(const stream::view& v, const budget& b) const override;

 private:
  explicit lexrank_summarizer(options o) : o_(o) {}
  options o_;
};

}  // namespace sitrep::rank
