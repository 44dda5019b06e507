#include "sitrep/rank/centroid.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace sitrep::rank {

status centroid_summarizer::validate(const options& o) {
  if (o.centroid_terms < 1) return invalid_argument("centroid: centroid_terms must be >= 1");
  if (!(std::isfinite(o.position_weight) && o.position_weight >= 0))
    return invalid_argument("centroid: position_weight must be a finite number >= 0");
  if (!(std::isfinite(o.first_sentence_weight) && o.first_sentence_weight >= 0))
    return invalid_argument("centroid: first_sentence_weight must be a finite number >= 0");
  return rank::validate(o.selection);
}

result<std::unique_ptr<centroid_summarizer>> centroid_summarizer::create(const options& o) {
  if (auto st = validate(o); !st) return st;
  return std::unique_ptr<centroid_summarizer>(new centroid_summarizer(o));
}

summary centroid_summarizer::summarize(const stream::view& v, const budget& b) const {
  if (!v.whole()) return summarize_part(*this, v, b);
  const vsm::collection& c = v.collection();
  const std::size_t n = c.sentence_count();
  std::vector<double> scores(n, 0.0);
  if (n == 0) return finish_summary(c, {}, scores, b, id());

  // The centroid: mean TF-IDF vector, cut to its heaviest terms.
  vsm::sparse_vector centroid;
  std::vector<vsm::sparse_vector> vecs(n);
  for (std::size_t i = 0; i < n; ++i) {
    vecs[i] = c.tfidf(i);
    centroid.add(vecs[i], 1.0 / static_cast<double>(n));
  }
  if (centroid.entries.size() > o_.centroid_terms) {
    auto by_weight = centroid.entries;
    std::nth_element(by_weight.begin(), by_weight.begin() + o_.centroid_terms - 1, by_weight.end(),
                     [](const auto& x, const auto& y) { return x.second > y.second; });
    double cut = by_weight[o_.centroid_terms - 1].second;
    std::erase_if(centroid.entries, [cut](const auto& e) { return e.second < cut; });
  }

  std::vector<double> cscore(n), fscore(n);
  double cmax = 0, fmax = 0;
  for (std::size_t i = 0; i < n; ++i) {
    for (const auto& [t, w] : c.sentence(i).tf.entries) cscore[i] += centroid.weight(t);
    const auto& first = c.sentence(c.first_sentence_of(c.sentence(i).update));
    fscore[i] = c.sentence(i).tf.dot(first.tf);
    cmax = std::max(cmax, cscore[i]);
    fmax = std::max(fmax, fscore[i]);
  }
  for (std::size_t i = 0; i < n; ++i) {
    const auto& s = c.sentence(i);
    std::size_t u = s.update;
    std::size_t in_update = (u + 1 < c.updates().size() ? c.first_sentence_of(u + 1) : n) -
                            c.first_sentence_of(u);
    double p = 1.0 - static_cast<double>(s.position) / static_cast<double>(in_update);
    scores[i] = (cmax > 0 ? cscore[i] / cmax : 0) + o_.position_weight * p +
                o_.first_sentence_weight * (fmax > 0 ? fscore[i] / fmax : 0);
  }
  return select_greedy(c, scores, b, o_.selection, id(), v.groups());
}

}  // namespace sitrep::rank
