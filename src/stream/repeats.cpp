#include "sitrep/stream/repeats.hpp"

#include <algorithm>
#include <cmath>

namespace sitrep::stream {

status validate(const repeat_options& o) {
  if (!(o.group_similarity > 0 && o.group_similarity <= 1))
    return invalid_argument("repeats: group_similarity must be in (0, 1]");
  if (!(o.min_cosine >= 0 && o.min_cosine <= 1))
    return invalid_argument("repeats: min_cosine must be in [0, 1]");
  if (!(o.verify_share >= 0 && o.verify_share <= 1))
    return invalid_argument("repeats: verify_share must be in [0, 1]");
  if (o.min_shared_terms < 1 || o.probe_terms < 1 || o.probe_depth < 1 || o.verify < 1)
    return invalid_argument(
        "repeats: min_shared_terms, probe_terms, probe_depth and verify must "
        "be >= 1");
  return status::ok();
}

namespace {

// TF-IDF weights of a sentence's terms (sorted by term, as its tf is), with their norm over
// every term (`full`) and over the terms an earlier sentence also holds (`held`).
struct norms {
  double full = 0, held = 0;
};

// IDF over sentences, log((N + 1) / df), from a table of logarithms: the same weights as
// vsm::document_frequencies::idf without a logarithm per term and candidate.
struct idf_table {
  std::vector<double>& logs;  // logs[k] = log(k), grown on demand
  const vsm::document_frequencies& df;
  double log_n1;
  idf_table(std::vector<double>& l, const vsm::document_frequencies& d)
      : logs(l), df(d), log_n1(std::log(static_cast<double>(d.documents()) + 1.0)) {}
  double operator()(vsm::term_id t) const {
    const std::uint32_t k = std::max<std::uint32_t>(df.df(t), 1);
    while (logs.size() <= k) logs.push_back(std::log(static_cast<double>(logs.size())));
    return log_n1 - logs[k];
  }
};

norms weigh(const vsm::collection& c, const postings& p, std::size_t s, const idf_table& idf,
            std::vector<std::pair<std::uint32_t, double>>& out) {
  out.clear();
  norms n;
  for (const auto& [t, count] : c.sentence(s).tf.entries) {
    const double w = count * idf(t);
    out.emplace_back(t, w);
    n.full += w * w;
    if (!p.of(t).empty()) n.held += w * w;
  }
  n.full = std::sqrt(n.full);
  n.held = std::sqrt(n.held);
  return n;
}

// Whether a sentence says something is not so: a denial is no repeat of the claim it denies
// ("no ship caught fire" after "a tanker caught fire"). English stems; other languages' streams
// simply never match them.
bool negates(const vsm::collection& c, std::size_t s) {
  static constexpr std::string_view kNegations[] = {"no",  "not",     "never",  "n't", "deni",
                                                    "nor", "neither", "nobodi", "none"};
  for (vsm::term_id t : c.sentence(s).tokens) {
    const std::string_view term = c.vocab().term(t);
    for (std::string_view n : kNegations)
      if (term == n) return true;
  }
  return false;
}

}  // namespace

void repeats::add(const vsm::collection& c, const postings& p, std::size_t first,
                  std::size_t last) {
  for (std::size_t s = first; s < last; ++s) {
    const auto self = static_cast<std::uint32_t>(s);
    const std::size_t update = c.sentence(s).update;
    const std::size_t update_first = c.first_sentence_of(update);
    const idf_table idf(logs_, c.sentence_df());
    const norms norm = weigh(c, p, s, idf, weights_);
    std::uint32_t best = npos;
    double best_cos = 0;
    std::uint32_t join = npos;
    double join_cos = 0;
    if (norm.full > 0) {
      // The rarest terms that an earlier sentence holds (a term new with this update finds
      // nothing): fewest earlier sentences hold them.
      auto& terms = ranked_;
      terms.clear();
      for (const auto& [t, w] : weights_)
        if (const std::size_t held = p.of(t).size(); held > 0) terms.emplace_back(t, held);
      const std::size_t k = std::min(o_.probe_terms, terms.size());
      std::partial_sort(terms.begin(), terms.begin() + static_cast<std::ptrdiff_t>(k), terms.end(),
                        [](const auto& a, const auto& b) {
                          return a.second != b.second ? a.second < b.second : a.first < b.first;
                        });
      for (std::size_t i = 0; i < k; ++i) {  // second: the term's weight in this sentence
        const auto w = std::lower_bound(weights_.begin(), weights_.end(), terms[i].first,
                                        [](const auto& e, std::uint32_t t) { return e.first < t; });
        terms[i].second = w->second;
      }
      // The probed lists and, below, the candidates' records and counts lie anywhere in the
      // old stream: each is a cache miss. Asking for all of them before reading any lets the
      // misses overlap instead of queueing one behind the other.
      for (std::size_t i = 0; i < k; ++i) {
        const auto list = p.latest(terms[i].first, o_.probe_depth);
        if (!list.empty()) __builtin_prefetch(list.data()), __builtin_prefetch(&list.back());
      }
      probe_.clear();
      for (std::size_t i = 0; i < k; ++i)
        for (std::uint32_t j : p.latest(terms[i].first, o_.probe_depth))
          if (j < update_first) probe_.emplace_back(j, terms[i].second * terms[i].second);
      std::sort(probe_.begin(), probe_.end());
      // Sum the probe weight per candidate, then keep the `verify` heaviest.
      std::size_t out = 0;
      for (std::size_t i = 0; i < probe_.size(); ++i) {
        if (out > 0 && probe_[out - 1].first == probe_[i].first)
          probe_[out - 1].second += probe_[i].second;
        else
          probe_[out++] = probe_[i];
      }
      probe_.resize(out);
      const std::size_t v = std::min(o_.verify, probe_.size());
      std::partial_sort(probe_.begin(), probe_.begin() + static_cast<std::ptrdiff_t>(v),
                        probe_.end(), [](const auto& a, const auto& b) {
                          return a.second != b.second ? a.second > b.second : a.first > b.first;
                        });
      for (std::size_t i = 0; i < v; ++i) __builtin_prefetch(&c.sentence(probe_[i].first));
      for (std::size_t i = 0; i < v; ++i) {
        const auto tf = c.sentence(probe_[i].first).tf.entries;
        if (!tf.empty()) __builtin_prefetch(tf.data()), __builtin_prefetch(&tf.back());
      }
      for (std::size_t i = 0; i < v; ++i) {
        // Candidates far behind the best on the probes are not worth a comparison: each costs
        // two cache misses into the old stream, the bulk of the time of an add.
        if (probe_[i].second < o_.verify_share * probe_[0].second) break;
        const std::uint32_t j = probe_[i].first;
        double dot = 0, full = 0, held = 0;
        std::size_t shared = 0;
        auto a = weights_.begin();
        for (const auto& [t, n] : c.sentence(j).tf.entries) {
          const double w = n * idf(t);
          full += w * w;
          while (a != weights_.end() && a->first < t) ++a;
          if (a != weights_.end() && a->first == t) {
            dot += w * a->second, ++shared;
            held += w * w;
          } else if (c.sentence_df().df(t) > 1) {
            held += w * w;
          }
        }
        if (full <= 0) continue;
        const double cos = dot / (norm.full * std::sqrt(full));
        // Ties go to the earlier sentence: the first appearance.
        if (cos > best_cos || (cos == best_cos && best != npos && j < best))
          best = j, best_cos = cos;
        // The same fact told again: over the words either could share (a word only one of the
        // two sentences ever used cannot witness a repeat, and a paraphrase brings words of its
        // own), the two are close; over all their words, not far apart; and they share
        // several content words.
        const double close = norm.held > 0 && held > 0 ? dot / (norm.held * std::sqrt(held)) : 0;
        if (shared >= o_.min_shared_terms && cos >= o_.min_cosine && close >= o_.group_similarity &&
            (close > join_cos || (close == join_cos && j < join)) && negates(c, s) == negates(c, j))
          join = j, join_cos = close;
      }
    }
    nearest_.push_back(best);
    similarity_.push_back(static_cast<float>(std::min(best_cos, 1.0)));
    next_.push_back(npos);
    last_.push_back(self);
    if (join != npos) {
      const std::uint32_t g = group_[join];
      group_.push_back(g);
      next_[last_[g]] = self;
      last_[g] = self;
    } else {
      group_.push_back(self);
    }
  }
}

repeats find_repeats(const vsm::collection& c, const repeat_options& o) {
  repeats r(o);
  postings p;
  for (std::size_t u = 0; u < c.updates().size(); ++u) {
    const std::size_t first = c.first_sentence_of(u);
    const std::size_t last =
        u + 1 < c.updates().size() ? c.first_sentence_of(u + 1) : c.sentence_count();
    r.add(c, p, first, last);
    for (std::size_t s = first; s < last; ++s)
      p.add_sentence(static_cast<std::uint32_t>(s), c.sentence(s).terms);
  }
  return r;
}

}  // namespace sitrep::stream
