#include "sitrep/rank/auto_summarizer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace sitrep::rank {
namespace {

using concept_id = std::uint32_t;

struct concept_model {
  std::vector<std::vector<concept_id>> of_sentence;  // distinct concepts per sentence
  std::vector<double> weight;                        // per concept
};

concept_model build_concepts(const vsm::collection& c, const auto_summarizer::options& o) {
  concept_model m;
  std::unordered_map<std::uint64_t, concept_id> ids;
  std::vector<double> support;
  std::vector<std::size_t> last_update;  // last update counted + 1
  std::vector<std::size_t> updates_with;
  std::vector<bool> is_unigram;
  auto intern = [&](std::uint64_t key, bool unigram) {
    auto [it, fresh] = ids.try_emplace(key, static_cast<concept_id>(support.size()));
    if (fresh) {
      support.push_back(0);
      last_update.push_back(0);
      updates_with.push_back(0);
      is_unigram.push_back(unigram);
    }
    return it->second;
  };
  m.of_sentence.resize(c.sentence_count());
  for (std::size_t i = 0; i < c.sentence_count(); ++i) {
    const auto& s = c.sentence(i);
    auto& mine = m.of_sentence[i];
    for (std::size_t k = 0; k < s.tokens.size(); ++k) {
      if (!s.stopword[k]) mine.push_back(intern((std::uint64_t{1} << 63) | s.tokens[k], true));
      if (k + 1 < s.tokens.size() && !(s.stopword[k] && s.stopword[k + 1]))
        mine.push_back(intern((std::uint64_t{s.tokens[k]} << 32) | s.tokens[k + 1], false));
    }
    std::sort(mine.begin(), mine.end());
    mine.erase(std::unique(mine.begin(), mine.end()), mine.end());
    const bool lead = s.position < o.lead_sentences;
    const double updates = static_cast<double>(c.updates().size());
    const bool recent =
        updates > 1 && static_cast<double>(s.update) >= updates * (1.0 - o.recent_fraction);
    for (concept_id k : mine) {
      if (last_update[k] != s.update + 1) {
        last_update[k] = s.update + 1;
        ++updates_with[k];
        support[k] += 1.0 + (lead ? o.position_boost : 0.0) + (recent ? o.recency_boost : 0.0);
      }
    }
  }
  const std::size_t min_support = c.updates().size() > 1 ? o.min_support : 1;
  m.weight.resize(support.size());
  for (std::size_t k = 0; k < support.size(); ++k) {
    if (updates_with[k] < min_support) continue;
    m.weight[k] = support[k] * (is_unigram[k] ? o.unigram_weight : 1.0);
  }
  return m;
}

}  // namespace

summary auto_summarizer::summarize(const vsm::collection& c, const budget& b) const {
  const std::size_t n = c.sentence_count();
  std::vector<double> scores(n, 0.0);
  if (n == 0) return finish_summary(c, {}, scores, b, id());
  concept_model m = build_concepts(c, o_);

  std::vector<bool> candidate(n);
  bool any = false;
  for (std::size_t i = 0; i < n; ++i) any |= (candidate[i] = is_candidate(c, i, o_.selection));
  if (!any) std::fill(candidate.begin(), candidate.end(), true);
  for (std::size_t i = 0; i < n; ++i)
    for (concept_id k : m.of_sentence[i]) scores[i] += m.weight[k];

  std::vector<bool> covered(m.weight.size(), false);
  redundancy_filter filter(c, o_.selection);
  std::vector<std::size_t> chosen;
  std::vector<scored_sentence> picks;
  std::size_t used = 0;
  double total = 0;
  while (true) {
    double best_ratio = 0;
    std::size_t best = n;
    for (std::size_t i = 0; i < n; ++i) {
      if (!candidate[i]) continue;
      std::size_t cost = sentence_cost(c, i, b.unit);
      if (used + cost > b.limit) continue;
      double gain = 0;
      for (concept_id k : m.of_sentence[i])
        if (!covered[k]) gain += m.weight[k];
      if (gain <= 0) continue;
      double ratio = gain / std::pow(static_cast<double>(std::max<std::size_t>(cost, 1)),
                                     o_.cost_exponent);
      if (ratio > best_ratio) {
        best_ratio = ratio;
        best = i;
      }
    }
    if (best == n) break;
    candidate[best] = false;
    if (filter.repeats(best, chosen)) continue;
    double gain = 0;
    for (concept_id k : m.of_sentence[best])
      if (!covered[k]) {
        gain += m.weight[k];
        covered[k] = true;
      }
    total += gain;
    chosen.push_back(best);
    picks.push_back({best, scores[best], 0});
    used += sentence_cost(c, best, b.unit);
  }
  // Best single sentence: greedy by ratio can lose to one long, rich sentence.
  std::size_t single = n;
  for (std::size_t i = 0; i < n; ++i) {
    if (!is_candidate(c, i, o_.selection) || sentence_cost(c, i, b.unit) > b.limit) continue;
    if (single == n || scores[i] > scores[single]) single = i;
  }
  if (single != n && scores[single] > total) picks = {{single, scores[single], 0}};
  return finish_summary(c, std::move(picks), scores, b, id());
}

}  // namespace sitrep::rank
