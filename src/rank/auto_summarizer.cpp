#include "sitrep/rank/auto_summarizer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
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
                             std::pair{o.cost_exponent, "cost_exponent"},
                             std::pair{o.article_lead_bonus, "article_lead_bonus"},
                             std::pair{o.article_position_decay, "article_position_decay"},
                             std::pair{o.timeline_min_gap_hours, "timeline_min_gap_hours"},
                             std::pair{o.timeline_recency_boost, "timeline_recency_boost"},
                             std::pair{o.timeline_recency_decay, "timeline_recency_decay"},
                             std::pair{o.timeline_recency_bonus, "timeline_recency_bonus"},
                             std::pair{o.timeline_origin_bonus, "timeline_origin_bonus"}})
    if (!(std::isfinite(value) && value >= 0))
      return invalid_argument(std::string("auto: ") + name + " must be a finite number >= 0");
  if (!std::isfinite(o.length_exponent))
    return invalid_argument("auto: length_exponent must be a finite number");
  for (auto [value, name] : {std::pair{o.recent_fraction, "recent_fraction"},
                             std::pair{o.opening_fraction, "opening_fraction"},
                             std::pair{o.copy_similarity, "copy_similarity"}})
    if (!(value >= 0 && value <= 1))
      return invalid_argument(std::string("auto: ") + name + " must be in [0, 1]");
  if (o.min_support < 1 || o.article_min_support < 1 || o.timeline_min_support < 1)
    return invalid_argument(
        "auto: min_support, article_min_support and timeline_min_support must be >= 1");
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

input_shape auto_summarizer::shape_of(const stream::view& v) const {
  const std::size_t updates = v.update_count();
  if (updates == 1)
    return v.sentence_count() >= o_.article_min_sentences ? input_shape::article
                                                           : input_shape::stream;
  if (updates < 2) return input_shape::stream;
  const vsm::collection& c = v.collection();
  // Median sentences of an update: a timeline's entries are a line or two each, a cluster's
  // articles (DUC) dozens.
  std::vector<std::size_t> sentences(updates, 0);
  for (std::size_t i = v.first_sentence(); i < v.end_sentence(); ++i)
    ++sentences[c.sentence(i).update - v.first_update()];
  std::nth_element(sentences.begin(), sentences.begin() + static_cast<std::ptrdiff_t>(updates / 2),
                   sentences.end());
  if (sentences[updates / 2] > o_.timeline_max_sentences) return input_shape::stream;
  // Median gap between updates in time order: a live blog's posts come minutes apart, the
  // entries of a timeline of dated developments days apart. Every update needs a time.
  std::vector<std::int64_t> times;
  times.reserve(updates);
  for (std::size_t u = v.first_update(); u < v.end_update(); ++u) {
    const auto& t = c.updates()[u].unix_time;
    if (!t) return input_shape::stream;
    times.push_back(*t);
  }
  std::sort(times.begin(), times.end());
  std::vector<std::int64_t> gaps(updates - 1);
  for (std::size_t k = 0; k + 1 < updates; ++k) gaps[k] = times[k + 1] - times[k];
  std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2),
                   gaps.end());
  const double gap_hours = static_cast<double>(gaps[gaps.size() / 2]) / 3600.0;
  return gap_hours >= o_.timeline_min_gap_hours ? input_shape::timeline : input_shape::stream;
}

summary auto_summarizer::summarize(const stream::view& v, const budget& b) const {
  options o = o_;
  const input_shape shape = shape_of(v);
  double recency_bonus = 0, recency_decay = 0, origin_bonus = 0;
  if (shape == input_shape::article) {
    // One article: what news writing puts first, and what the article keeps coming back to.
    o.min_support = o.article_min_support;
    o.lead_bonus = o.article_lead_bonus;
    o.position_decay = o.article_position_decay;
  } else if (shape == input_shape::timeline) {
    // Catching up on a timeline: the latest developments weigh most, and a development told
    // once is still one the reader needs (no agreement threshold).
    o.min_support = o.timeline_min_support;
    o.recency_boost = o.timeline_recency_boost;
    recency_bonus = o.timeline_recency_bonus;
    recency_decay = o.timeline_recency_decay;
    origin_bonus = o.timeline_origin_bonus;
  }
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
  co.recency_decay = recency_decay;
  co.sentences_as_units = shape == input_shape::article;
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
  // A timeline's sentence prior for recency, on the same smooth scale as its concepts'.
  if (recency_bonus > 0 && recency_decay > 0 && v.update_count() > 1) {
    const std::vector<double> place = detail::stream_places(v, o.recency_by_time);
    const double newest = 1.0 - 1.0 / static_cast<double>(v.update_count());
    for (std::size_t i = 0; i < n; ++i) {
      const double age = newest - place[c.sentence(first + i).update - v.first_update()];
      p.bonus[i] += recency_bonus * mean * std::exp(-age / recency_decay);
    }
  }
  // A timeline's origin: its first entry says what the story is about (the explosion, the
  // outbreak, the death), which whoever catches up needs however long ago it was.
  if (origin_bonus > 0 && v.update_count() > 1)
    for (std::size_t i = 0; i < n && c.sentence(first + i).update == v.first_update(); ++i)
      p.bonus[i] += origin_bonus * mean *
                    std::exp(-static_cast<double>(c.sentence(first + i).position) /
                             std::max(o.position_decay, 1.0));
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
