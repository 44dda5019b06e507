#include "sitrep/rank/lead.hpp"

#include <vector>

namespace sitrep::rank {

status lead_summarizer::validate(const options& o) { return rank::validate(o.selection); }

result<std::unique_ptr<lead_summarizer>> lead_summarizer::create(const options& o) {
  if (auto st = validate(o); !st) return st;
  return std::unique_ptr<lead_summarizer>(new lead_summarizer(o));
}

summary lead_summarizer::summarize(const stream::view& v, const budget& b) const {
  if (!v.whole()) return summarize_part(*this, v, b);
  const vsm::collection& c = v.collection();
  const std::size_t n = c.sentence_count();
  std::vector<double> scores(n);
  const std::size_t updates = c.updates().size();
  for (std::size_t i = 0; i < n; ++i) {
    const auto& s = c.sentence(i);
    // Earlier (or, latest_first, newer-update-then-earlier) sentences score higher.
    std::size_t update_rank = o_.latest_first ? updates - 1 - s.update : s.update;
    std::size_t rank = o_.latest_first ? update_rank * (n + 1) + s.position : i;
    scores[i] = 1.0 / (1.0 + static_cast<double>(rank));
  }
  return select_greedy(c, scores, b, o_.selection, id(), v.groups());
}

}  // namespace sitrep::rank
