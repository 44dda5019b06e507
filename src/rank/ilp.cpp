#include "sitrep/rank/ilp.hpp"

#include <glpk.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <mutex>
#include <numeric>
#include <string>

#include "concepts.hpp"

namespace sitrep::rank {
namespace {

// GLPK keeps its environment (terminal hook, memory accounting) in process or thread state;
// one solve at a time per process keeps that simple and safe whatever GLPK was built with.
std::mutex& solver_lock() {
  static std::mutex m;
  return m;
}

status validate_program(const concept_program& p) {
  const std::size_t n = p.sentence_concepts.size();
  if (p.costs.size() != n)
    return invalid_argument("concept program: " + std::to_string(p.costs.size()) + " costs for " +
                            std::to_string(n) + " sentences");
  if (!(p.budget >= 0) || !std::isfinite(p.budget))
    return invalid_argument("concept program: budget must be finite and >= 0");
  for (double w : p.concept_weights)
    if (!(w >= 0) || !std::isfinite(w))
      return invalid_argument("concept program: concept weights must be finite and >= 0");
  for (std::size_t j = 0; j < n; ++j) {
    if (!(p.costs[j] >= 0) || !std::isfinite(p.costs[j]))
      return invalid_argument("concept program: cost of sentence " + std::to_string(j) +
                              " must be finite and >= 0");
    for (auto k : p.sentence_concepts[j])
      if (k >= p.concept_weights.size())
        return invalid_argument("concept program: sentence " + std::to_string(j) +
                                " names concept " + std::to_string(k) + " of " +
                                std::to_string(p.concept_weights.size()));
  }
  if (!p.sentence_weights.empty() && p.sentence_weights.size() != n)
    return invalid_argument("concept program: " + std::to_string(p.sentence_weights.size()) +
                            " sentence weights for " + std::to_string(n) + " sentences");
  for (double w : p.sentence_weights)
    if (!(w >= 0) || !std::isfinite(w))
      return invalid_argument("concept program: sentence weights must be finite and >= 0");
  for (const auto& [a, b] : p.conflicts)
    if (a >= n || b >= n || a == b)
      return invalid_argument("concept program: conflict (" + std::to_string(a) + ", " +
                              std::to_string(b) + ") does not name two sentences");
  return status::ok();
}

// Total weight of the distinct concepts `chosen` covers.
double coverage(const concept_program& p, const std::vector<std::size_t>& chosen) {
  std::vector<bool> covered(p.concept_weights.size(), false);
  double total = 0;
  for (std::size_t j : chosen) {
    if (!p.sentence_weights.empty()) total += p.sentence_weights[j];
    for (auto k : p.sentence_concepts[j])
      if (!covered[k]) {
        covered[k] = true;
        total += p.concept_weights[k];
      }
  }
  return total;
}

// Whether `chosen` fits the budget and holds no conflicting pair (a solver answer is checked,
// never trusted: a tolerance slip must not break the budget contract).
bool feasible(const concept_program& p, const std::vector<std::size_t>& chosen) {
  double cost = 0;
  std::vector<bool> in(p.costs.size(), false);
  for (std::size_t j : chosen) {
    cost += p.costs[j];
    in[j] = true;
  }
  if (cost > p.budget + 1e-9) return false;
  for (const auto& [a, b] : p.conflicts)
    if (in[a] && in[b]) return false;
  return true;
}

// Sentences no optimal selection needs: j is dominated by k when k costs no more, is worth
// no less on its own, covers every concept of j, and conflicts with nothing j does not (apart
// from j itself). Swapping j for k in any feasible selection keeps it feasible and no worse,
// so fixing s_j = 0 keeps an optimum. Of two identical sentences the later one goes.
std::vector<bool> dominated_sentences(const concept_program& p) {
  const std::size_t n = p.sentence_concepts.size();
  std::vector<std::vector<std::uint32_t>> concepts(n), conflicts(n);
  for (std::size_t j = 0; j < n; ++j) {
    concepts[j] = p.sentence_concepts[j];
    std::sort(concepts[j].begin(), concepts[j].end());
    concepts[j].erase(std::unique(concepts[j].begin(), concepts[j].end()), concepts[j].end());
  }
  for (const auto& [a, b] : p.conflicts) {
    conflicts[a].push_back(static_cast<std::uint32_t>(b));
    conflicts[b].push_back(static_cast<std::uint32_t>(a));
  }
  for (auto& list : conflicts) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  auto own = [&](std::size_t j) {
    return p.sentence_weights.empty() ? 0.0 : p.sentence_weights[j];
  };
  std::vector<bool> out(n, false);
  for (std::size_t j = 0; j < n; ++j) {
    for (std::size_t k = 0; k < n && !out[j]; ++k) {
      if (k == j || out[k] || p.costs[k] > p.costs[j] || own(k) < own(j) ||
          concepts[k].size() < concepts[j].size())
        continue;
      if (!std::includes(concepts[k].begin(), concepts[k].end(), concepts[j].begin(),
                         concepts[j].end()))
        continue;
      bool extra_conflict = false;
      for (auto x : conflicts[k])
        if (x != j && !std::binary_search(conflicts[j].begin(), conflicts[j].end(), x)) {
          extra_conflict = true;
          break;
        }
      if (extra_conflict) continue;
      bool identical =
          p.costs[k] == p.costs[j] && own(k) == own(j) && concepts[k].size() == concepts[j].size();
      if (identical && k > j) continue;  // mutual: keep the earlier one
      out[j] = true;
    }
  }
  return out;
}

}  // namespace

concept_selection greedy_concept_cover(const concept_program& p) {
  const std::size_t n = p.sentence_concepts.size();
  std::vector<std::vector<std::size_t>> conflicts_of(n);
  for (const auto& [a, b] : p.conflicts) {
    if (a >= n || b >= n) continue;
    conflicts_of[a].push_back(b);
    conflicts_of[b].push_back(a);
  }
  constexpr double kTinyCost = 1e-6;
  std::vector<bool> covered(p.concept_weights.size(), false), out(n, false);
  concept_selection greedy;
  double used = 0;
  for (;;) {
    std::size_t best = n;
    double best_ratio = 0;
    for (std::size_t j = 0; j < n; ++j) {
      if (out[j] || used + p.costs[j] > p.budget) continue;
      double gain = p.sentence_weights.empty() ? 0 : p.sentence_weights[j];
      for (auto k : p.sentence_concepts[j])
        if (!covered[k]) gain += p.concept_weights[k];
      double ratio = gain / std::max(p.costs[j], kTinyCost);
      if (gain > 0 && ratio > best_ratio) {
        best = j;
        best_ratio = ratio;
      }
    }
    if (best == n) break;
    greedy.chosen.push_back(best);
    used += p.costs[best];
    out[best] = true;
    for (std::size_t other : conflicts_of[best]) out[other] = true;
    for (auto k : p.sentence_concepts[best]) covered[k] = true;
  }
  std::sort(greedy.chosen.begin(), greedy.chosen.end());
  greedy.objective = coverage(p, greedy.chosen);

  // The ratio rule alone can be arbitrarily bad (one cheap sentence crowding out a valuable
  // long one); the better of it and the best single sentence is within a constant factor.
  concept_selection single;
  for (std::size_t j = 0; j < n; ++j) {
    if (p.costs[j] > p.budget) continue;
    double value = coverage(p, {j});
    if (value > single.objective) single = {{j}, value, false};
  }
  return single.objective > greedy.objective ? single : greedy;
}

result<concept_selection> solve_concept_program(const concept_program& p,
                                                double time_limit_seconds) {
  if (auto st = validate_program(p); !st) return st;
  if (!(time_limit_seconds > 0) || !std::isfinite(time_limit_seconds))
    return invalid_argument("time limit must be a positive number of seconds");
  const std::size_t n = p.sentence_concepts.size();
  const std::size_t m = p.concept_weights.size();
  concept_selection start = greedy_concept_cover(p);
  if (n == 0) {
    start.optimal = true;
    return start;
  }

  // Columns: s_0..s_{n-1}, then one c per concept that two or more sentences share. A concept
  // of a single sentence is folded into that sentence's objective coefficient (c_i = s_j at
  // any optimum). The paper's rows s_j <= c_i are left out: they only force c_i = 1 where a
  // chosen sentence covers i, which maximizing with w_i >= 0 does anyway, so the optimal
  // selections are the same and the LP is much smaller. Coverage is read off the sentences.
  struct entry {
    int row, col;
    double value;
  };
  std::vector<entry> entries;
  std::vector<double> row_lo, row_hi;
  constexpr double kInf = 1e30;
  auto new_row = [&](double lo, double hi) {
    row_lo.push_back(lo);
    row_hi.push_back(hi);
    return static_cast<int>(row_lo.size() - 1);
  };

  int budget_row = new_row(-kInf, p.budget);
  for (std::size_t j = 0; j < n; ++j)
    if (p.costs[j] != 0) entries.push_back({budget_row, static_cast<int>(j), p.costs[j]});

  std::vector<std::vector<std::size_t>> occurrences(m);
  for (std::size_t j = 0; j < n; ++j)
    for (auto k : p.sentence_concepts[j])
      if (occurrences[k].empty() || occurrences[k].back() != j) occurrences[k].push_back(j);

  std::vector<double> objective(n, 0.0);
  if (!p.sentence_weights.empty()) objective = p.sentence_weights;
  std::vector<int> concept_col(m, -1);
  for (std::size_t k = 0; k < m; ++k) {
    if (occurrences[k].empty() || p.concept_weights[k] == 0) continue;
    if (occurrences[k].size() == 1) {
      objective[occurrences[k][0]] += p.concept_weights[k];
      continue;
    }
    concept_col[k] = static_cast<int>(objective.size());
    objective.push_back(p.concept_weights[k]);
    int r = new_row(0, kInf);  // sum_{j in occ(k)} s_j - c_k >= 0
    for (std::size_t j : occurrences[k]) entries.push_back({r, static_cast<int>(j), 1.0});
    entries.push_back({r, concept_col[k], -1.0});
  }
  for (const auto& [a, b] : p.conflicts) {
    int r = new_row(-kInf, 1);  // s_a + s_b <= 1
    entries.push_back({r, static_cast<int>(a), 1.0});
    entries.push_back({r, static_cast<int>(b), 1.0});
  }

  const std::size_t cols = objective.size();
  std::vector<bool> dominated = dominated_sentences(p);

  std::lock_guard<std::mutex> lock(solver_lock());
  glp_prob* lp = glp_create_prob();
  struct deleter {
    glp_prob* lp;
    int old_term;
    ~deleter() {
      glp_delete_prob(lp);
      glp_term_out(old_term);
    }
  } guard{lp, glp_term_out(GLP_OFF)};  // the library never prints
  glp_set_obj_dir(lp, GLP_MAX);
  glp_add_rows(lp, static_cast<int>(row_lo.size()));
  for (std::size_t r = 0; r < row_lo.size(); ++r) {
    int i = static_cast<int>(r) + 1;
    if (row_lo[r] <= -kInf)
      glp_set_row_bnds(lp, i, GLP_UP, 0.0, row_hi[r]);
    else
      glp_set_row_bnds(lp, i, GLP_LO, row_lo[r], 0.0);
  }
  glp_add_cols(lp, static_cast<int>(cols));
  for (std::size_t c = 0; c < cols; ++c) {
    int j = static_cast<int>(c) + 1;
    glp_set_col_kind(lp, j, GLP_BV);
    if (c < n && dominated[c]) glp_set_col_bnds(lp, j, GLP_FX, 0.0, 0.0);
    glp_set_obj_coef(lp, j, objective[c]);
  }
  // GLPK's matrix arrays are 1-based; element 0 is unused.
  std::vector<int> ia(entries.size() + 1), ja(entries.size() + 1);
  std::vector<double> ar(entries.size() + 1);
  for (std::size_t e = 0; e < entries.size(); ++e) {
    ia[e + 1] = entries[e].row + 1;
    ja[e + 1] = entries[e].col + 1;
    ar[e + 1] = entries[e].value;
  }
  glp_load_matrix(lp, static_cast<int>(entries.size()), ia.data(), ja.data(), ar.data());

  glp_iocp parm;
  glp_init_iocp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = GLP_ON;  // solves the root LP itself
  parm.mip_gap = 0.0;      // exact
  double ms = std::min(time_limit_seconds * 1000.0, 2.0e9);
  parm.tm_lim = std::max(1, static_cast<int>(ms));
  int ret = glp_intopt(lp, &parm);
  int mip = glp_mip_status(lp);
  if (ret != 0 && ret != GLP_ETMLIM)
    return status(error_code::internal, "GLPK failed on the concept program (glp_intopt code " +
                                            std::to_string(ret) + ")");
  if (mip != GLP_OPT && mip != GLP_FEAS) {
    // The empty selection is always feasible, so no solution means the limit stopped the
    // search before its first integer point: the greedy cover is the best known answer.
    if (ret == GLP_ETMLIM) return start;
    return status(error_code::internal, "GLPK returned no feasible selection");
  }
  concept_selection out;
  for (std::size_t j = 0; j < n; ++j)
    if (glp_mip_col_val(lp, static_cast<int>(j) + 1) > 0.5) out.chosen.push_back(j);
  if (!feasible(p, out.chosen))
    return status(error_code::internal, "GLPK returned a selection that breaks a constraint");
  out.objective = coverage(p, out.chosen);
  out.optimal = ret == 0 && mip == GLP_OPT;
  if (start.objective > out.objective) return start;
  return out;
}

// ---------------------------------------------------------------------------------------------

namespace {

std::string shortest(double x) {
  char buf[32];
  auto [p, ec] = std::to_chars(buf, buf + sizeof buf, x);
  return ec == std::errc() ? std::string(buf, p) : std::to_string(x);
}

}  // namespace

status ilp_summarizer::validate(const options& o) {
  if (o.min_concept_updates < 1) return invalid_argument("ilp: min_concept_updates must be >= 1");
  if (!(o.time_limit_seconds > 0) || !std::isfinite(o.time_limit_seconds))
    return invalid_argument("ilp: time_limit_seconds must be a positive number");
  if (o.max_candidates < 1) return invalid_argument("ilp: max_candidates must be >= 1");
  if (!(o.first_sentence_bonus >= 0) || !std::isfinite(o.first_sentence_bonus))
    return invalid_argument("ilp: first_sentence_bonus must be a number >= 0");
  return rank::validate(o.selection);
}

result<std::unique_ptr<ilp_summarizer>> ilp_summarizer::create(const options& o) {
  if (auto st = validate(o); !st) return st;
  return std::unique_ptr<ilp_summarizer>(new ilp_summarizer(o));
}

summary ilp_summarizer::summarize(const stream::view& v, const budget& b) const {
  trace t;
  return summarize(v, b, t);
}

summary ilp_summarizer::summarize(const stream::view& v, const budget& b, trace& t) const {
  if (!v.whole()) return summarize_part(*this, v, b);
  const vsm::collection& c = v.collection();
  const selection_options sel = for_budget(o_.selection, b);  // the bar for this budget
  t = trace{};
  const std::size_t n = c.sentence_count();
  std::vector<double> scores(n, 0.0);
  if (n == 0) return finish_summary(c, {}, scores, b, id());

  std::size_t threshold = detail::effective_min_updates(o_.min_concept_updates, c.updates().size());
  auto table = detail::extract_concepts(c, threshold, o_.first_sentence_bonus);
  while (table.weights.size() < o_.min_concepts && threshold > 1)
    table = detail::extract_concepts(c, --threshold, o_.first_sentence_bonus);
  for (std::size_t j = 0; j < n; ++j)
    for (auto k : table.sentence_concepts[j]) scores[j] += table.weights[k];

  // Candidates: long enough, fitting the budget alone, covering something.
  auto pick = [&](std::size_t min_words) {
    std::vector<std::size_t> out;
    for (std::size_t j = 0; j < n; ++j)
      if (c.sentence(j).words >= min_words && sentence_cost(c, j, b.unit) <= b.limit &&
          !table.sentence_concepts[j].empty())
        out.push_back(j);
    return out;
  };
  std::vector<std::size_t> cand = pick(sel.min_words);
  if (cand.empty()) cand = pick(0);
  if (cand.size() > o_.max_candidates) {
    std::stable_sort(cand.begin(), cand.end(), [&](std::size_t x, std::size_t y) {
      return scores[x] / static_cast<double>(std::max<std::size_t>(c.sentence(x).words, 1)) >
             scores[y] / static_cast<double>(std::max<std::size_t>(c.sentence(y).words, 1));
    });
    cand.resize(o_.max_candidates);
    std::sort(cand.begin(), cand.end());
  }
  if (cand.empty()) return finish_summary(c, {}, scores, b, id());

  // The program over the candidates, concepts renumbered densely.
  concept_program p;
  p.budget = static_cast<double>(b.limit);
  std::vector<std::uint32_t> renumber(table.weights.size(), UINT32_MAX);
  for (std::size_t j : cand) {
    std::vector<std::uint32_t> mine;
    for (auto k : table.sentence_concepts[j]) {
      if (renumber[k] == UINT32_MAX) {
        renumber[k] = static_cast<std::uint32_t>(p.concept_weights.size());
        p.concept_weights.push_back(table.weights[k]);
      }
      mine.push_back(renumber[k]);
    }
    p.sentence_concepts.push_back(std::move(mine));
    p.costs.push_back(static_cast<double>(sentence_cost(c, j, b.unit)));
  }
  // The shared redundancy control, as pair constraints: a pair conflicts when either sentence
  // repeats the other. Only pairs sharing a content term can repeat each other.
  {
    redundancy_filter filter(c, sel, v.groups());
    std::vector<std::vector<std::size_t>> postings;
    for (std::size_t a = 0; a < cand.size(); ++a)
      for (const auto& [term, w] : c.sentence(cand[a]).tf.entries) {
        if (term >= postings.size()) postings.resize(term + 1);
        postings[term].push_back(a);
      }
    std::vector<std::size_t> last_seen(cand.size(), SIZE_MAX);
    for (std::size_t a = 0; a < cand.size(); ++a) {
      for (const auto& [term, w] : c.sentence(cand[a]).tf.entries)
        for (std::size_t other : postings[term]) {
          if (other <= a || last_seen[other] == a) continue;
          last_seen[other] = a;
          std::size_t x = cand[a], y = cand[other];
          if (filter.repeats(x, std::span(&y, 1)) || filter.repeats(y, std::span(&x, 1)))
            p.conflicts.emplace_back(a, other);
        }
    }
    // Members of one repeat group conflict even when they share no word (a paraphrase).
    if (const auto groups = v.groups(); !groups.empty()) {
      std::vector<std::pair<std::uint32_t, std::size_t>> by_group;
      for (std::size_t a = 0; a < cand.size(); ++a) by_group.emplace_back(groups[cand[a]], a);
      std::sort(by_group.begin(), by_group.end());
      for (std::size_t i = 0; i < by_group.size(); ++i)
        for (std::size_t j = i + 1; j < by_group.size() && by_group[j].first == by_group[i].first;
             ++j)
          p.conflicts.emplace_back(by_group[i].second, by_group[j].second);
    }
  }
  t.candidates = cand.size();
  t.concepts = p.concept_weights.size();

  concept_selection chosen;
  auto solved = o_.inject_solver_failure
                    ? result<concept_selection>(status(
                          error_code::internal, "GLPK failure injected (inject_solver_failure)"))
                    : solve_concept_program(p, o_.time_limit_seconds);
  std::string note;
  if (solved) {
    chosen = std::move(solved).value();
    t.solved = true;
    t.optimal = chosen.optimal;
    if (!chosen.optimal)
      note = "ilp: the time limit of " + shortest(o_.time_limit_seconds) +
             " s stopped the solver; the summary is the best selection found, not a proven "
             "optimum";
  } else {
    t.solver_status = solved.error();
    chosen = greedy_concept_cover(p);
    note = "ilp: the solver failed (" + t.solver_status.message() +
           "); the summary is the greedy cover of the concept program instead";
  }

  std::vector<scored_sentence> picks;
  for (std::size_t a : chosen.chosen) picks.push_back({cand[a], scores[cand[a]], 0});
  summary out = finish_summary(c, std::move(picks), scores, b, id());
  if (!note.empty()) out.notes.insert(out.notes.begin(), std::move(note));
  return out;
}

}  // namespace sitrep::rank
