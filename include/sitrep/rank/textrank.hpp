// sitrep/rank/textrank.hpp — TextRank for sentence extraction.
//
//   auto textrank = sitrep::rank::textrank_summarizer::create({});
//   if (!textrank) return textrank.error();   // invalid_argument names the bad option
//   auto s = (*textrank)->summarize(collection, {sitrep::rank::budget_unit::words, 100});
//
//   // The edge weight on its own (content terms of sentences 3 and 7):
//   double w = sitrep::rank::textrank_summarizer::similarity(collection, 3, 7);
//
// Follows Mihalcea and Tarau, "TextRank: Bringing Order into Texts" (EMNLP 2004), section 4.
// Sentences are the nodes of an undirected graph; the edge between S_i and S_j weighs their
// normalized word overlap
//     w_ij = |{w : w in S_i and w in S_j}| / (log |S_i| + log |S_j|),
// where words are the collection's content terms (stemmed, stopwords out: the shared analysis)
// and |S| counts a sentence's term tokens. Pairs whose denominator is not positive (two
// one-term sentences) get no edge. A sentence's score is its weighted PageRank
//     WS(V_i) = (1 - d) + d * sum_j  w_ji / (sum_k w_jk) * WS(V_j)
// with damping d = `damping`, iterated from 1 until no score moves by more than `tolerance`
// (the paper's 0.0001) or `max_iterations`. Sentences are then chosen greedily by score under
// the shared redundancy control (selection.hpp): TextRank itself has no redundancy step, so the
// filter is what keeps two near-copies of the most central sentence out of one summary.
//
// Cost: the overlap graph is built through an inverted index over terms, O(sum over terms of
// (sentences holding it)^2) time and O(n^2) memory for n nodes, so at most `max_sentences`
// candidates (the newest in the stream) enter the graph.
// Thread safety: as summarizer.hpp (summarize is const and keeps its scratch on the stack).
#pragma once

#include <cstddef>
#include <memory>

#include "sitrep/rank/summarizer.hpp"

namespace sitrep::rank {

class textrank_summarizer final : public summarizer {
 public:
  struct options {
    double damping = 0.85;             ///< d: probability of following an edge, in (0, 1) (paper: 0.85)
    double tolerance = 1e-4;           ///< largest per-node change that stops the iteration (> 0)
    std::size_t max_iterations = 200;  ///< hard stop for the power iteration (>= 1)
    std::size_t max_sentences = 4000;  ///< graph nodes at most (dense n x n weights; >= 1)
    selection_options selection;       ///< the shared redundancy filter and minimum length
  };
  /// invalid_argument naming the first option out of range (ranges above).
  static status validate(const options& o);
  /// A summarizer with validated options.
  static result<std::unique_ptr<textrank_summarizer>> create(const options& o);

  std::string_view id() const noexcept override { return "textrank"; }
  using summarizer::summarize;
  summary summarize(const stream::view& v, const budget& b) const override;

  /// The edge weight between sentences `a` and `b` (formula above); 0 for `a == b`.
  static double similarity(const vsm::collection& c, std::size_t a, std::size_t b);

 private:
  explicit textrank_summarizer(options o) : o_(o) {}
  options o_;
};

}  // namespace sitrep::rank
