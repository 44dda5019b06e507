#include "sitrep/rank/submodular.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <queue>
#include <tuple>

namespace sitrep::rank {
namespace {

// Spherical k-means on unit vectors, computed from their cosine matrix `w` (n x n): a
// sentence's cosine with a cluster's mean direction is sum_{j in P} w_ij / |sum_{j in P} x_j|,
// and |sum x_j|^2 = sum_{j,l in P} w_jl, so no term-space centroid is ever built.
std::vector<std::size_t> spherical_kmeans(const std::vector<float>& w, std::size_t n, std::size_t k,
                                          std::span<const double> centrality,
                                          std::size_t iterations) {
  std::vector<std::size_t> assign(n, 0);
  if (n == 0 || k <= 1) return assign;
  k = std::min(k, n);

  // Farthest-first seeds: the most central sentence, then each time the sentence least similar
  // to every seed so far (ties to the earlier one). Deterministic, and spreads the seeds.
  std::vector<std::size_t> seeds;
  std::size_t first = 0;
  for (std::size_t i = 1; i < n; ++i)
    if (centrality[i] > centrality[first]) first = i;
  seeds.push_back(first);
  std::vector<float> closest(n);
  for (std::size_t i = 0; i < n; ++i) closest[i] = w[i * n + first];
  std::vector<bool> is_seed(n, false);
  is_seed[first] = true;
  while (seeds.size() < k) {
    std::size_t far = n;
    for (std::size_t i = 0; i < n; ++i)
      if (!is_seed[i] && (far == n || closest[i] < closest[far])) far = i;
    seeds.push_back(far);
    is_seed[far] = true;
    for (std::size_t i = 0; i < n; ++i) closest[i] = std::max(closest[i], w[i * n + far]);
  }
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t best = 0;
    for (std::size_t s = 1; s < k; ++s)
      if (w[i * n + seeds[s]] > w[i * n + seeds[best]]) best = s;
    assign[i] = best;
  }

  std::vector<double> norm(k), acc(k);
  for (std::size_t it = 0; it < iterations; ++it) {
    std::fill(norm.begin(), norm.end(), 0.0);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j)
        if (assign[i] == assign[j]) norm[assign[i]] += w[i * n + j];
    for (double& x : norm) x = std::sqrt(std::max(x, 0.0));
    bool moved = false;
    std::vector<std::size_t> next(n);
    for (std::size_t i = 0; i < n; ++i) {
      std::fill(acc.begin(), acc.end(), 0.0);
      for (std::size_t j = 0; j < n; ++j) acc[assign[j]] += w[i * n + j];
      std::size_t best = assign[i];
      double best_sim = norm[best] > 0 ? acc[best] / norm[best] : 0;
      for (std::size_t s = 0; s < k; ++s) {
        if (norm[s] <= 0) continue;
        double sim = acc[s] / norm[s];
        if (sim > best_sim + 1e-12) {
          best = s;
          best_sim = sim;
        }
      }
      next[i] = best;
      moved |= best != assign[i];
    }
    assign.swap(next);
    if (!moved) break;
  }
  return assign;
}

}  // namespace

status submodular_summarizer::validate(const options& o) {
  if (!(o.coverage_saturation > 0) || !std::isfinite(o.coverage_saturation))
    return invalid_argument("submodular: coverage_saturation must be > 0");
  if (!(o.diversity_weight >= 0) || !std::isfinite(o.diversity_weight))
    return invalid_argument("submodular: diversity_weight must be >= 0");
  if (!(o.first_sentence_bonus >= 0) || !std::isfinite(o.first_sentence_bonus))
    return invalid_argument("submodular: first_sentence_bonus must be >= 0");
  if (!(o.cost_exponent >= 0) || !std::isfinite(o.cost_exponent))
    return invalid_argument("submodular: cost_exponent must be >= 0");
  if (!(o.cluster_share > 0 && o.cluster_share <= 1))
    return invalid_argument("submodular: cluster_share must be in (0, 1]");
  if (o.kmeans_iterations < 1)
    return invalid_argument("submodular: kmeans_iterations must be >= 1");
  if (o.max_sentences < 1) return invalid_argument("submodular: max_sentences must be >= 1");
  return rank::validate(o.selection);
}

result<std::unique_ptr<submodular_summarizer>> submodular_summarizer::create(const options& o) {
  if (auto st = validate(o); !st) return st;
  return std::unique_ptr<submodular_summarizer>(new submodular_summarizer(o));
}

submodular_summarizer::objective::objective(const vsm::collection& c, const options& o)
    : position_(c.sentence_count(), SIZE_MAX), lambda_(o.diversity_weight) {
  for (std::size_t i = 0; i < c.sentence_count() && ground_.size() < o.max_sentences; ++i)
    if (!c.sentence(i).terms.empty()) {
      position_[i] = ground_.size();
      ground_.push_back(i);
    }
  const std::size_t n = ground_.size();
  if (n == 0) return;

  // Unit TF-IDF vectors and their cosines through an inverted index (cost: sum of df^2).
  std::vector<std::vector<std::pair<std::size_t, double>>> postings;
  for (std::size_t g = 0; g < n; ++g) {
    vsm::sparse_vector v = c.tfidf(ground_[g]);
    double norm = v.norm();
    if (norm <= 0) continue;
    for (const auto& [t, x] : v.entries) {
      if (t >= postings.size()) postings.resize(t + 1);
      postings[t].emplace_back(g, x / norm);
    }
  }
  w_.assign(n * n, 0.0f);
  for (const auto& list : postings)
    for (std::size_t a = 0; a < list.size(); ++a)
      for (std::size_t b = a; b < list.size(); ++b) {
        auto [i, xi] = list[a];
        auto [j, xj] = list[b];
        w_[i * n + j] += static_cast<float>(xi * xj);
        if (i != j) w_[j * n + i] += static_cast<float>(xi * xj);
      }

  // The lead of an update states its main fact: covering it counts more (see the header).
  importance_.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    importance_[i] = c.sentence(ground_[i]).position == 0 ? 1.0 + o.first_sentence_bonus : 1.0;
  cap_.resize(n);
  reward_.resize(n);
  const double alpha = o.coverage_saturation / static_cast<double>(n);
  for (std::size_t i = 0; i < n; ++i) {
    double total = 0;
    for (std::size_t j = 0; j < n; ++j) total += w_[i * n + j];
    cap_[i] = alpha * total;
    reward_[i] = total / static_cast<double>(n);  // w is symmetric: row sum = column sum
  }
  std::size_t k = static_cast<std::size_t>(std::ceil(o.cluster_share * static_cast<double>(n)));
  cluster_ = spherical_kmeans(w_, n, std::max<std::size_t>(k, 1), reward_, o.kmeans_iterations);
  clusters_ = cluster_.empty() ? 0 : *std::max_element(cluster_.begin(), cluster_.end()) + 1;
}

double submodular_summarizer::objective::value(std::span<const std::size_t> sentences) const {
  const std::size_t n = ground_.size();
  std::vector<double> cov(n, 0.0), cluster_sum(clusters_, 0.0);
  std::vector<bool> in(n, false);
  for (std::size_t s : sentences) {
    if (s >= position_.size() || position_[s] == SIZE_MAX || in[position_[s]]) continue;
    std::size_t g = position_[s];
    in[g] = true;
    for (std::size_t i = 0; i < n; ++i) cov[i] += w_[i * n + g];
    cluster_sum[cluster_[g]] += reward_[g];
  }
  double f = 0;
  for (std::size_t i = 0; i < n; ++i) f += importance_[i] * std::min(cov[i], cap_[i]);
  for (double x : cluster_sum) f += lambda_ * std::sqrt(x);
  return f;
}

summary submodular_summarizer::summarize(const stream::view& v, const budget& b) const {
  if (!v.whole()) return summarize_part(*this, v, b);
  const vsm::collection& c = v.collection();
  const selection_options sel = for_budget(o_.selection, b);  // the bar for this budget
  const std::size_t total = c.sentence_count();
  std::vector<double> scores(total, 0.0);
  if (total == 0) return finish_summary(c, {}, scores, b, id());
  objective f(c, o_);
  const std::size_t n = f.ground_.size();
  const auto& w = f.w_;

  std::vector<double> cov(n, 0.0), cluster_sum(f.clusters_, 0.0);
  auto gain = [&](std::size_t g) {
    double d = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (cov[i] >= f.cap_[i]) continue;
      d += f.importance_[i] * (std::min(cov[i] + w[i * n + g], f.cap_[i]) - cov[i]);
    }
    double before = cluster_sum[f.cluster_[g]];
    return d + f.lambda_ * (std::sqrt(before + f.reward_[g]) - std::sqrt(before));
  };
  // Singleton values: the fallback's scores and the best-single-sentence check.
  for (std::size_t g = 0; g < n; ++g) scores[f.ground_[g]] = gain(g);

  bool any_candidate = false;
  for (std::size_t g = 0; g < n && !any_candidate; ++g)
    any_candidate = is_candidate(c, f.ground_[g], sel);
  auto eligible = [&](std::size_t g) {
    std::size_t s = f.ground_[g];
    return (!any_candidate || is_candidate(c, s, sel)) && sentence_cost(c, s, b.unit) <= b.limit;
  };
  auto scaled = [&](double value, std::size_t g) {
    double cost = static_cast<double>(sentence_cost(c, f.ground_[g], b.unit));
    return value / std::pow(std::max(cost, 1.0), o_.cost_exponent);
  };

  // Lazy greedy: (bound, -index, round the bound was computed in). Scaled gains only shrink as
  // the summary grows, so a bound computed in the current round is exact and maximal.
  using item = std::tuple<double, std::ptrdiff_t, std::size_t>;
  std::priority_queue<item> heap;
  for (std::size_t g = 0; g < n; ++g)
    if (eligible(g))
      heap.emplace(scaled(scores[f.ground_[g]], g), -static_cast<std::ptrdiff_t>(g), 0);

  redundancy_filter filter(c, sel, v.groups());
  std::vector<std::size_t> chosen;
  std::vector<scored_sentence> picks;
  std::size_t used = 0, round = 0;
  double value = 0;
  while (!heap.empty()) {
    auto [bound, neg, stamp] = heap.top();
    heap.pop();
    auto g = static_cast<std::size_t>(-neg);
    std::size_t s = f.ground_[g];
    if (used + sentence_cost(c, s, b.unit) > b.limit) continue;  // never fits again
    if (stamp != round) {
      heap.emplace(scaled(gain(g), g), neg, round);
      continue;
    }
    if (filter.repeats(s, chosen)) continue;  // repeats stay repeats
    double d = gain(g);
    chosen.push_back(s);
    picks.push_back({s, d, 0});
    value += d;
    used += sentence_cost(c, s, b.unit);
    for (std::size_t i = 0; i < n; ++i) cov[i] += w[i * n + g];
    cluster_sum[f.cluster_[g]] += f.reward_[g];
    ++round;
    if (used == b.limit) break;
  }

  // The better of the greedy summary and the best single sentence that fits.
  std::size_t best = n;
  for (std::size_t g = 0; g < n; ++g)
    if (eligible(g) && (best == n || scores[f.ground_[g]] > scores[f.ground_[best]])) best = g;
  if (best != n && scores[f.ground_[best]] > value + 1e-12) {
    picks.clear();
    picks.push_back({f.ground_[best], scores[f.ground_[best]], 0});
  }
  return finish_summary(c, std::move(picks), scores, b, id());
}

}  // namespace sitrep::rank
