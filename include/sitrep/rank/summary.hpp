// sitrep/rank/summary.hpp — budgets and the summaries every summarizer returns.
//
//   sitrep::rank::budget b{sitrep::rank::budget_unit::words, 100};
//   sitrep::rank::summary s = summarizer->summarize(collection, b);
//   for (const auto& pick : s.sentences)
//     std::cout << sitrep::rank::selected_text(collection, pick) << '\n';
//
// A summary lists the chosen sentences in stream order (update order, then position), each
// with its score under the method that chose it and, through the collection, its provenance
// (update id, time, source, byte offsets). Its cost never exceeds the budget.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/core/status.hpp"
#include "sitrep/vsm/collection.hpp"

namespace sitrep::rank {

enum class budget_unit { words, bytes, sentences };

/// How long a summary may be. Words are white-space words, bytes are UTF-8 bytes of the
/// sentences (separators not counted), sentences are whole sentences.
struct budget {
  budget_unit unit = budget_unit::words;
  std::size_t limit = 100;
};

/// invalid_argument unless limit > 0.
status validate(const budget& b);

/// What sentence `i` costs under `unit`.
std::size_t sentence_cost(const vsm::collection& c, std::size_t i, budget_unit unit);

struct scored_sentence {
  std::size_t sentence = 0;  ///< index into the collection's sentences
  double score = 0;          ///< the method's score (higher is better; scale is per method)
  /// 0 for a whole sentence. When no whole sentence fits the budget at all, a summary holds
  /// the best sentence cut at a word boundary to this many bytes, so it is never empty.
  std::size_t truncated_bytes = 0;
};

struct summary {
  std::string method;                     ///< id of the method that made it
  std::vector<scored_sentence> sentences;  ///< in stream order
};

/// The text a pick stands for: the sentence, or its cut prefix.
std::string_view selected_text(const vsm::collection& c, const scored_sentence& pick);

/// Total cost of a summary under `unit`.
std::size_t summary_cost(const vsm::collection& c, const summary& s, budget_unit unit);

}  // namespace sitrep::rank
