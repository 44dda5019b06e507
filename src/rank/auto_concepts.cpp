#include "auto_concepts.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace sitrep::rank::detail {

double occurrence_weight(const concept_options& o, std::size_t position, std::size_t u,
                         std::size_t updates) {
  double w = 1.0;
  // A smooth prior rather than a step: the lead sentence counts most, the next ones a little
  // less, and a concept first met deep in an update still counts once.
  if (o.position_decay > 0)
    w += o.position_boost * std::exp(-static_cast<double>(position) / o.position_decay);
  if (updates > 1) {
    const double n = static_cast<double>(updates), x = static_cast<double>(u);
    if (x >= n * (1.0 - o.recent_fraction)) w += o.recency_boost;
    if (x < n * o.opening_fraction) w += o.opening_boost;
  }
  return w;
}

concept_model build_concepts(const vsm::collection& c, const concept_options& o) {
  concept_model m;
  std::unordered_map<std::uint64_t, concept_id> ids;
  std::vector<double> support;
  std::vector<std::size_t> last_update;  // last update counted + 1
  std::vector<double> in_last;           // the weight that update contributed
  std::vector<bool> is_unigram;
  auto intern = [&](std::uint64_t key, bool unigram) {
    auto [it, fresh] = ids.try_emplace(key, static_cast<concept_id>(support.size()));
    if (fresh) {
      support.push_back(0);
      last_update.push_back(0);
      in_last.push_back(0);
      m.updates_with.push_back(0);
      is_unigram.push_back(unigram);
    }
    return it->second;
  };
  const std::size_t updates = c.updates().size();
  // Words per update, against the stream's median: editors write more about what matters.
  std::vector<double> update_words;
  double median = 1;
  if (o.length_exponent != 0 && updates > 0) {
    update_words.assign(updates, 0.0);
    for (const auto& s : c.sentences()) update_words[s.update] += static_cast<double>(s.words);
    std::vector<double> sorted = update_words;
    std::nth_element(sorted.begin(), sorted.begin() + updates / 2, sorted.end());
    median = std::max(1.0, sorted[updates / 2]);
  }
  m.of_sentence.resize(c.sentence_count());
  std::vector<vsm::sparse_vector> vecs;
  if (o.copy_similarity > 0) {
    vecs.resize(c.sentence_count());
    for (std::size_t i = 0; i < c.sentence_count(); ++i) {
      vecs[i] = c.tfidf(i);
      double nrm = vecs[i].norm();
      if (nrm > 0)
        for (auto& e : vecs[i].entries) e.second /= nrm;
    }
  }
  for (std::size_t i = 0; i < c.sentence_count(); ++i) {
    const auto& s = c.sentence(i);
    bool copy = false;
    for (std::size_t j = 0; j < i && !vecs.empty() && !copy; ++j)
      copy = c.sentence(j).update != s.update && vecs[i].dot(vecs[j]) >= o.copy_similarity;
    auto& mine = m.of_sentence[i];
    for (std::size_t k = 0; k < s.tokens.size(); ++k) {
      if (!s.stopword[k]) mine.push_back(intern((std::uint64_t{1} << 63) | s.tokens[k], true));
      if (k + 1 < s.tokens.size() && !(s.stopword[k] && s.stopword[k + 1]))
        mine.push_back(intern((std::uint64_t{s.tokens[k]} << 32) | s.tokens[k + 1], false));
    }
    std::sort(mine.begin(), mine.end());
    mine.erase(std::unique(mine.begin(), mine.end()), mine.end());
    double w = occurrence_weight(o, s.position, s.update, updates);
    if (o.length_exponent != 0)
      w *= std::pow(std::max(1.0, update_words[s.update]) / median, o.length_exponent);
    // An update supports a concept once, with its best-placed occurrence: support counts
    // agreement between updates, not repetition within one.
    if (copy) continue;
    for (concept_id k : mine) {
      if (last_update[k] != s.update + 1) {
        last_update[k] = s.update + 1;
        in_last[k] = w;
        ++m.updates_with[k];
        support[k] += w;
      } else if (w > in_last[k]) {
        support[k] += w - in_last[k];
        in_last[k] = w;
      }
    }
  }
  const std::size_t min_support = updates > 1 ? o.min_support : 1;
  m.weight.assign(support.size(), 0.0);
  for (std::size_t k = 0; k < support.size(); ++k) {
    if (m.updates_with[k] < min_support) continue;
    m.weight[k] = support[k] * (is_unigram[k] ? o.unigram_weight : 1.0);
  }
  return m;
}

}  // namespace sitrep::rank::detail
