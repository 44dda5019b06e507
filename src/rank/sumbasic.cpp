#include "sitrep/rank/sumbasic.hpp"

#include <string>
#include <vector>

namespace sitrep::rank {

namespace {

status validate_count(word_count count, const char* method) {
  if (count != word_count::tokens && count != word_count::updates)
    return invalid_argument(std::string(method) + ": count must be tokens or updates");
  return status::ok();
}

}  // namespace

status sumbasic_summarizer::validate(const options& o) {
  if (auto st = validate_count(o.count, "sumbasic"); !st) return st;
  return rank::validate(o.selection);
}

result<std::unique_ptr<sumbasic_summarizer>> sumbasic_summarizer::create(const options& o) {
  if (auto st = validate(o); !st) return st;
  return std::unique_ptr<sumbasic_summarizer>(new sumbasic_summarizer(o));
}

status freqsum_summarizer::validate(const options& o) {
  if (auto st = validate_count(o.count, "freqsum"); !st) return st;
  return rank::validate(o.selection);
}

result<std::unique_ptr<freqsum_summarizer>> freqsum_summarizer::create(const options& o) {
  if (auto st = validate(o); !st) return st;
  return std::unique_ptr<freqsum_summarizer>(new freqsum_summarizer(o));
}

std::vector<double> sumbasic_summarizer::word_probabilities(const vsm::collection& c,
                                                            word_count count) {
  std::vector<double> p(c.vocab().size(), 0.0);
  if (count == word_count::updates) {
    // The collection keeps update-level document frequencies of content terms; a stopword
    // shares the vocabulary but has df 0 there, as it never enters `terms`.
    for (std::size_t t = 0; t < p.size(); ++t)
      p[t] = static_cast<double>(c.update_df().df(static_cast<vsm::term_id>(t)));
  } else {
    for (const auto& s : c.sentences())
      for (vsm::term_id t : s.terms) p[t] += 1.0;
  }
  double total = 0;
  for (double x : p) total += x;
  if (total > 0)
    for (double& x : p) x /= total;
  return p;
}

double sumbasic_summarizer::sentence_weight(const vsm::collection& c, std::size_t i,
                                            const std::vector<double>& p) {
  const auto& terms = c.sentence(i).terms;
  if (terms.empty()) return 0;
  double sum = 0;
  for (vsm::term_id t : terms) sum += p[t];
  return sum / static_cast<double>(terms.size());
}

void sumbasic_summarizer::update_probabilities(const vsm::collection& c, std::size_t i,
                                               std::vector<double>& p) {
  for (const auto& [t, count] : c.sentence(i).tf.entries) p[t] *= p[t];
}

summary sumbasic_summarizer::summarize(const stream::view& v, const budget& b) const {
  if (!v.whole()) return summarize_part(*this, v, b);
  const vsm::collection& c = v.collection();
  const selection_options sel = for_budget(o_.selection, b);  // the bar for this budget
  const std::size_t n = c.sentence_count();
  std::vector<double> p = word_probabilities(c, o_.count);
  // The weights before any update: reported with each pick and used by the fallback.
  std::vector<double> scores(n);
  for (std::size_t i = 0; i < n; ++i) scores[i] = sentence_weight(c, i, p);

  // Sentences that can never be chosen: not candidates, already chosen, or repeating a chosen
  // one (the chosen set only grows, so a repeat stays a repeat).
  std::vector<bool> out = choosable(c, sel);
  out.flip();

  redundancy_filter filter(c, sel, v.groups());
  std::vector<scored_sentence> picks;
  std::vector<double> weight(n, 0.0);
  std::vector<bool> fits(n, false);
  std::size_t used = 0;
  while (used < b.limit) {
    // Step 2 on the selectable sentences, and the most probable word any of them holds.
    bool any = false;
    double top_p = -1;
    vsm::term_id top_word = 0;
    for (std::size_t i = 0; i < n; ++i) {
      fits[i] = !out[i] && used + sentence_cost(c, i, b.unit) <= b.limit;
      if (!fits[i]) continue;
      any = true;
      weight[i] = sentence_weight(c, i, p);
      for (const auto& [t, count] : c.sentence(i).tf.entries)
        if (p[t] > top_p || (p[t] == top_p && t < top_word)) top_p = p[t], top_word = t;
    }
    if (!any) break;
    // Step 3.
    std::size_t best = n;
    for (std::size_t i = 0; i < n; ++i) {
      if (!fits[i]) continue;
      if (o_.require_top_word && top_p >= 0 && !(c.sentence(i).tf.weight(top_word) > 0)) continue;
      if (best == n || weight[i] > weight[best]) best = i;
    }
    if (best == n) break;  // cannot happen: the top word comes from a selectable sentence
    picks.push_back({best, scores[best], 0});
    used += sentence_cost(c, best, b.unit);
    out[best] = true;
    // Step 4, then the shared filter against the new pick.
    update_probabilities(c, best, p);
    const std::size_t chosen[] = {best};
    for (std::size_t i = 0; i < n; ++i)
      if (!out[i] && filter.repeats(i, chosen)) out[i] = true;
  }
  return finish_summary(c, std::move(picks), scores, b, id());
}

summary freqsum_summarizer::summarize(const stream::view& v, const budget& b) const {
  if (!v.whole()) return summarize_part(*this, v, b);
  const vsm::collection& c = v.collection();
  const std::size_t n = c.sentence_count();
  const std::vector<double> p = sumbasic_summarizer::word_probabilities(c, o_.count);
  std::vector<double> scores(n);
  for (std::size_t i = 0; i < n; ++i) scores[i] = sumbasic_summarizer::sentence_weight(c, i, p);
  return select_greedy(c, scores, b, o_.selection, id(), v.groups());
}

}  // namespace sitrep::rank
