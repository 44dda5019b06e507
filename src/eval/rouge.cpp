// ROUGE-1.5.5 re-implemented. The comments say where the script does something a clean-room
// reader would not expect; every such choice is pinned by the conformance vectors in tests/.
#include "sitrep/eval/rouge.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "sitrep/core/lines.hpp"
#include "sitrep/text/porter_stemmer.hpp"

namespace sitrep::eval::data {
extern const std::string_view kSmartCommonWords;
extern const std::string_view kWordNetExceptions;
}  // namespace sitrep::eval::data

namespace sitrep::eval {
namespace {

struct string_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};
using string_set = std::unordered_set<std::string, string_hash, std::equal_to<>>;
using string_map = std::unordered_map<std::string, std::string, string_hash, std::equal_to<>>;

// The embedded lists, parsed once on first use (thread-safe static initialisation).
const string_set& smart_words() {
  static const string_set words = [] {
    string_set s;
    for_each_line(data::kSmartCommonWords, [&](std::string_view line) {
      if (!line.empty()) s.emplace(line);
    });
    return s;
  }();
  return words;
}

const string_map& wordnet_exceptions() {
  static const string_map map = [] {
    string_map m;
    for_each_line(data::kWordNetExceptions, [&](std::string_view line) {
      std::size_t tab = line.find('\t');
      if (tab != std::string_view::npos) m.emplace(line.substr(0, tab), line.substr(tab + 1));
    });
    return m;
  }();
  return map;
}

constexpr std::uint32_t kDropped = 0xFFFFFFFFu;

bool is_perl_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// A text as the scorer sees it: token ids, and where each non-empty sentence (line) ends.
struct prepared_text {
  std::vector<std::uint32_t> tokens;
  std::vector<std::uint32_t> sentence_end;  // exclusive ends into `tokens`
};

// Per-call scratch state: the vocabulary (raw token -> id after stopwords and stemming) and the
// n-gram tables. Built on the fly; never shared between threads.
class scratch {
 public:
  explicit scratch(const rouge_options& o) : opts_(o) {}

  // Splits `text` into lines, applies -l / -b, tokenizes, and interns.
  // `byte_cut` false skips the -b cut: the script's sentence reader for ROUGE-L/W applies the
  // word limit but not the byte limit.
  prepared_text prepare(std::string_view text, bool byte_cut = true) {
    prepared_text out;
    long words_left = opts_.word_limit > 0 ? opts_.word_limit : -1;
    long bytes_left = byte_cut && opts_.byte_limit > 0 ? opts_.byte_limit : -1;
    while (!text.empty()) {
      std::size_t nl = text.find('\n');
      std::string_view line = text.substr(0, nl);
      text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      bool last = false;
      if (words_left >= 0) {
        // Keep the first words_left whitespace-separated words of the line.
        std::size_t i = 0, end = 0;
        long n = 0;
        while (i < line.size()) {
          while (i < line.size() && is_perl_space(line[i])) ++i;
          if (i >= line.size()) break;
          if (n == words_left) break;
          while (i < line.size() && !is_perl_space(line[i])) ++i;
          end = i;
          ++n;
        }
        if (i < line.size()) last = true;  // words remain beyond the limit
        line = line.substr(0, end);
        words_left -= n;
        if (words_left == 0) last = true;
      } else if (bytes_left >= 0) {
        if (static_cast<long>(line.size()) >= bytes_left) {
          line = line.substr(0, static_cast<std::size_t>(bytes_left));
          last = true;
        }
        bytes_left -= static_cast<long>(line.size());
      }
      add_line(line, out);
      if (last) break;
    }
    return out;
  }

  std::vector<std::string> spell(const prepared_text& t) const {
    std::vector<std::string> out;
    out.reserve(t.tokens.size());
    for (std::uint32_t id : t.tokens) out.push_back(spelling_[id]);
    return out;
  }

  // Interned id of the n-gram (n >= 2) whose (n-1)-gram prefix has id `prefix` and whose last
  // token is `last`: exact, so n-grams of any order compare as integers.
  std::uint32_t gram_id(int n, std::uint32_t prefix, std::uint32_t last) {
    if (static_cast<int>(grams_.size()) < n - 1) grams_.resize(static_cast<std::size_t>(n - 1));
    auto& table = grams_[static_cast<std::size_t>(n - 2)];
    std::uint64_t key = (static_cast<std::uint64_t>(prefix) << 32) | last;
    auto [it, inserted] = table.try_emplace(key, static_cast<std::uint32_t>(table.size()));
    return it->second;
  }

  std::size_t vocabulary_size() const { return spelling_.size(); }

 private:
  void add_line(std::string_view line, prepared_text& out) {
    std::size_t before = out.tokens.size();
    std::size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && !is_alnum(line[i])) ++i;
      std::size_t j = i;
      while (j < line.size() && is_alnum(line[j])) ++j;
      if (j > i) {
        lower_.assign(line.data() + i, j - i);
        for (char& c : lower_)
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        std::uint32_t id = intern_raw(lower_);
        if (id != kDropped) out.tokens.push_back(id);
      }
      i = j;
    }
    if (out.tokens.size() > before) out.sentence_end.push_back(static_cast<std::uint32_t>(out.tokens.size()));
  }

  std::uint32_t intern_raw(const std::string& raw) {
    auto it = raw_.find(std::string_view(raw));
    if (it != raw_.end()) return it->second;
    std::uint32_t id = kDropped;
    if (!(opts_.remove_stopwords && is_smart_common_word(raw))) {
      std::string form = opts_.stem ? rouge_stem(raw) : raw;
      auto [fit, inserted] = final_.try_emplace(form, static_cast<std::uint32_t>(spelling_.size()));
      if (inserted) spelling_.push_back(form);
      id = fit->second;
    }
    raw_.emplace(raw, id);
    return id;
  }

  const rouge_options& opts_;
  std::string lower_;
  std::unordered_map<std::string, std::uint32_t, string_hash, std::equal_to<>> raw_;
  std::unordered_map<std::string, std::uint32_t, string_hash, std::equal_to<>> final_;
  std::vector<std::string> spelling_;
  std::vector<std::unordered_map<std::uint64_t, std::uint32_t>> grams_;
};

// Clipped matches between two multisets given as sorted id lists.
template <class T>
double clipped_hits(const std::vector<T>& a, const std::vector<T>& b) {
  double hits = 0;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      T v = a[i];
      std::size_t ca = 0, cb = 0;
      while (i < a.size() && a[i] == v) ++i, ++ca;
      while (j < b.size() && b[j] == v) ++j, ++cb;
      hits += static_cast<double>(std::min(ca, cb));
    }
  }
  return hits;
}

// What one text contributes to every measure, computed once per text.
struct text_features {
  prepared_text text;
  prepared_text uncut;  // with -b and ROUGE-L/W: the sentences the LCS sees (no byte cut)
  const prepared_text& sentences() const { return uncut.tokens.empty() ? text : uncut; }
  std::vector<std::vector<std::uint32_t>> ngrams;  // [n-1]: sorted ids of all n-grams
  std::vector<std::uint64_t> skip;                 // sorted skip bigrams (S)
  std::vector<std::uint64_t> skip_unigrams;        // sorted unigram keys SU adds
};

double wlcs_weight(double k, double w) { return std::pow(k, w); }
double wlcs_weight_inverse(double x, double w) { return std::pow(x, 1.0 / w); }

double f_measure(double r, double p, double alpha) {
  double denom = (1 - alpha) * p + alpha * r;
  return denom > 0 ? (p * r) / denom : 0.0;
}

class engine {
 public:
  engine(const rouge_options& o, const std::vector<std::string>& names, scratch& s)
      : o_(o), names_(names), s_(s) {}

  text_features features(std::string_view text) {
    text_features f;
    f.text = s_.prepare(text);
    if (o_.byte_limit > 0 && (o_.lcs || o_.wlcs)) f.uncut = s_.prepare(text, false);
    const auto& t = f.text.tokens;
    f.ngrams.resize(static_cast<std::size_t>(std::max(o_.max_n, 1)));
    // Level 1 is needed by ROUGE-1 and by the LCS clipping.
    std::vector<std::uint32_t> level(t.begin(), t.end());
    f.ngrams[0] = level;
    std::sort(f.ngrams[0].begin(), f.ngrams[0].end());
    for (int n = 2; n <= o_.max_n; ++n) {
      if (level.size() < 2) {
        level.clear();
      } else {
        // level[i] holds the (n-1)-gram starting at i; extend it by token i+n-1.
        for (std::size_t i = 0; i + 1 < level.size(); ++i)
          level[i] = s_.gram_id(n, level[i], t[i + static_cast<std::size_t>(n) - 1]);
        level.pop_back();
      }
      f.ngrams[static_cast<std::size_t>(n - 1)] = level;
      std::sort(f.ngrams[static_cast<std::size_t>(n - 1)].begin(),
                f.ngrams[static_cast<std::size_t>(n - 1)].end());
    }
    if (o_.skip_bigrams) {
      const std::size_t len = t.size();
      for (std::size_t i = 0; i + 1 < len; ++i) {
        std::size_t jmax = len - 1;
        if (o_.skip_gap >= 0) jmax = std::min(jmax, i + static_cast<std::size_t>(o_.skip_gap) + 1);
        for (std::size_t j = i + 1; j <= jmax; ++j)
          f.skip.push_back((static_cast<std::uint64_t>(t[i]) << 32) | t[j]);
      }
      std::sort(f.skip.begin(), f.skip.end());
      if (o_.su || o_.s_and_su) {
        // The script's SU loop stops one token short: the last token is never added.
        for (std::size_t i = 0; i + 1 < len; ++i)
          f.skip_unigrams.push_back((std::uint64_t{0xFFFFFFFFu} << 32) | t[i]);
        std::sort(f.skip_unigrams.begin(), f.skip_unigrams.end());
      }
    }
    return f;
  }

  // One topic: every measure in names_ order.
  std::vector<topic_score> score(const text_features& peer,
                                 const std::vector<text_features>& models) {
    std::vector<topic_score> out;
    out.reserve(names_.size());
    for (int n = 1; n <= o_.max_n; ++n) {
      const std::size_t k = static_cast<std::size_t>(n - 1);
      out.push_back(combine(models.size(), [&](std::size_t m) {
        return rouge_counts{static_cast<double>(models[m].ngrams[k].size()),
                            static_cast<double>(peer.ngrams[k].size()),
                            clipped_hits(models[m].ngrams[k], peer.ngrams[k])};
      }, false));
    }
    if (o_.lcs)
      out.push_back(combine(models.size(), [&](std::size_t m) { return lcs(peer, models[m], false); }, false));
    if (o_.wlcs)
      out.push_back(combine(models.size(), [&](std::size_t m) { return lcs(peer, models[m], true); }, true));
    if (o_.skip_bigrams) {
      auto skip_counts = [&](std::size_t m, bool with_unigrams) {
        const auto& md = models[m];
        rouge_counts c{static_cast<double>(md.skip.size()), static_cast<double>(peer.skip.size()),
                       clipped_hits(md.skip, peer.skip)};
        if (with_unigrams) {
          c.model += static_cast<double>(md.skip_unigrams.size());
          c.peer += static_cast<double>(peer.skip_unigrams.size());
          c.hit += clipped_hits(md.skip_unigrams, peer.skip_unigrams);
        }
        return c;
      };
      if (!o_.su || o_.s_and_su)
        out.push_back(combine(models.size(), [&](std::size_t m) { return skip_counts(m, false); }, false));
      if (o_.su || o_.s_and_su)
        out.push_back(combine(models.size(), [&](std::size_t m) { return skip_counts(m, true); }, false));
    }
    return out;
  }

 private:
  // Per-model counts -> the topic's counts under -f A / -f B, and the rounded R, P, F.
  template <class Counts>
  topic_score combine(std::size_t n_models, Counts counts_of, bool weighted) {
    rouge_counts total;
    double best = -1;
    for (std::size_t m = 0; m < n_models; ++m) {
      rouge_counts c = counts_of(m);
      if (o_.formula == rouge_formula::average) {
        total.model += c.model;
        total.peer += c.peer;
        total.hit += c.hit;
      } else {
        double r = recall_of(c, weighted);
        if (r > best) {  // the first of equal recalls wins
          best = r;
          total = c;
        }
      }
    }
    topic_score ts;
    ts.counts = total;
    ts.score = score_of(total, weighted);
    return ts;
  }

  double recall_of(const rouge_counts& c, bool weighted) const {
    if (c.model <= 0) return 0;
    double r = c.hit / c.model;
    return round5(weighted ? wlcs_weight_inverse(r, o_.wlcs_weight) : r);
  }

  rouge_score score_of(const rouge_counts& c, bool weighted) const {
    rouge_score s;
    s.recall = recall_of(c, weighted);
    if (c.peer > 0) {
      double p = c.hit / c.peer;
      s.precision = round5(weighted ? wlcs_weight_inverse(p, o_.wlcs_weight) : p);
    }
    s.f = f_measure(s.recall, s.precision, o_.alpha);
    s.f = round5(s.f);  // the script keeps the per-topic F as printed, too
    return s;
  }

  // Summary-level LCS (or WLCS) of one reference against the system summary: for each reference
  // sentence, the union of its LCS positions against every system sentence, each hit clipped by
  // the unigram counts left on both sides.
  rouge_counts lcs(const text_features& peer, const text_features& model, bool weighted) {
    const double w = o_.wlcs_weight;
    const auto& pt = peer.text.tokens;
    const auto& mt = model.text.tokens;
    // Unigram budgets for clipping, indexed by token id; reset through the token lists.
    budget_peer_.resize(s_.vocabulary_size());
    budget_model_.resize(s_.vocabulary_size());
    for (auto id : pt) ++budget_peer_[id];
    for (auto id : mt) ++budget_model_[id];

    double hit = 0, base = 0;
    std::uint32_t mstart = 0;
    const auto& mst = model.sentences().tokens;
    const auto& pst = peer.sentences().tokens;
    for (std::uint32_t mend : model.sentences().sentence_end) {
      const std::size_t mlen = mend - mstart;
      mask_.assign(mlen, 0);
      std::uint32_t pstart = 0;
      for (std::uint32_t pend : peer.sentences().sentence_end) {
        mark_lcs(&mst[mstart], mlen, &pst[pstart], pend - pstart, weighted);
        pstart = pend;
      }
      // ROUGE-W scores runs of counted positions in the union, and the script closes a run only
      // where a counted position is followed by an unmarked one (or ends the sentence). So a
      // clipped position neither counts nor ends the run; a run whose last marked position is
      // clipped stays open and its length carries into the next run of the sentence; and a run
      // still open at the sentence end is dropped. (Pinned by the random and DUC vectors: every
      // ROUGE-W miss of the plain run rule had a counted run followed by clipped positions.)
      std::size_t run = 0;
      bool after_hit = false;  // the previous position was a counted hit
      double sentence_hit = 0;
      for (std::size_t i = 0; i < mlen; ++i) {
        std::uint32_t id = mst[mstart + i];
        if (mask_[i]) {
          after_hit = budget_peer_[id] > 0 && budget_model_[id] > 0;
          if (after_hit) {
            --budget_peer_[id];
            --budget_model_[id];
            if (weighted) ++run;
            else sentence_hit += 1;
          }
        } else {
          if (weighted && after_hit) {
            sentence_hit += wlcs_weight(static_cast<double>(run), w);
            run = 0;
          }
          after_hit = false;
        }
      }
      if (weighted && after_hit) sentence_hit += wlcs_weight(static_cast<double>(run), w);
      hit += sentence_hit;
      base += weighted ? wlcs_weight(static_cast<double>(mlen), w) : static_cast<double>(mlen);
      mstart = mend;
    }
    for (auto id : pt) budget_peer_[id] = 0;
    for (auto id : mt) budget_model_[id] = 0;

    rouge_counts c;
    c.hit = hit;
    if (weighted) {
      c.model = wlcs_weight(base, w);
      c.peer = wlcs_weight(static_cast<double>(pt.size()), w);
    } else {
      c.model = base;
      c.peer = static_cast<double>(pt.size());
    }
    return c;
  }

  // LCS (or WLCS) table of model sentence a against peer sentence b, traced back from the end,
  // marking the model positions on the path in mask_.
  void mark_lcs(const std::uint32_t* a, std::size_t m, const std::uint32_t* b, std::size_t n,
                bool weighted) {
    const std::size_t cols = n + 1;
    score_.assign((m + 1) * cols, 0.0);
    run_.assign(weighted ? (m + 1) * cols : 0, 0);
    dir_.assign((m + 1) * cols, 0);
    const double w = o_.wlcs_weight;
    for (std::size_t i = 1; i <= m; ++i) {
      for (std::size_t j = 1; j <= n; ++j) {
        const std::size_t at = i * cols + j;
        const double up = score_[(i - 1) * cols + j];
        const double left = score_[i * cols + j - 1];
        if (a[i - 1] == b[j - 1]) {
          if (weighted) {
            const int k = run_[(i - 1) * cols + j - 1];
            score_[at] = score_[(i - 1) * cols + j - 1] + wlcs_weight(k + 1, w) - wlcs_weight(k, w);
            run_[at] = k + 1;
          } else {
            score_[at] = score_[(i - 1) * cols + j - 1] + 1;
          }
          dir_[at] = 1;  // diagonal
        } else if (up >= left) {
          score_[at] = up;
          dir_[at] = 2;  // up
        } else {
          score_[at] = left;
          dir_[at] = 3;  // left
        }
      }
    }
    std::size_t i = m, j = n;
    while (i > 0 && j > 0) {
      const unsigned char d = dir_[i * cols + j];
      if (d == 1) {
        mask_[i - 1] = 1;
        --i;
        --j;
      } else if (d == 2) {
        --i;
      } else {
        --j;
      }
    }
  }

  const rouge_options& o_;
  const std::vector<std::string>& names_;
  scratch& s_;
  std::vector<int> budget_peer_, budget_model_;
  std::vector<unsigned char> mask_, dir_;
  std::vector<double> score_;
  std::vector<int> run_;
};

}  // namespace

double round5(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.5f", x);
  return std::strtod(buf, nullptr);
}

std::string rouge_stem(std::string_view token) {
  if (token.size() <= 3) return std::string(token);
  const auto& exc = wordnet_exceptions();
  if (auto it = exc.find(token); it != exc.end()) return it->second;
  return text::porter_stem(token);
}

bool is_smart_common_word(std::string_view token) {
  return smart_words().find(token) != smart_words().end();
}

rouge_scorer::rouge_scorer(const rouge_options& opts)
    : options_(opts), measures_(measure_names(opts)) {}

result<rouge_scorer> rouge_scorer::create(const rouge_options& opts) {
  if (status s = opts.validate(); !s) return s;
  return rouge_scorer(opts);
}

std::vector<std::string> rouge_scorer::tokens(std::string_view text) const {
  scratch s(options_);
  return s.spell(s.prepare(text));
}

std::vector<topic_score> rouge_scorer::score(std::string_view system,
                                             std::span<const std::string_view> references) const {
  scratch s(options_);
  engine e(options_, measures_, s);
  text_features peer = e.features(system);
  std::vector<text_features> models;
  models.reserve(references.size());
  for (std::string_view r : references) models.push_back(e.features(r));
  return e.score(peer, models);
}

result<evaluation> rouge_scorer::evaluate(std::span<const topic_input> topics) const {
  if (topics.empty()) return invalid_argument("rouge: the evaluation set is empty");
  std::vector<std::size_t> order(topics.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  // The script walks its evaluation ids as Perl sorts strings: bytewise.
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return topics[a].id < topics[b].id; });
  for (std::size_t i = 0; i < order.size(); ++i) {
    const topic_input& t = topics[order[i]];
    if (i > 0 && topics[order[i - 1]].id == t.id)
      return invalid_argument("rouge: topic '" + t.id + "' appears twice");
    if (t.references.empty())
      return invalid_argument("rouge: topic '" + t.id + "' has no reference summary");
  }

  evaluation ev;
  ev.measures.resize(measures_.size());
  for (std::size_t m = 0; m < measures_.size(); ++m) ev.measures[m].name = measures_[m];

  scratch s(options_);
  engine e(options_, measures_, s);
  for (std::size_t idx : order) {
    const topic_input& t = topics[idx];
    ev.topic_ids.push_back(t.id);
    text_features peer = e.features(t.system);
    std::vector<text_features> models;
    models.reserve(t.references.size());
    for (const std::string& r : t.references) models.push_back(e.features(r));
    std::vector<topic_score> scores = e.score(peer, models);
    for (std::size_t m = 0; m < scores.size(); ++m) ev.measures[m].topics.push_back(scores[m]);
  }

  // Bootstrap: resample i seeds drand48 with i and draws n topic indices.
  const std::size_t n = ev.topic_ids.size();
  const std::size_t r = static_cast<std::size_t>(options_.resamples);
  std::vector<std::uint32_t> draws(r * n);
  perl_drand48 rng;
  for (std::size_t i = 0; i < r; ++i) {
    rng.srand(static_cast<unsigned>(i));
    for (std::size_t j = 0; j < n; ++j)
      draws[i * n + j] = static_cast<std::uint32_t>(rng.rand() * static_cast<double>(n));
  }
  const bool pooled = options_.unit != counting_unit::sentence;
  for (std::size_t m = 0; m < ev.measures.size(); ++m) {
    measure_result& mr = ev.measures[m];
    const bool weighted = options_.wlcs && mr.name.rfind("ROUGE-W-", 0) == 0;
    std::vector<double> rs(r), ps(r), fs(r);
    for (std::size_t i = 0; i < r; ++i) {
      double sr = 0, sp = 0, sf = 0;
      rouge_counts pool;
      for (std::size_t j = 0; j < n; ++j) {
        const topic_score& ts = mr.topics[draws[i * n + j]];
        sr += ts.score.recall;
        sp += ts.score.precision;
        sf += ts.score.f;
        pool.model += ts.counts.model;
        pool.peer += ts.counts.peer;
        pool.hit += ts.counts.hit;
      }
      if (pooled) {
        double rr = pool.model > 0 ? pool.hit / pool.model : 0;
        double pp = pool.peer > 0 ? pool.hit / pool.peer : 0;
        if (weighted) {
          rr = wlcs_weight_inverse(rr, options_.wlcs_weight);
          pp = wlcs_weight_inverse(pp, options_.wlcs_weight);
        }
        rs[i] = rr;
        ps[i] = pp;
        fs[i] = f_measure(rr, pp, options_.alpha);
      } else {
        rs[i] = sr / static_cast<double>(n);
        ps[i] = sp / static_cast<double>(n);
        fs[i] = sf / static_cast<double>(n);
      }
    }
    auto summarize = [&](std::vector<double>& v, double& avg, double& lo, double& hi) {
      double sum = 0;
      for (double x : v) sum += x;
      avg = sum / static_cast<double>(r);
      std::sort(v.begin(), v.end());
      const double tail = (1.0 - options_.confidence / 100.0) / 2.0;
      std::size_t lo_i = static_cast<std::size_t>(static_cast<double>(r) * tail);
      std::size_t hi_i = static_cast<std::size_t>(static_cast<double>(r) * (1.0 - tail));
      lo = v[std::min(lo_i, r - 1)];
      hi = v[std::min(hi_i, r - 1)];
    };
    summarize(rs, mr.average.recall, mr.ci_low.recall, mr.ci_high.recall);
    summarize(ps, mr.average.precision, mr.ci_low.precision, mr.ci_high.precision);
    summarize(fs, mr.average.f, mr.ci_low.f, mr.ci_high.f);
  }
  return ev;
}

}  // namespace sitrep::eval
