#include "auto_select.hpp"

#include <algorithm>
#include <cmath>

namespace sitrep::rank::detail {

double coverage_value(const coverage_problem& p, std::span<const std::size_t> chosen) {
  std::vector<bool> seen(p.concepts->weight.size(), false);
  double v = 0;
  for (std::size_t i : chosen) {
    v += p.bonus[i];
    for (concept_id k : p.concepts->of_sentence[i])
      if (!seen[k]) {
        seen[k] = true;
        v += p.concepts->weight[k];
      }
  }
  return v;
}

namespace {

struct state {
  const coverage_problem& p;
  std::vector<std::size_t> chosen;
  std::vector<bool> in;
  std::vector<unsigned> count;  // chosen sentences covering each concept
  std::size_t used = 0;

  explicit state(const coverage_problem& pr)
      : p(pr), in(pr.cost.size(), false), count(pr.concepts->weight.size(), 0) {}

  double gain(std::size_t j) const {
    double g = p.bonus[j];
    for (concept_id k : p.concepts->of_sentence[j])
      if (count[k] == 0) g += p.concepts->weight[k];
    return g;
  }
  void add(std::size_t j) {
    chosen.push_back(j);
    in[j] = true;
    used += p.cost[j];
    for (concept_id k : p.concepts->of_sentence[j]) ++count[k];
  }
  void remove(std::size_t j) {
    chosen.erase(std::find(chosen.begin(), chosen.end(), j));
    in[j] = false;
    used -= p.cost[j];
    for (concept_id k : p.concepts->of_sentence[j]) --count[k];
  }
};

// Whether j repeats any chosen sentence but `except` (the filter speaks collection indexes).
bool repeats_others(redundancy_filter& f, std::size_t first, std::size_t j,
                    const std::vector<std::size_t>& chosen, std::size_t except) {
  std::vector<std::size_t> others;
  others.reserve(chosen.size());
  for (std::size_t s : chosen)
    if (s != except) others.push_back(first + s);
  return f.repeats(first + j, others);
}

}  // namespace

std::vector<std::size_t> select_coverage(const coverage_problem& p, redundancy_filter& filter,
                                         const select_options& o) {
  const std::size_t n = p.cost.size();
  const std::size_t none = n;  // no sentence is excluded
  std::vector<std::size_t> pool;  // the candidates: every loop below runs over them only
  for (std::size_t i = 0; i < n; ++i)
    if (p.candidate[i]) pool.push_back(i);
  state st(p);
  std::vector<bool> open = p.candidate;
  std::vector<double> scale(n);
  for (std::size_t i = 0; i < n; ++i)
    scale[i] = std::pow(static_cast<double>(std::max<std::size_t>(p.cost[i], 1)), o.cost_exponent);
  while (true) {
    double best_ratio = 0;
    std::size_t best = n;
    for (std::size_t i : pool) {
      if (!open[i] || st.used + p.cost[i] > p.limit) continue;
      double r = st.gain(i) / scale[i];
      if (r > best_ratio) {
        best_ratio = r;
        best = i;
      }
    }
    if (best == n) break;
    open[best] = false;
    if (!repeats_others(filter, p.first, best, st.chosen, none)) st.add(best);
  }

  // Swap local search: greedy by ratio fills the budget early with short sentences and cannot
  // take one back; a swap (or a pure addition) is kept when it raises F within the budget.
  std::vector<bool> mark(p.concepts->weight.size(), false);
  for (std::size_t round = 0; round < o.swap_rounds; ++round) {
    double best_delta = 1e-9;
    std::size_t best_out = n, best_in = n;
    for (std::size_t j : pool)  // additions
      if (!st.in[j] && st.used + p.cost[j] <= p.limit) {
        double d = st.gain(j);
        if (d > best_delta && !repeats_others(filter, p.first, j, st.chosen, none)) {
          best_delta = d;
          best_out = n;
          best_in = j;
        }
      }
    for (std::size_t i : std::vector<std::size_t>(st.chosen)) {
      double loss = p.bonus[i];
      for (concept_id k : p.concepts->of_sentence[i]) {
        mark[k] = true;
        if (st.count[k] == 1) loss += p.concepts->weight[k];
      }
      for (std::size_t j : pool) {
        if (st.in[j] || st.used - p.cost[i] + p.cost[j] > p.limit) continue;
        double g = p.bonus[j];
        for (concept_id k : p.concepts->of_sentence[j])
          if (st.count[k] == 0 || (st.count[k] == 1 && mark[k])) g += p.concepts->weight[k];
        double d = g - loss;
        if (d > best_delta && !repeats_others(filter, p.first, j, st.chosen, i)) {
          best_delta = d;
          best_out = i;
          best_in = j;
        }
      }
      for (concept_id k : p.concepts->of_sentence[i]) mark[k] = false;
    }
    if (best_in == n) break;
    if (best_out != n) st.remove(best_out);
    st.add(best_in);
  }
  return st.chosen;
}

}  // namespace sitrep::rank::detail
