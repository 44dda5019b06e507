#include "sitrep/rank/summary.hpp"

#include "sitrep/text/tokenizer.hpp"

namespace sitrep::rank {

std::size_t max_budget(budget_unit unit) noexcept {
  switch (unit) {
    case budget_unit::words: return kMaxBudgetWords;
    case budget_unit::bytes: return kMaxBudgetBytes;
    case budget_unit::sentences: return kMaxBudgetSentences;
  }
  return kMaxBudgetWords;
}

status validate(const budget& b) {
  if (b.limit == 0) return invalid_argument("a summary budget must be greater than 0");
  if (b.limit > max_budget(b.unit)) {
    const char* unit = b.unit == budget_unit::words   ? "words"
                       : b.unit == budget_unit::bytes ? "bytes"
                                                      : "sentences";
    return invalid_argument("a summary budget in " + std::string(unit) + " must be at most " +
                            std::to_string(max_budget(b.unit)) + ", got " +
                            std::to_string(b.limit));
  }
  return status::ok();
}

std::size_t sentence_cost(const vsm::collection& c, std::size_t i, budget_unit unit) {
  switch (unit) {
    case budget_unit::words: return c.sentence(i).words;
    case budget_unit::bytes: return c.sentence(i).bytes.size();
    case budget_unit::sentences: return 1;
  }
  return 1;
}

std::string_view selected_text(const vsm::collection& c, const scored_sentence& pick) {
  std::string_view t = c.text(pick.sentence);
  return pick.truncated_bytes ? t.substr(0, pick.truncated_bytes) : t;
}

std::size_t summary_cost(const vsm::collection& c, const summary& s, budget_unit unit) {
  std::size_t total = 0;
  for (const auto& p : s.sentences) {
    if (p.truncated_bytes == 0) {
      total += sentence_cost(c, p.sentence, unit);
    } else {
      std::string_view t = selected_text(c, p);
      total += unit == budget_unit::bytes ? t.size()
               : unit == budget_unit::words ? text::count_words(t)
                                            : 1;
    }
  }
  return total;
}

}  // namespace sitrep::rank
