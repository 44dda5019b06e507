#include "auto_concepts.hpp"

#include <algorithm>
#include <cmath>
#include <bit>
#include <utility>

namespace sitrep::rank::detail {

double occurrence_weight(const concept_options& o, std::size_t position,
                         std::optional<double> place) {
  double w = 1.0;
  // A smooth prior rather than a step: the lead sentence counts most, the next ones a little
  // less, and a concept first met deep in an update still counts once.
  if (o.position_decay > 0)
    w += o.position_boost * std::exp(-static_cast<double>(position) / o.position_decay);
  if (place) {
    if (o.recency_decay > 0)
      w += o.recency_boost * std::exp(-std::max(0.0, o.newest_place - *place) / o.recency_decay);
    else if (*place >= 1.0 - o.recent_fraction)
      w += o.recency_boost;
    if (*place < o.opening_fraction) w += o.opening_boost;
  }
  return w;
}

double occurrence_weight(const concept_options& o, std::size_t position, std::size_t u,
                         std::size_t updates) {
  if (updates < 2) return occurrence_weight(o, position, std::nullopt);
  return occurrence_weight(o, position,
                           static_cast<double>(u) / static_cast<double>(updates));
}

std::vector<double> stream_places(const stream::view& v, bool by_time) {
  const std::size_t n = v.update_count();
  std::vector<double> place;
  if (n < 2) return place;
  place.resize(n);
  const auto& updates = v.collection().updates();
  if (by_time) {
    // The stream's clock at each update: the latest time seen since the stream began. The
    // earlier stream is read only when the view opens with untimed updates (a window of a
    // long live stream must not read the million updates before it at every refresh).
    std::optional<std::int64_t> clock;
    bool timed = false;  // a view without a single time is placed by index
    for (std::size_t u = v.first_update(); u < v.end_update() && !timed; ++u)
      timed = updates[u].unix_time.has_value();
    if (timed && !updates[v.first_update()].unix_time)
      for (std::size_t u = 0; u < v.first_update(); ++u)
        if (updates[u].unix_time) clock = std::max(clock.value_or(*updates[u].unix_time),
                                                   *updates[u].unix_time);
    // An update is placed by its own time; one without a time by the clock when it came.
    std::vector<std::optional<std::int64_t>> at(n);
    std::optional<std::int64_t> lo, hi;
    bool all = true;
    for (std::size_t u = 0; u < n; ++u) {
      const auto& t = updates[v.first_update() + u].unix_time;
      if (t) clock = std::max(clock.value_or(*t), *t);
      at[u] = t ? t : clock;
      if (!at[u]) {
        all = false;
        break;
      }
      lo = std::min(lo.value_or(*at[u]), *at[u]);
      hi = std::max(hi.value_or(*at[u]), *at[u]);
    }
    // Placed by rank in time (ties in arrival order), so that the newest tenth is a tenth of
    // the updates, as in an untimed stream, but the newest by time, not by arrival.
    if (all && *hi > *lo) {
      std::vector<std::size_t> order(n);
      for (std::size_t u = 0; u < n; ++u) order[u] = u;
      std::stable_sort(order.begin(), order.end(),
                       [&](std::size_t a, std::size_t b) { return *at[a] < *at[b]; });
      for (std::size_t r = 0; r < n; ++r)
        place[order[r]] = static_cast<double>(r) / static_cast<double>(n);
      return place;
    }
  }
  for (std::size_t u = 0; u < n; ++u) place[u] = static_cast<double>(u) / static_cast<double>(n);
  return place;
}

std::vector<bool> copies(const stream::view& v, double copy_similarity,
                         std::vector<std::size_t>* same_text) {
  std::vector<bool> out(v.sentence_count(), false);
  if (same_text) same_text->assign(v.sentence_count(), kNoSentence);
  if (copy_similarity <= 0 || v.sentence_count() == 0) return out;
  std::optional<stream::repeats> own;
  const stream::repeats* r = v.repeat_groups();
  if (!r) r = &own.emplace(stream::find_repeats(v.collection()));
  const vsm::collection& c = v.collection();
  for (std::size_t i = 0; i < out.size(); ++i) {
    const std::size_t s = v.first_sentence() + i;
    const std::uint32_t near = r->nearest(s);
    out[i] = near != stream::repeats::npos && r->similarity(s) >= copy_similarity;
    if (same_text && out[i] && v.contains_sentence(near) && c.text(near) == c.text(s))
      (*same_text)[i] = near - v.first_sentence();
  }
  return out;
}

namespace {

// Concept key -> id, open addressing with linear probing: a stream of millions of sentences
// interns hundreds of millions of keys per summary, and std::unordered_map's node per key and
// pointer chase per lookup dominated the summary's time.
class concept_index {
 public:
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};  // no concept key is all ones

  /// Room for `keys` keys without growing (one allocation instead of a doubling series).
  void reserve(std::size_t keys) {
    std::size_t cap = 1024;
    while (cap < keys * 2) cap *= 2;
    if (cap > keys_.size()) grow(cap);
  }
  /// The id of `key`, giving it `fresh` when new; the bool says whether it was new.
  std::pair<concept_id, bool> intern(std::uint64_t key, concept_id fresh) {
    if ((size_ + 1) * 2 > keys_.size()) grow(keys_.empty() ? 1024 : keys_.size() * 2);
    std::size_t i = slot(key);
    while (keys_[i] != kEmpty) {
      if (keys_[i] == key) return {ids_[i], false};
      i = (i + 1) & mask_;
    }
    keys_[i] = key;
    ids_[i] = fresh;
    ++size_;
    return {fresh, true};
  }
  /// Asks the memory system for `key`'s slot ahead of `intern`: a stream's concept table is far
  /// larger than the caches, and a sentence's forty lookups are independent, so fetching their
  /// slots together hides most of the misses.
  void prefetch(std::uint64_t key) const {
    if (!keys_.empty()) __builtin_prefetch(&keys_[slot(key)]);
  }
  /// The id of `key`, or nothing.
  std::optional<concept_id> find(std::uint64_t key) const {
    if (keys_.empty()) return std::nullopt;
    for (std::size_t i = slot(key); keys_[i] != kEmpty; i = (i + 1) & mask_)
      if (keys_[i] == key) return ids_[i];
    return std::nullopt;
  }

 private:
  std::size_t slot(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  void grow(std::size_t cap) {
    std::vector<std::uint64_t> keys = std::move(keys_);
    std::vector<concept_id> ids = std::move(ids_);
    keys_.assign(cap, kEmpty);
    ids_.assign(cap, 0);
    mask_ = cap - 1;
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(cap));
    for (std::size_t j = 0; j < keys.size(); ++j) {
      if (keys[j] == kEmpty) continue;
      std::size_t i = slot(keys[j]);
      while (keys_[i] != kEmpty) i = (i + 1) & mask_;
      keys_[i] = keys[j];
      ids_[i] = ids[j];
    }
  }
  std::vector<std::uint64_t> keys_;
  std::vector<concept_id> ids_;
  std::size_t size_ = 0, mask_ = 0;
  unsigned shift_ = 64;
};

constexpr std::uint64_t unigram_key(vsm::term_id t) { return (std::uint64_t{1} << 63) | t; }
constexpr std::uint64_t bigram_key(vsm::term_id a, vsm::term_id b) {
  return (std::uint64_t{a} << 32) | b;
}

template <typename F>
void for_each_concept(const vsm::sentence_record& s, F&& f) {
  for (std::size_t k = 0; k < s.tokens.size(); ++k) {
    if (!s.stopword[k]) f(unigram_key(s.tokens[k]), true);
    if (k + 1 < s.tokens.size() && !(s.stopword[k] && s.stopword[k + 1]))
      f(bigram_key(s.tokens[k], s.tokens[k + 1]), false);
  }
}

}  // namespace

concept_model build_concepts(const vsm::collection& c, const concept_options& o) {
  return build_concepts(stream::view(c), o);
}

concept_model build_concepts(const stream::view& v, const concept_options& options) {
  concept_options o = options;
  if (v.update_count() > 0) o.newest_place = 1.0 - 1.0 / static_cast<double>(v.update_count());
  const vsm::collection& c = v.collection();
  concept_model m;
  concept_index ids;
  std::vector<double> support;
  std::vector<std::size_t> last_update;  // last update counted + 1
  std::vector<double> in_last;           // the weight that update contributed
  std::vector<bool> is_unigram;
  auto intern = [&](std::uint64_t key, bool unigram) {
    auto [id, fresh] = ids.intern(key, static_cast<concept_id>(support.size()));
    if (fresh) {
      support.push_back(0);
      last_update.push_back(0);
      in_last.push_back(0);
      m.updates_with.push_back(0);
      is_unigram.push_back(unigram);
    }
    return id;
  };
  const std::size_t updates = v.update_count();
  const std::size_t first = v.first_sentence();
  const std::size_t n = v.sentence_count();
  // Words per update, against the view's median: editors write more about what matters.
  std::vector<double> update_words;
  double median = 1;
  if (o.length_exponent != 0 && updates > 0) {
    update_words.assign(updates, 0.0);
    for (std::size_t i = first; i < v.end_sentence(); ++i)
      update_words[c.sentence(i).update - v.first_update()] +=
          static_cast<double>(c.sentence(i).words);
    std::vector<double> sorted = update_words;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(updates / 2),
                     sorted.end());
    median = std::max(1.0, sorted[updates / 2]);
  }
  const std::vector<double> place = stream_places(v, o.places_by_time);
  std::vector<std::size_t> same_text;
  const std::vector<bool> copy = copies(v, o.copy_similarity, &same_text);
  // A concept per token and one per pair of tokens at most: a small view (a live report's
  // window, refreshed at every update) is sized once instead of doubling as it fills; a large
  // one grows, since its distinct concepts are far fewer than its tokens.
  std::size_t tokens = 0;
  for (std::size_t i = first; i < v.end_sentence(); ++i) tokens += c.sentence(i).tokens.size();
  const std::size_t expect = std::min<std::size_t>(2 * tokens, std::size_t{1} << 18);
  ids.reserve(expect);
  support.reserve(expect);
  last_update.reserve(expect);
  in_last.reserve(expect);
  m.updates_with.reserve(expect);
  std::vector<concept_id> mine;
  std::vector<std::pair<std::uint64_t, bool>> keys;
  for (std::size_t i = 0; i < n; ++i) {
    mine.clear();
    // A word-for-word copy of a sentence of the view (a wire re-run, a cycled feed) has its
    // original's concepts, already looked up, and adds no support: a long stream's summary does
    // not pay for its copies.
    if (same_text[i] != kNoSentence) {
      const auto original = m.of_sentence[same_text[i]];
      mine.assign(original.begin(), original.end());
      m.of_sentence.push(mine);
      continue;
    }
    const auto& s = c.sentence(first + i);
    const std::size_t u = s.update - v.first_update();
    const std::size_t unit = o.sentences_as_units ? i : u;
    keys.clear();
    for_each_concept(s, [&](std::uint64_t key, bool unigram) {
      keys.emplace_back(key, unigram);
      ids.prefetch(key);
    });
    for (const auto& [key, unigram] : keys) mine.push_back(intern(key, unigram));
    std::sort(mine.begin(), mine.end());
    mine.erase(std::unique(mine.begin(), mine.end()), mine.end());
    m.of_sentence.push(mine);
    double w = occurrence_weight(o, s.position,
                                 place.empty() ? std::nullopt : std::optional<double>(place[u]));
    if (o.length_exponent != 0)
      w *= std::pow(std::max(1.0, update_words[u]) / median, o.length_exponent);
    // An update supports a concept once, with its best-placed occurrence: support counts
    // agreement between updates, not repetition within one.
    if (copy[i]) continue;
    for (concept_id k : mine) {
      if (last_update[k] != unit + 1) {
        last_update[k] = unit + 1;
        in_last[k] = w;
        ++m.updates_with[k];
        support[k] += w;
      } else if (w > in_last[k]) {
        support[k] += w - in_last[k];
        in_last[k] = w;
      }
    }
  }
  const std::size_t min_support = updates > 1 || o.sentences_as_units ? o.min_support : 1;
  m.weight.assign(support.size(), 0.0);
  for (std::size_t k = 0; k < support.size(); ++k) {
    if (m.updates_with[k] < min_support) continue;
    m.weight[k] = support[k] * (is_unigram[k] ? o.unigram_weight : 1.0);
  }
  // What the reader was told before the view is not news.
  if (o.seen_weight < 1.0 && first > 0) {
    std::vector<bool> seen(support.size(), false);
    for (std::size_t i = 0; i < first; ++i)
      for_each_concept(c.sentence(i), [&](std::uint64_t key, bool) {
        if (auto id = ids.find(key)) seen[*id] = true;
      });
    for (std::size_t k = 0; k < support.size(); ++k)
      if (seen[k]) m.weight[k] *= o.seen_weight;
  }
  return m;
}

}  // namespace sitrep::rank::detail
