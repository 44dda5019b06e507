#include "sitrep/rank/lexrank.hpp"

#include <cmath>
#include <vector>

namespace sitrep::rank {

status lexrank_summarizer::validate(const options& o) {
  if (!(o.damping > 0 && o.damping < 1))
    return invalid_argument("lexrank: damping must be in (0, 1)");
  if (!(o.edge_threshold >= 0 && o.edge_threshold <= 1))
    return invalid_argument("lexrank: edge_threshold must be in [0, 1]");
  if (!(std::isfinite(o.tolerance) && o.tolerance > 0))
    return invalid_argument("lexrank: tolerance must be a finite number > 0");
  if (o.max_iterations < 1) return invalid_argument("lexrank: max_iterations must be >= 1");
  if (o.max_sentences < 1) return invalid_argument("lexrank: max_sentences must be >= 1");
  return rank::validate(o.selection);
}

result<std::unique_ptr<lexrank_summarizer>> lexrank_summarizer::create(const options& o) {
  if (auto st = validate(o); !st) return st;
  return std::unique_ptr<lexrank_summarizer>(new lexrank_summarizer(o));
}

summary lexrank_summarizer::summarize(const stream::view& v, const budget& b) const {
  if (!v.whole()) return summarize_part(*this, v, b);
  const vsm::collection& c = v.collection();
  const selection_options sel = for_budget(o_.selection, b);  // the bar for this budget
  const std::size_t n = c.sentence_count();
  std::vector<double> scores(n, 0.0);

  const std::vector<std::size_t> nodes = choosable_indices(c, sel, o_.max_sentences);
  const std::size_t m = nodes.size();
  if (m == 0) return finish_summary(c, {}, scores, b, id());

  std::vector<vsm::sparse_vector> vecs(m);
  std::vector<double> norms(m);
  for (std::size_t k = 0; k < m; ++k) {
    vecs[k] = c.tfidf(nodes[k]);
    norms[k] = vecs[k].norm();
  }
  // Row-normalized similarity matrix, dense m x m.
  std::vector<double> w(m * m, 0.0);
  for (std::size_t i = 0; i < m; ++i) {
    for (std::size_t j = i; j < m; ++j) {
      double sim = (norms[i] > 0 && norms[j] > 0) ? vecs[i].dot(vecs[j]) / (norms[i] * norms[j])
                                                  : (i == j ? 1.0 : 0.0);
      if (sim < o_.edge_threshold) sim = 0;
      w[i * m + j] = w[j * m + i] = sim;
    }
  }
  std::vector<double> rowsum(m, 0.0);
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = 0; j < m; ++j) rowsum[i] += w[i * m + j];

  std::vector<double> p(m, 1.0 / m), next(m);
  const double jump = (1.0 - o_.damping) / m;
  for (std::size_t it = 0; it < o_.max_iterations; ++it) {
    std::fill(next.begin(), next.end(), jump);
    double dangling = 0;
    for (std::size_t i = 0; i < m; ++i) {
      if (rowsum[i] == 0) {
        dangling += p[i];
        continue;
      }
      double share = o_.damping * p[i] / rowsum[i];
      const double* row = &w[i * m];
      for (std::size_t j = 0; j < m; ++j) next[j] += share * row[j];
    }
    if (dangling > 0)
      for (double& x : next) x += o_.damping * dangling / m;
    double change = 0;
    for (std::size_t k = 0; k < m; ++k) change += std::fabs(next[k] - p[k]);
    p.swap(next);
    if (change < o_.tolerance) break;
  }
  for (std::size_t k = 0; k < m; ++k) scores[nodes[k]] = p[k];
  return select_greedy(c, scores, b, sel, id(), v.groups());
}

}  // namespace sitrep::rank
