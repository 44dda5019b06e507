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
//
// Cuts. When no whole sentence fits, the best one is cut: to its first `limit` words, or to
// the last white space within `limit` bytes, else to the longest run of whole UTF-8 characters
// within `limit` bytes. A cut never splits a character. When not even the first character fits
// (a budget of 1 to 3 bytes before a non-ASCII letter) the summary is empty, and `notes` says so:
// the budget is a hard limit, and half a character is not text.
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

/// The largest budgets accepted: far past any summary (a situation report is a few hundred
/// words) yet small enough that no count overflows and no "huge" number quietly means
/// "unlimited". To summarize without a limit, use a budget at the bound.
inline constexpr std::size_t kMaxBudgetWords = 1'000'000;
inline constexpr std::size_t kMaxBudgetBytes = 10'000'000;
inline constexpr std::size_t kMaxBudgetSentences = 100'000;

/// The bound above for `unit`.
std::size_t max_budget(budget_unit unit) noexcept;

/// invalid_argument unless 0 < limit <= max_budget(unit); the message names the unit.
status validate(const budget& b);

/// What sentence `i` costs under `unit`.
std::size_t sentence_cost(const vsm::collection& c, std::size_t i, budget_unit unit);

struct scored_sentence {
  std::size_t sentence = 0;  ///< index into the collection's sentences
  double score = 0;          ///< the method's score (higher is better; scale is per method)
  /// 0 for a whole sentence. When no whole sentence fits the budget at all, a summary holds
  /// the best sentence cut to this many bytes (see "Cuts" above), always at a character
  /// boundary, so it is empty only when not one character fits.
  std::size_t truncated_bytes = 0;
};

struct summary {
  std::string method;                     ///< id of the method that made it
  std::vector<scored_sentence> sentences;  ///< in stream order
  /// What a reader of the summary should know about how it was made, one plain sentence each:
  /// the method fell back to another (the ilp solver failed), or the budget held nothing.
  /// Empty for the ordinary case. Writers put them in JSON; the command line on stderr.
  std::vector<std::string> notes;
};

/// The text a pick stands for: the sentence, or its cut prefix.
std::string_view selected_text(const vsm::collection& c, const scored_sentence& pick);

/// Total cost of a summary under `unit`.
std::size_t summary_cost(const vsm::collection& c, const summary& s, budget_unit unit);

}  // namespace sitrep::rank
