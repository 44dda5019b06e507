// Internal to auto_summarizer: budgeted maximization of concept coverage (not installed).
//
// Objective: F(S) = sum of the weights of the distinct concepts the sentences of S cover, plus
// a per-sentence bonus (a modular prior such as centrality). F is monotone submodular, so
// cost-scaled greedy is a good start (Lin and Bilmes, "Multi-document Summarization via Budgeted
// Maximization of Submodular Functions", NAACL 2010); a swap local search then repairs what greedy
// gets wrong near the budget (one sentence out, one in, while the objective rises). Every
// sentence added passes the shared redundancy filter against the others.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "auto_concepts.hpp"
#include "sitrep/rank/selection.hpp"

namespace sitrep::rank::detail {

// Sentences are indexed from 0; sentence i is the collection's sentence `first + i` (a view's).
struct coverage_problem {
  const concept_model* concepts = nullptr;
  std::size_t first = 0;
  std::vector<double> bonus;        // per sentence
  std::vector<std::size_t> cost;    // per sentence, in budget units
  std::vector<bool> candidate;      // per sentence
  std::size_t limit = 0;
};

struct select_options {
  double cost_exponent = 1.0;    // r in gain / cost^r for greedy
  std::size_t swap_rounds = 20;  // improving swaps the local search may make (0: greedy only)
};

/// F(S) for the sentences in `chosen`.
double coverage_value(const coverage_problem& p, std::span<const std::size_t> chosen);

/// A selection within the limit, each sentence a candidate, none repeating another.
std::vector<std::size_t> select_coverage(const coverage_problem& p, redundancy_filter& filter,
                                         const select_options& o);

}  // namespace sitrep::rank::detail
