#include "sitrep/rank/textrank.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <vector>

namespace sitrep::rank {

status textrank_summarizer::validate(const options& o) {
  if (!(o.damping > 0 && o.damping < 1))
    return invalid_argument("textrank: damping must be in (0, 1)");
  if (!(std::isfinite(o.tolerance) && o.tolerance > 0))
    return invalid_argument("textrank: tolerance must be a finite number > 0");
  if (o.max_iterations < 1) return invalid_argument("textrank: max_iterations must be >= 1");
  if (o.max_sentences < 1) return invalid_argument("textrank: max_sentences must be >= 1");
  return rank::validate(o.selection);
}

result<std::unique_ptr<textrank_summarizer>> textrank_summarizer::create(const options& o) {
  if (auto st = validate(o); !st) return st;
  return std::unique_ptr<textrank_summarizer>(new textrank_summarizer(o));
}

namespace {

// The denominator of the overlap formula; <= 0 means "no edge".
double length_norm(std::size_t len_a, std::size_t len_b) {
  if (len_a == 0 || len_b == 0) return 0;
  return std::log(static_cast<double>(len_a)) + std::log(static_cast<double>(len_b));
}

}  // namespace

double textrank_summarizer::similarity(const vsm::collection& c, std::size_t a, std::size_t b) {
  if (a == b) return 0;
  const auto& sa = c.sentence(a);
  const auto& sb = c.sentence(b);
  double denom = length_norm(sa.terms.size(), sb.terms.size());
  if (!(denom > 0)) return 0;
  // tf holds each distinct term once: the common words are the shared entries.
  std::size_t common = 0;
  auto x = sa.tf.entries.begin(), y = sb.tf.entries.begin();
  while (x != sa.tf.entries.end() && y != sb.tf.entries.end()) {
    if (x->first < y->first) {
      ++x;
    } else if (y->first < x->first) {
      ++y;
    } else {
      ++common, ++x, ++y;
    }
  }
  return static_cast<double>(common) / denom;
}

summary textrank_summarizer::summarize(const stream::view& v, const budget& b) const {
  if (!v.whole()) return summarize_part(*this, v, b);
  const vsm::collection& c = v.collection();
  const selection_options sel = for_budget(o_.selection, b);  // the bar for this budget
  const std::size_t n = c.sentence_count();
  std::vector<double> scores(n, 0.0);

  const std::vector<std::size_t> nodes = choosable_indices(c, sel, o_.max_sentences);
  const std::size_t m = nodes.size();
  if (m == 0) return finish_summary(c, {}, scores, b, id());

  // Common-term counts through an inverted index: only pairs that share a term are touched.
  std::unordered_map<vsm::term_id, std::vector<std::size_t>> postings;
  for (std::size_t k = 0; k < m; ++k)
    for (const auto& [t, count] : c.sentence(nodes[k]).tf.entries) postings[t].push_back(k);
  std::vector<double> w(m * m, 0.0);
  for (const auto& [t, list] : postings)
    for (std::size_t x = 0; x < list.size(); ++x)
      for (std::size_t y = x + 1; y < list.size(); ++y) w[list[x] * m + list[y]] += 1.0;
  std::vector<double> out_weight(m, 0.0);
  for (std::size_t i = 0; i < m; ++i) {
    const std::size_t len_i = c.sentence(nodes[i]).terms.size();
    for (std::size_t j = i + 1; j < m; ++j) {
      double& cell = w[i * m + j];
      if (cell == 0) continue;
      double denom = length_norm(len_i, c.sentence(nodes[j]).terms.size());
      cell = denom > 0 ? cell / denom : 0;
      w[j * m + i] = cell;
      out_weight[i] += cell;
      out_weight[j] += cell;
    }
  }

  // Weighted PageRank in the paper's unnormalized form (scores start at 1, jump is 1 - d).
  // Nodes without edges keep the jump score 1 - d.
  std::vector<double> ws(m, 1.0), next(m);
  for (std::size_t it = 0; it < o_.max_iterations; ++it) {
    std::fill(next.begin(), next.end(), 1.0 - o_.damping);
    for (std::size_t j = 0; j < m; ++j) {
      if (out_weight[j] == 0) continue;
      const double share = o_.damping * ws[j] / out_weight[j];
      const double* row = &w[j * m];
      for (std::size_t i = 0; i < m; ++i) next[i] += share * row[i];
    }
    double change = 0;
    for (std::size_t k = 0; k < m; ++k) change = std::max(change, std::fabs(next[k] - ws[k]));
    ws.swap(next);
    if (change < o_.tolerance) break;
  }
  for (std::size_t k = 0; k < m; ++k) scores[nodes[k]] = ws[k];
  return select_greedy(c, scores, b, sel, id(), v.groups());
}

}  // namespace sitrep::rank
