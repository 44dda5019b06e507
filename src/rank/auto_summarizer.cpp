#include "sitrep/rank/auto_summarizer.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "auto_concepts.hpp"
#include "auto_select.hpp"

namespace sitrep::rank {

status auto_summarizer::validate(const options& o) {
  for (auto [value, name] : {std::pair{o.unigram_weight, "unigram_weight"},
                             std::pair{o.position_boost, "position_boost"},
                             std::pair{o.position_decay, "position_decay"},
                             std::pair{o.recency_boost, "recency_boost"},
                             std::pair{o.opening_boost, "opening_boost"},
                             std::pair{o.lead_bonus, "lead_bonus"},
                             std::pair{o.centrality_weight, "centrality_weight"},
                             std::pair{o.min_concept_share, "min_concept_share"},
                             std::pair{o.cost_exponent, "cost_exponent"}})
    if (!(std::isfinite(value) && value >= 0))
      return invalid_argument(std::string("auto: ") + name + " must be a finite number >= 0");
  if (!std::isfinite(o.length_exponent))
    return invalid_argument("auto: length_exponent must be a finite number");
  for (auto [value, name] : {std::pair{o.recent_fraction, "recent_fraction"},
                             std::pair{o.opening_fraction, "opening_fraction"},
                             std::pair{o.copy_similarity, "copy_similarity"}})
    if (!(value >= 0 && value <= 1))
      return invalid_argument(std::string("auto: ") + name + " must be in [0, 1]");
  if (o.min_support < 1) return invalid_argument("auto: min_support must be >= 1");
  return rank::validate(o.selection);
}

result<std::unique_ptr<auto_summarizer>> auto_summarizer::create(const options& o) {
  if (auto st = validate(o); !st) return st;
  return std::unique_ptr<auto_summarizer>(new auto_summarizer(o));
}
namespace {

// Cosine of each sentence's TF-IDF vector with the stream's centroid (mean of unit vectors).
std::vector<double> centrality(const vsm::collection& c) {
  const std::size_t n = c.sentence_count();
  std::vector<vsm::sparse_vector> v(n);
  vsm::sparse_vector centroid;
  for (std::size_t i = 0; i < n; ++i) {
    v[i] = c.tfidf(i);
    double norm = v[i].norm();
    if (norm > 0) centroid.add(v[i], 1.0 / norm);
  }
  std::vector<double> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = vsm::cosine(v[i], centroid);
  return out;
}

}  // namespace

summary auto_summarizer::summarize(const vsm::collection& c, const budget& b) const {
  options o = o_;
  o.selection = for_budget(o_.selection, b);
  const std::size_t n = c.sentence_count();
  std::vector<double> scores(n, 0.0);
  if (n == 0) return finish_summary(c, {}, scores, b, id());

  detail::concept_options co;
  co.unigram_weight = o.unigram_weight;
  co.min_support = o.min_support;
  co.position_boost = o.position_boost;
  co.position_decay = o.position_decay;
  co.recency_boost = o.recency_boost;
  co.recent_fraction = o.recent_fraction;
  co.opening_boost = o.opening_boost;
  co.opening_fraction = o.opening_fraction;
  co.length_exponent = o.length_exponent;
  co.copy_similarity = o.copy_similarity;
  const detail::concept_model m = detail::build_concepts(c, co);

  detail::coverage_problem p;
  p.concepts = &m;
  p.limit = b.limit;
  p.cost.resize(n);
  p.candidate.resize(n);
  p.bonus.assign(n, 0.0);
  bool any = false;
  for (std::size_t i = 0; i < n; ++i) {
    p.cost[i] = sentence_cost(c, i, b.unit);
    any |= (p.candidate[i] = is_candidate(c, i, o.selection));
    for (detail::concept_id k : m.of_sentence[i]) scores[i] += m.weight[k];
  }
  if (!any) std::fill(p.candidate.begin(), p.candidate.end(), true);
  // Sentence priors are scaled to the mean concept score of a candidate, so weights are unitless.
  double mean = 0;
  std::size_t cands = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (p.candidate[i]) mean += scores[i], ++cands;
  mean /= static_cast<double>(std::max<std::size_t>(cands, 1));
  // Fillers out: a sentence carrying (almost) no agreed concept is chosen only for its prior.
  // Never empties the candidates: some candidate weighs at least the mean.
  for (std::size_t i = 0; i < n; ++i)
    if (p.candidate[i] && scores[i] < o.min_concept_share * mean) p.candidate[i] = false;
  if (o.centrality_weight > 0) {
    std::vector<double> cent = centrality(c);
    for (std::size_t i = 0; i < n; ++i) p.bonus[i] += o.centrality_weight * mean * cent[i];
  }
  if (o.lead_bonus > 0 && o.position_decay > 0)
    for (std::size_t i = 0; i < n; ++i)
      p.bonus[i] += o.lead_bonus * mean *
                    std::exp(-static_cast<double>(c.sentence(i).position) / o.position_decay);

  redundancy_filter filter(c, o.selection);
  std::vector<std::size_t> chosen =
      detail::select_coverage(p, filter, {o.cost_exponent, o.swap_rounds});
  double total = detail::coverage_value(p, chosen);
  // Best single sentence: greedy by ratio can lose to one long, rich sentence.
  std::size_t single = n;
  double single_value = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!p.candidate[i] || p.cost[i] > b.limit) continue;
    double v = scores[i] + p.bonus[i];
    if (single == n || v > single_value) single = i, single_value = v;
  }
  if (single != n && single_value > total) chosen = {single};
  std::vector<scored_sentence> picks;
  for (std::size_t i : chosen) picks.push_back({i, scores[i], 0});
  return finish_summary(c, std::move(picks), scores, b, id());
}

}  // namespace sitrep::rank
