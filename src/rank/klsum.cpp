#include "sitrep/rank/klsum.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace sitrep::rank {

status klsum_summarizer::validate(const options& o) {
  if (!(std::isfinite(o.smoothing) && o.smoothing >= 0))
    return invalid_argument("klsum: smoothing must be a finite number >= 0");
  return rank::validate(o.selection);
}

result<std::unique_ptr<klsum_summarizer>> klsum_summarizer::create(const options& o) {
  if (auto st = validate(o); !st) return st;
  return std::unique_ptr<klsum_summarizer>(new klsum_summarizer(o));
}

namespace {

constexpr double kMinSmoothing = 1e-9;

// Term counts of the whole input: P before normalization.
struct input_distribution {
  std::vector<double> count;  // by term id
  double total = 0;           // content-term tokens
  double vocabulary = 0;      // |V|: terms with count > 0
};

input_distribution input_of(const vsm::collection& c) {
  input_distribution d;
  d.count.assign(c.vocab().size(), 0.0);
  for (const auto& s : c.sentences()) {
    for (vsm::term_id t : s.terms) d.count[t] += 1.0;
    d.total += static_cast<double>(s.terms.size());
  }
  for (double x : d.count) d.vocabulary += x > 0;
  return d;
}

}  // namespace

double klsum_summarizer::divergence(const vsm::collection& c,
                                    std::span<const std::size_t> sentences, double smoothing) {
  const input_distribution in = input_of(c);
  if (in.total == 0) return 0;
  smoothing = std::max(smoothing, kMinSmoothing);
  std::vector<double> n(in.count.size(), 0.0);
  double n_total = 0;
  for (std::size_t i : sentences) {
    for (vsm::term_id t : c.sentence(i).terms) n[t] += 1.0;
    n_total += static_cast<double>(c.sentence(i).terms.size());
  }
  const double norm = n_total + smoothing * in.vocabulary;
  double kl = 0;
  for (std::size_t t = 0; t < in.count.size(); ++t) {
    if (in.count[t] == 0) continue;
    const double p = in.count[t] / in.total;
    kl += p * std::log(p / ((n[t] + smoothing) / norm));
  }
  return kl;
}

summary klsum_summarizer::summarize(const stream::view& v, const budget& b) const {
  if (!v.whole()) return summarize_part(*this, v, b);
  const vsm::collection& c = v.collection();
  const selection_options sel = for_budget(o_.selection, b);  // the bar for this budget
  const std::size_t n = c.sentence_count();
  std::vector<double> scores(n, 0.0);
  const input_distribution in = input_of(c);
  if (n == 0 || in.total == 0) return finish_summary(c, {}, scores, b, id());
  const double delta = std::max(o_.smoothing, kMinSmoothing);

  // KL(P || Q) = sum P log P - sum_w P(w) log(n(w) + delta) + log(N_S + delta |V|).
  // `cover` keeps sum_w P(w) log(n(w) + delta) for the summary so far; a candidate changes it
  // only on its own terms.
  double neg_entropy = 0;
  for (double x : in.count)
    if (x > 0) neg_entropy += (x / in.total) * std::log(x / in.total);
  std::vector<double> summary_count(in.count.size(), 0.0);
  double summary_total = 0;
  double cover = std::log(delta);  // every term at n = 0; sum P = 1
  auto kl_with = [&](std::size_t i) {
    double gain = 0;
    for (const auto& [t, k] : c.sentence(i).tf.entries) {
      const double p = in.count[t] / in.total;
      gain += p * (std::log(summary_count[t] + k + delta) - std::log(summary_count[t] + delta));
    }
    const double len = static_cast<double>(c.sentence(i).terms.size());
    return neg_entropy - (cover + gain) + std::log(summary_total + len + delta * in.vocabulary);
  };

  // Each sentence's score is how close it alone brings Q to P (for the fallback and the
  // reported scores: higher is better).
  for (std::size_t i = 0; i < n; ++i) scores[i] = -kl_with(i);

  std::vector<bool> out = choosable(c, sel);
  out.flip();

  redundancy_filter filter(c, sel, v.groups());
  std::vector<scored_sentence> picks;
  std::size_t used = 0;
  while (used < b.limit) {
    std::size_t best = n;
    double best_kl = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < n; ++i) {
      if (out[i] || used + sentence_cost(c, i, b.unit) > b.limit) continue;
      const double kl = kl_with(i);
      if (kl < best_kl) best_kl = kl, best = i;
    }
    if (best == n) break;
    for (const auto& [t, k] : c.sentence(best).tf.entries) {
      const double p = in.count[t] / in.total;
      cover += p * (std::log(summary_count[t] + k + delta) - std::log(summary_count[t] + delta));
      summary_count[t] += k;
    }
    summary_total += static_cast<double>(c.sentence(best).terms.size());
    picks.push_back({best, -best_kl, 0});
    used += sentence_cost(c, best, b.unit);
    out[best] = true;
    const std::size_t chosen[] = {best};
    for (std::size_t i = 0; i < n; ++i)
      if (!out[i] && filter.repeats(i, chosen)) out[i] = true;
  }
  return finish_summary(c, std::move(picks), scores, b, id());
}

}  // namespace sitrep::rank
