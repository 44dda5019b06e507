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
  if (!(o.seen_weight >= 0 && o.seen_weight <= 1))
    return invalid_argument("auto: seen_weight must be in [0, 1]");
  return rank::validate(o.selection);
}

result<std::unique_ptr<auto_summarizer>> auto_summarizer::create(const options& o) {
  if (auto st = validate(o); !st) return st;
  return std::unique_ptr<auto_summarizer>(new auto_summarizer(o));
}
namespace {

// Cosine of each sentence's TF-IDF vector with the view's centroid (mean of unit vectors).
std::vector<double> centrality(const stream::view& v) {
  const vsm::collection& c = v.collection();
  const std::size_t n = v.sentence_count();
  std::vector<vsm::sparse_vector> vecs(n);
  vsm::sparse_vector centroid;
  for (std::size_t i = 0; i < n; ++i) {
    vecs[i] = c.tfidf(v.first_sentence() + i);
    double norm = vecs[i].norm();
    if (norm > 0) centroid.add(vecs[i], 1.0 / norm);
  }
  std::vector<double> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = vsm::cosine(vecs[i], centroid);
  return out;
}

}  // namespace

summary auto_summarizer::summarize(const stream::view& v, const budget& b) const {
  options o = o_;
  o.selection = for_budget(o_.selection, b);
  const vsm::collection& c = v.collection();
  const std::size_t first = v.first_sentence();
  const std::size_t n = v.sentence_count();  // the view's sentences, indexed from `first`
  std::vector<double> scores(n, 0.0);
  if (n == 0) return finish_summary(c, {}, scores, b, id(), first);

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
  co.seen_weight = v.is_news() ? o.seen_weight : 1.0;
  co.places_by_time = o.recency_by_time;
  const detail::concept_model m = detail::build_concepts(v, co);

  detail::coverage_problem p;
  p.concepts = &m;
  p.limit = b.limit;
  p.first = first;
  p.cost.resize(n);
  p.candidate.resize(n);
  p.bonus.assign(n, 0.0);
  const auto groups = v.groups();
  bool any = false;
  for (std::size_t i = 0; i < n; ++i) {
    p.cost[i] = sentence_cost(c, first + i, b.unit);
    any |= (p.candidate[i] = is_candidate(c, first + i, o.selection));
    for (detail::concept_id k : m.of_sentence[i]) scores[i] += m.weight[k];
  }
  if (!any) std::fill(p.candidate.begin(), p.candidate.end(), true);
  // A sentence that repeats one the reader saw before the view (its group began earlier) is
  // not new, whatever it scores.
  if (!groups.empty() && v.is_news())
    for (std::size_t i = 0; i < n; ++i)
      if (groups[first + i] < first) p.candidate[i] = false;
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
    std::vector<double> cent = centrality(v);
    for (std::size_t i = 0; i < n; ++i) p.bonus[i] += o.centrality_weight * mean * cent[i];
  }
  if (o.lead_bonus > 0 && o.position_decay > 0)
    for (std::size_t i = 0; i < n; ++i)
      p.bonus[i] += o.lead_bonus * mean *
                    std::exp(-static_cast<double>(c.sentence(first + i).position) /
                             o.position_decay);
  // The cap on candidates keeps the best (ties: the newest), never the first.
  if (o.max_candidates > 0 && cands > o.max_candidates) {
    std::vector<std::size_t> pool;
    for (std::size_t i = 0; i < n; ++i)
      if (p.candidate[i]) pool.push_back(i);
    if (pool.size() > o.max_candidates) {
      auto better = [&](std::size_t x, std::size_t y) {
        const double a = scores[x] + p.bonus[x], bb = scores[y] + p.bonus[y];
        return a != bb ? a > bb : x > y;
      };
      std::nth_element(pool.begin(), pool.begin() + static_cast<std::ptrdiff_t>(o.max_candidates),
                       pool.end(), better);
      for (std::size_t k = o.max_candidates; k < pool.size(); ++k) p.candidate[pool[k]] = false;
    }
  }

  redundancy_filter filter(c, o.selection, groups);
  std::vector<std::size_t> chosen =
      detail::select_coverage(p, filter, {o.cost_exponent, o.swap_rounds});
  double total = detail::coverage_value(p, chosen);
  // Best single sentence: greedy by ratio can lose to one long, rich sentence.
  std::size_t single = n;
  double single_value = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!p.candidate[i] || p.cost[i] > b.limit) continue;
    double value = scores[i] + p.bonus[i];
    if (single == n || value > single_value) single = i, single_value = value;
  }
  if (single != n && single_value > total) chosen = {single};
  std::vector<scored_sentence> picks;
  for (std::size_t i : chosen) picks.push_back({first + i, scores[i], 0});
  return finish_summary(c, std::move(picks), scores, b, id(), first);
}

}  // namespace sitrep::rank
