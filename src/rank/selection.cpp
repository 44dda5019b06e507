#include "sitrep/rank/selection.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sitrep/core/utf8.hpp"
#include "sitrep/text/tokenizer.hpp"

namespace sitrep::rank {

status validate(const selection_options& o) {
  if (!(o.max_similarity > 0 && o.max_similarity <= 1))
    return invalid_argument("max_similarity must be in (0, 1]");
  if (!(o.max_containment > 0 && o.max_containment <= 1))
    return invalid_argument("max_containment must be in (0, 1]");
  if (!(o.budget_share >= 0 && o.budget_share <= 1))
    return invalid_argument("budget_share must be in [0, 1]");
  return status::ok();
}

selection_options for_budget(const selection_options& o, const budget& b) {
  constexpr double kBytesPerWord = 6.0;  // English news: about 5 letters and a space
  selection_options out = o;
  double words = 0;
  if (b.unit == budget_unit::words) words = static_cast<double>(b.limit);
  if (b.unit == budget_unit::bytes) words = static_cast<double>(b.limit) / kBytesPerWord;
  if (o.budget_share <= 0 || words <= 0) return out;
  const auto share = static_cast<std::size_t>(std::lround(o.budget_share * words));
  out.min_words = std::min(o.min_words, std::max(o.min_words_floor, share));
  return out;
}

redundancy_filter::redundancy_filter(const vsm::collection& c, const selection_options& o,
                                     std::span<const std::uint32_t> groups)
    : c_(c), o_(o), groups_(groups) {}

const vsm::sparse_vector& redundancy_filter::vec(std::size_t i) {
  auto [it, fresh] = cache_.try_emplace(i);
  if (fresh) it->second = c_.tfidf(i);
  return it->second;
}

double redundancy_filter::similarity(std::size_t a, std::size_t b) {
  return vsm::cosine(vec(a), vec(b));
}

bool redundancy_filter::repeats(std::size_t candidate, std::span<const std::size_t> chosen) {
  const auto& cand_tf = c_.sentence(candidate).tf;
  for (std::size_t s : chosen) {
    if (!groups_.empty() && groups_[candidate] == groups_[s]) return true;
    if (similarity(candidate, s) >= o_.max_similarity) return true;
    if (!cand_tf.empty()) {
      const auto& other = c_.sentence(s).tf;
      std::size_t shared = 0;
      for (const auto& [t, w] : cand_tf.entries) shared += other.weight(t) > 0;
      if (static_cast<double>(shared) >= o_.max_containment * cand_tf.entries.size()) return true;
    }
  }
  return false;
}

bool is_candidate(const vsm::collection& c, std::size_t i, const selection_options& o) {
  const auto& s = c.sentence(i);
  return s.words >= o.min_words && !s.terms.empty();
}

std::vector<bool> choosable(const vsm::collection& c, const selection_options& o) {
  const std::size_t n = c.sentence_count();
  std::vector<bool> mask(n);
  bool any = false;
  for (std::size_t i = 0; i < n; ++i) any |= (mask[i] = is_candidate(c, i, o));
  if (!any) mask.assign(n, true);
  return mask;
}

std::vector<std::size_t> choosable_indices(const vsm::collection& c, const selection_options& o,
                                           std::size_t limit) {
  std::vector<std::size_t> out;
  const std::vector<bool> mask = choosable(c, o);
  // The newest `limit`: in a live stream the latest sentences must be able to enter the graph.
  for (std::size_t i = mask.size(); i-- > 0 && out.size() < limit;)
    if (mask[i]) out.push_back(i);
  std::reverse(out.begin(), out.end());
  return out;
}

namespace {

// Cuts `t` to at most `limit` units at a word boundary; returns the byte length kept. Words:
// the first `limit` words (at least one, as limit >= 1). Bytes: up to the last white space
// within the limit, else the longest prefix of whole UTF-8 characters within it, which is 0
// when the first character alone is longer than the limit (never a split character).
std::size_t cut_bytes(std::string_view t, const budget& b) {
  // The white space text::count_words (the words budget's unit) splits at: a cut that split at
  // fewer characters could keep "two\vthree" as one word and overrun the budget.
  constexpr std::string_view kSpace = " \t\n\r\f\v";
  const auto is_space = [&](char ch) { return kSpace.find(ch) != std::string_view::npos; };
  if (b.unit == budget_unit::words) {
    std::size_t words = 0, i = 0, end = 0;
    while (i < t.size() && words < b.limit) {
      while (i < t.size() && is_space(t[i])) ++i;
      if (i == t.size()) break;
      while (i < t.size() && !is_space(t[i])) ++i;
      ++words;
      end = i;
    }
    return std::max<std::size_t>(end, 1);
  }
  std::size_t limit = std::min(b.limit, t.size());
  std::size_t space = t.substr(0, limit + (limit < t.size() ? 1 : 0)).find_last_of(kSpace);
  if (space != std::string_view::npos && space > 0) return space;
  return utf8::floor_boundary(t, limit);
}

}  // namespace

summary finish_summary(const vsm::collection& c, std::vector<scored_sentence> picks,
                       std::span<const double> scores, const budget& b, std::string_view method,
                       std::size_t first) {
  if (picks.empty() && !scores.empty()) {
    std::size_t local = 0;
    for (std::size_t i = 1; i < scores.size(); ++i)
      if (scores[i] > scores[local]) local = i;
    const std::size_t best = first + local;
    scored_sentence pick{best, scores[local], 0};
    std::vector<std::string> notes;
    if (sentence_cost(c, best, b.unit) > b.limit) pick.truncated_bytes = cut_bytes(c.text(best), b);
    if (sentence_cost(c, best, b.unit) > b.limit && pick.truncated_bytes == 0) {
      // Not one character of the best sentence fits: an empty summary that says why, rather
      // than one over budget or ending in half a character.
      notes.push_back("the budget of " + std::to_string(b.limit) +
                      (b.limit == 1 ? " byte" : " bytes") +
                      " holds not even the first character of the best sentence; the summary "
                      "is empty");
      return summary{std::string(method), {}, std::move(notes)};
    }
    picks.push_back(pick);
  }
  std::sort(picks.begin(), picks.end(),
            [](const auto& x, const auto& y) { return x.sentence < y.sentence; });
  return summary{std::string(method), std::move(picks), {}};
}

summary select_greedy(const vsm::collection& c, std::span<const double> scores, const budget& b,
                      const selection_options& given, std::string_view method,
                      std::span<const std::uint32_t> groups) {
  const selection_options o = for_budget(given, b);
  const std::size_t n = c.sentence_count();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t x, std::size_t y) { return scores[x] > scores[y]; });

  const std::vector<bool> may_choose = choosable(c, o);
  redundancy_filter filter(c, o, groups);
  std::vector<std::size_t> chosen;
  std::vector<scored_sentence> picks;
  std::size_t used = 0;
  for (std::size_t i : order) {
    if (!may_choose[i]) continue;
    std::size_t cost = sentence_cost(c, i, b.unit);
    if (used + cost > b.limit) continue;
    if (filter.repeats(i, chosen)) continue;
    chosen.push_back(i);
    picks.push_back({i, scores[i], 0});
    used += cost;
    if (used == b.limit) break;
  }
  return finish_summary(c, std::move(picks), scores, b, method);
}

}  // namespace sitrep::rank
