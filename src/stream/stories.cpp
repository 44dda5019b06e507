#include "sitrep/stream/stories.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace sitrep::stream {

status validate(const story_options& o) {
  if (!(o.threshold >= 0) || !(o.relative_threshold >= 0) ||
      !(o.continuity_weight >= 0 && o.continuity_weight <= 1) ||
      !(o.min_threshold >= 0) || !(o.initial_cohesion >= 0) || !(o.cohesion_rate >= 0) ||
      !(o.cohesion_prior >= 0) || !(o.recent_seconds >= 0) ||
      !(o.forget_seconds >= 0) || !(o.name_bonus >= 0) || !(o.name_expect >= 0 && o.name_expect <= 1) ||
      !(o.source_bonus >= 0) || !(o.merge_threshold >= 0)) {
    return invalid_argument(
        "story options: thresholds, times and bonuses must be >= 0, continuity_weight and "
        "name_expect in [0, 1]");
  }
  if (!(o.foreign_factor >= 0 && o.foreign_factor <= 1)) {
    return invalid_argument("story options: foreign_factor must be in [0, 1]");
  }
  if (!(o.decay_floor >= 0 && o.decay_floor <= 1) ||
      !(o.centroid_decay >= 0 && o.centroid_decay < 1)) {
    return invalid_argument("story options: decay_floor must be in [0, 1], centroid_decay in [0, 1)");
  }
  if (!(o.lead_weight > 0) || !(o.member_weight >= 0) || !(o.half_life_seconds > 0)) {
    return invalid_argument(
        "story options: lead_weight and half_life_seconds must be > 0, member_weight >= 0");
  }
  if (o.merge_min_updates < 1 || o.centroid_terms < 1 || o.member_terms < 1 ||
      o.recent_members < 1 || o.posted_terms < 1 || o.posting_depth < 1 ||
      o.probe_terms < 1 || o.candidates < 1 || o.short_terms < 1) {
    return invalid_argument("story options: counts must be >= 1");
  }
  return status::ok();
}

namespace {

using entry = std::pair<vsm::term_id, float>;  // term, weight without IDF

constexpr std::size_t kLabelBytes = 120;

std::string cut_label(std::string_view s) {
  if (s.size() <= kLabelBytes) return std::string(s);
  std::size_t cut = s.rfind(' ', kLabelBytes);
  if (cut == std::string_view::npos || cut < kLabelBytes / 2) {
    cut = kLabelBytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
  }
  return std::string(s.substr(0, cut)) + "...";
}

std::uint64_t hash_word(std::string_view w) {
  std::uint64_t h = 1469598103934665603ull;
  for (char ch : w) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
    h = (h ^ c) * 1099511628211ull;
  }
  return h;
}

bool word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

}  // namespace

struct stories::state {
  explicit state(const story_options& o) : opts(o), stream_cohesion(o.initial_cohesion) {}

  struct story_state {
    std::vector<entry> centroid;                  // sorted by term
    std::vector<std::vector<entry>> members;      // ring of recent members, each sorted by term
    std::size_t next_member = 0;
    std::vector<std::uint64_t> names;             // sorted, capped
    std::vector<std::uint64_t> established;       // capitalized names of 2+ members, sorted
    std::vector<std::uint32_t> sources;           // sorted source ids
    std::uint32_t last_source = 0;
    float label_score = 0;
    double score_sum = 0;  // scores with which members joined
    std::uint32_t joins = 0;
    double centroid_norm = 0;
    std::vector<double> member_norms;
    std::uint32_t norm_docs = 0;  // documents when the norms were computed; 0: stale
    std::vector<std::uint32_t> merged_in;         // aliases merged into this one
    story_info merged;                            // the merged record (canonical stories)
  };

  story_options opts;
  std::vector<story_info> infos;
  std::vector<story_state> states;
  // Per story, compact for the candidate loop: the story it was merged into (itself if none),
  // and the time of its last update.
  std::vector<std::uint32_t> canon;
  std::vector<std::int64_t> last_times;
  std::vector<std::uint32_t> assignment;
  std::vector<float> scores;
  std::vector<std::vector<std::uint32_t>> term_lists;  // term -> stories, oldest post first
  std::vector<std::uint32_t> recent;                   // recently active stories, newest last
  std::unordered_map<std::string, std::uint32_t> source_ids;
  std::size_t merges = 0;
  // The run of updates at the stream's end that all went to one story (the floor: see
  // story_options::solo_seconds), and when the last update of another story came.
  std::uint32_t run_story = stories::npos;
  std::size_t run_length = 0;
  std::int64_t run_start = 0;
  double stream_cohesion;
  double continuity = 0.5;  // running share of confident joins to the previous update's story  // running mean of join scores over the stream

  // The score a story's members typically join with, its own mean shrunk toward the stream's.
  double cohesion(const story_state& st) const {
    return (st.score_sum + opts.cohesion_prior * stream_cohesion) /
           (st.joins + opts.cohesion_prior);
  }

  // Scratch, reused from one update to the next.
  std::vector<double> dense;        // term -> the update's weight without IDF (0 when absent)
  std::uint32_t stamp = 0;
  std::vector<vsm::term_id> touched;
  std::vector<entry> vec;           // the update, sorted by term
  std::vector<std::uint64_t> names;
  std::vector<std::uint64_t> caps;  // the update's capitalized names (no numbers), sorted
  std::vector<double> cand_score;   // story -> probe weight this update
  std::vector<std::uint32_t> cand_stamp;
  std::vector<std::uint32_t> cands;
  std::vector<entry> merge_buf;
  std::vector<std::pair<double, vsm::term_id>> heavy;
  const vsm::document_frequencies* df = nullptr;  // the collection's, over updates

  // log(k) for every document frequency k seen so far (a frequency never exceeds the number
  // of updates, so the table grows by one entry per update at most): IDF without a log call.
  std::vector<double> logs{0.0};
  double log_n = 0;  // log(n + 2), n the updates before this one

  double log_of(std::uint32_t k) {
    while (logs.size() <= k) logs.push_back(std::log(static_cast<double>(logs.size())));
    return logs[k];
  }

  double idf(vsm::term_id t) {
    // The frequencies of the stream before this update: counting the update itself would
    // make every word it shares with the story look commoner than the words it does not
    // (early in a stream, when the second update arrives, by a factor of almost three). A
    // word never seen before counts as seen once (it cannot match anything, and only its
    // weight in the update's norm matters).
    std::uint32_t d = df->df(t);
    if (d > 0 && dense[t] != 0) --d;
    return log_n - logs[d > 0 ? d : 1];
  }

  void ensure_terms(std::size_t n) {
    if (dense.size() < n) {
      const std::size_t m = std::max(n, dense.size() * 2);
      dense.resize(m, 0.0);
    }
    if (term_lists.size() < n) term_lists.resize(n);
  }

  // cosine of the update (dense, norm `unorm` with IDF) and a stored vector under today's IDF.
  // Norm of a stored vector under today's IDF.
  double norm_of(const std::vector<entry>& v) {
    double norm = 0;
    for (const auto& [t, w] : v) {
      const double x = w * idf(t);
      norm += x * x;
    }
    return std::sqrt(norm);
  }

  // Cosine of the update with a stored vector whose norm is given: only the update's terms are
  // looked up when it is much shorter than the vector (a headline against a long centroid).
  double cosine_with_norm(const std::vector<entry>& v, double vnorm, double unorm) {
    if (!(vnorm > 0) || !(unorm > 0)) return 0.0;
    double dot = 0;
    if (vec.size() * 8 < v.size()) {
      auto from = v.begin();
      for (const auto& [t, w] : vec) {
        from = std::lower_bound(from, v.end(), t,
                                [](const entry& e, vsm::term_id x) { return e.first < x; });
        if (from == v.end()) break;
        if (from->first == t) {
          const double x = idf(t);
          dot += static_cast<double>(from->second) * w * x * x;
        }
      }
    } else {
      for (const auto& [t, w] : v) {
        if (t < dense.size() && dense[t] != 0) {
          const double x = idf(t);
          dot += static_cast<double>(w) * dense[t] * x * x;
        }
      }
    }
    return dot / (vnorm * unorm);
  }

  // The story's norms (centroid, members), recomputed when it changed or when the stream has
  // grown by a tenth since (IDF drifts slowly): exact enough, and a candidate costs O(update).
  void refresh_norms(story_state& st) {
    const std::uint32_t docs = df->documents();
    if (st.norm_docs != 0 && docs <= st.norm_docs + st.norm_docs / 10) return;
    st.norm_docs = std::max<std::uint32_t>(docs, 1);
    st.centroid_norm = norm_of(st.centroid);
    st.member_norms.resize(st.members.size());
    for (std::size_t i = 0; i < st.members.size(); ++i) st.member_norms[i] = norm_of(st.members[i]);
  }

  static double cosine_sorted(const std::vector<entry>& a, const std::vector<entry>& b,
                              state& st) {
    double dot = 0, na = 0, nb = 0;
    std::size_t i = 0, j = 0;
    for (const auto& [t, w] : a) na += (w * st.idf(t)) * (w * st.idf(t));
    for (const auto& [t, w] : b) nb += (w * st.idf(t)) * (w * st.idf(t));
    while (i < a.size() && j < b.size()) {
      if (a[i].first < b[j].first) {
        ++i;
      } else if (b[j].first < a[i].first) {
        ++j;
      } else {
        const double x = st.idf(a[i].first);
        dot += a[i].second * b[j].second * x * x;
        ++i;
        ++j;
      }
    }
    return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0.0;
  }

  // Keeps the `k` heaviest entries of `v` (weight x IDF), sorted by term again.
  void keep_heaviest(std::vector<entry>& v, std::size_t k) {
    if (v.size() <= k) return;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end(),
                     [&](const entry& a, const entry& b) {
                       return a.second * idf(a.first) > b.second * idf(b.first);
                     });
    v.resize(k);
    std::sort(v.begin(), v.end());
  }

  void post(std::uint32_t id) {
    const auto& c = states[id].centroid;
    heavy.clear();
    for (const auto& [t, w] : c) heavy.emplace_back(w * idf(t), t);
    const std::size_t k = std::min(opts.posted_terms, heavy.size());
    std::partial_sort(heavy.begin(), heavy.begin() + static_cast<std::ptrdiff_t>(k), heavy.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; i < k; ++i) {
      auto& list = term_lists[heavy[i].second];
      auto it = std::find(list.begin(), list.end(), id);
      if (it != list.end()) {
        std::rotate(it, it + 1, list.end());  // newest last
      } else {
        if (list.size() >= opts.posting_depth) list.erase(list.begin());
        list.push_back(id);
      }
    }
  }

  void touch_recent(std::uint32_t id) {
    auto it = std::find(recent.begin(), recent.end(), id);
    if (it != recent.end()) {
      std::rotate(it, it + 1, recent.end());
    } else {
      if (recent.size() >= opts.recent_stories) recent.erase(recent.begin());
      recent.push_back(id);
    }
  }

  std::uint32_t find_canonical(std::uint32_t id) const {
    while (canon[id] != id) id = canon[id];
    return id;
  }

  void add(const vsm::collection& c, std::size_t u);
  void join(std::uint32_t id, const vsm::collection& c, std::size_t u, double unorm,
            std::int64_t now, std::uint32_t source, double score);
  std::uint32_t create(const vsm::collection& c, std::size_t u, std::int64_t now,
                       std::uint32_t source);
  void merge(std::uint32_t keep, std::uint32_t gone);
};

void stories::state::add(const vsm::collection& c, std::size_t u) {
  if (u != assignment.size()) return;  // out of order or twice: ignored (documented)
  df = &c.update_df();
  ++stamp;
  log_of(df->documents() + 1);
  log_n = std::log(static_cast<double>(df->documents()) + 1.0);  // (documents - 1) + 2
  ensure_terms(c.vocab().size());
  const update& up = c.updates()[u];
  const std::int64_t now = up.unix_time ? *up.unix_time : static_cast<std::int64_t>(u);
  auto [sit, fresh] = source_ids.try_emplace(up.source, static_cast<std::uint32_t>(source_ids.size()));
  (void)fresh;
  const std::uint32_t source = sit->second;

  // The update's vector: summed counts, the first sentence weighted more, sublinear.
  const std::size_t first = c.updates().empty() ? 0 : c.first_sentence_of(u);
  const std::size_t last = u + 1 < c.updates().size() ? c.first_sentence_of(u + 1)
                                                      : c.sentence_count();
  touched.clear();
  names.clear();
  caps.clear();
  std::size_t words = 0, capitalized = 0;  // words of 3+ letters not opening a sentence
  for (std::size_t s = first; s < last; ++s) {
    const auto& rec = c.sentence(s);
    const double lead = rec.position == 0 ? opts.lead_weight : 1.0;
    for (const auto& [t, n] : rec.tf.entries) {
      if (dense[t] == 0) touched.push_back(t);
      dense[t] += lead * n;
    }
    // Names (capitalized, not opening the sentence) and numbers.
    if (opts.name_bonus <= 0) continue;
    const std::string_view text = c.text(s);
    bool opening = true;
    for (std::size_t i = 0; i < text.size();) {
      if (!word_byte(static_cast<unsigned char>(text[i]))) {
        ++i;
        continue;
      }
      std::size_t j = i;
      bool digit = false;
      while (j < text.size() && word_byte(static_cast<unsigned char>(text[j]))) {
        digit |= text[j] >= '0' && text[j] <= '9';
        ++j;
      }
      const std::string_view w = text.substr(i, j - i);
      const bool capital = w[0] >= 'A' && w[0] <= 'Z';
      if (!digit && !opening && w.size() >= 3) {
        ++words;
        capitalized += capital;
      }
      if (digit || (capital && !opening && w.size() >= 3)) {
        names.push_back(hash_word(w));
        if (!digit) caps.push_back(names.back());
      }
      opening = false;
      i = j;
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  // In title case (headlines) capitals do not mark names: no update is foreign by them.
  if (2 * capitalized > words) caps.clear();
  std::sort(caps.begin(), caps.end());
  caps.erase(std::unique(caps.begin(), caps.end()), caps.end());
  vec.clear();
  double unorm = 0;
  for (vsm::term_id t : touched) {
    const double w = 1.0 + std::log(dense[t]);
    dense[t] = w;
    vec.emplace_back(t, static_cast<float>(w));
    const double x = w * idf(t);
    unorm += x * x;
  }
  unorm = std::sqrt(unorm);
  std::sort(vec.begin(), vec.end());

  // Candidates: postings of the heaviest terms, and the most recently active stories.
  cands.clear();
  if (cand_score.size() < states.size()) {
    cand_score.resize(states.size() * 2 + 16, 0.0);
    cand_stamp.resize(states.size() * 2 + 16, 0);
  }
  auto consider = [&](std::uint32_t id, double w) {
    id = find_canonical(id);
    if (cand_stamp[id] != stamp) {
      cand_stamp[id] = stamp;
      cand_score[id] = 0;
      cands.push_back(id);
    }
    cand_score[id] += w;
  };
  heavy.clear();
  for (const auto& [t, w] : vec) heavy.emplace_back(w * idf(t), t);
  const std::size_t probes = std::min(opts.probe_terms, heavy.size());
  std::partial_sort(heavy.begin(), heavy.begin() + static_cast<std::ptrdiff_t>(probes),
                    heavy.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; i < probes; ++i) {
    for (std::uint32_t id : term_lists[heavy[i].second]) consider(id, heavy[i].first);
  }
  for (std::uint32_t id : recent) consider(id, 0.0);
  // Stories forgotten (idle too long) are dropped here.
  std::erase_if(cands, [&](std::uint32_t id) {
    return static_cast<double>(now - last_times[id]) > opts.forget_seconds &&
           std::find(recent.begin(), recent.end(), id) == recent.end();
  });
  if (cands.size() > opts.candidates) {
    std::partial_sort(cands.begin(), cands.begin() + static_cast<std::ptrdiff_t>(opts.candidates),
                      cands.end(), [&](std::uint32_t a, std::uint32_t b) {
                        return cand_score[a] != cand_score[b] ? cand_score[a] > cand_score[b]
                                                              : a > b;
                      });
    cands.resize(opts.candidates);
  }

  // Exact scores.
  std::uint32_t best = npos;
  double best_score = 0;
  bool best_confident = false;
  double top_score = 0;  // the best score, whether or not it reached its bar
  const double shortness =
      std::min(1.0, static_cast<double>(vec.size()) / static_cast<double>(opts.short_terms));
  const std::uint32_t previous = recent.empty() ? npos : recent.back();
  std::vector<std::pair<std::uint32_t, double>> qualified;
  for (std::uint32_t id : cands) {
    story_state& st = states[id];
    refresh_norms(st);
    double sim = cosine_with_norm(st.centroid, st.centroid_norm, unorm);
    for (std::size_t m = 0; m < st.members.size(); ++m) {
      sim = std::max(sim, opts.member_weight *
                              cosine_with_norm(st.members[m], st.member_norms[m], unorm));
    }
    const double gap = std::max(0.0, static_cast<double>(now - last_times[id]));
    double score = sim * std::max(opts.decay_floor, std::exp2(-gap / opts.half_life_seconds));
    if (opts.name_bonus > 0 && names.size() >= opts.min_names) {
      // The update has a few names, the story up to thousands: look each one up.
      std::size_t shared = 0;
      for (std::uint64_t h : names) shared += std::binary_search(st.names.begin(), st.names.end(), h);
      // Agreement: + when most of the update's names are the story's, - when most are new.
      score += opts.name_bonus * (static_cast<double>(shared) / static_cast<double>(names.size()) -
                                  opts.name_expect);
    }
    // Foreign: the update names several people, places or organizations and none of those the
    // story keeps naming. It may share topic words with one member (a bridge post mentioning
    // the other event), but it is about something else: its similarity counts less and it gets
    // no lowered bar and no floor.
    bool foreign = false;
    if (opts.foreign_names > 0 && caps.size() >= opts.foreign_names &&
        st.established.size() >= opts.foreign_names) {
      foreign = std::none_of(caps.begin(), caps.end(), [&](std::uint64_t h) {
        return std::binary_search(st.established.begin(), st.established.end(), h);
      });
      if (foreign) score *= opts.foreign_factor;
    }
    if (opts.source_bonus > 0 && !up.source.empty() && st.last_source == source) {
      score += opts.source_bonus;
    }
    // Recently active: among the last `recent_window` stories to receive an update, and not
    // idle for more than recent_seconds.
    bool is_recent = false;
    if (gap <= opts.recent_seconds && !foreign) {
      for (std::size_t r = 0; r < std::min(opts.recent_window, recent.size()); ++r) {
        is_recent |= recent[recent.size() - 1 - r] == id;
      }
    }
    const double usual =
        std::clamp(opts.relative_threshold * cohesion(st), opts.min_threshold, opts.threshold);
    // The story of the last updates gets a lower bar in a stream where updates have tended to
    // follow the one before (headlines of one story in a row), measured on confident joins.
    // A short update carries little evidence either way: its bar is lowered in proportion
    // (a follow-up of six words may share one word with its story, and that is enough).
    double need =
        shortness * (is_recent ? std::max(opts.min_threshold,
                                          usual * (1.0 - opts.continuity_weight * continuity))
                               : usual);
    // A story that has held the floor (every update for solo_seconds, at least
    // solo_min_updates of them) takes the next update unless another story matches it better:
    // in a live feed of one event, a development may share no word with what came before.
    const bool floor = !foreign && id == run_story && run_length >= opts.solo_min_updates &&
                       static_cast<double>(now - run_start) >= opts.solo_seconds;
    if (floor) need = -std::numeric_limits<double>::infinity();
    top_score = std::max(top_score, score);
    if (score >= need) {
      if (score >= opts.threshold) qualified.emplace_back(id, score);
      if (best == npos || score > best_score || (score == best_score && id < best)) {
        best = id;
        best_score = score;
        best_confident = score >= usual;
      }
    }
  }

  if (best == npos) {
    best = create(c, u, now, source);
    assignment.push_back(best);
    scores.push_back(static_cast<float>(std::max(0.0, top_score)));
  } else {
    join(best, c, u, unorm, now, source, best_score);
    states[best].score_sum += best_score;
    ++states[best].joins;
    stream_cohesion += opts.cohesion_rate * (best_score - stream_cohesion);
    if (best_confident) {
      continuity += opts.cohesion_rate * ((best == previous ? 1.0 : 0.0) - continuity);
    }
    assignment.push_back(best);
    scores.push_back(static_cast<float>(best_score));
    // Merge: the update belongs to both, and the two centroids have become alike.
    for (const auto& [other, sc] : qualified) {
      if (other == best || infos[other].updates < opts.merge_min_updates ||
          infos[best].updates < opts.merge_min_updates || find_canonical(other) != other) {
        continue;
      }
      if (cosine_sorted(states[best].centroid, states[other].centroid, *this) >=
          opts.merge_threshold) {
        const std::uint32_t keep = std::min(best, other), gone = std::max(best, other);
        merge(keep, gone);
        best = keep;
      }
    }
  }
  touch_recent(best);
  if (find_canonical(best) == run_story) {
    ++run_length;
  } else {
    run_story = find_canonical(best);
    run_length = 1;
    run_start = now;
  }
  for (vsm::term_id t : touched) dense[t] = 0;
}

void stories::state::join(std::uint32_t id, const vsm::collection& c, std::size_t u,
                          double unorm, std::int64_t now, std::uint32_t source, double score) {
  story_state& st = states[id];
  // The centroid: old mass decays, the member adds its unit vector (weights without IDF).
  const float keep = static_cast<float>(1.0 - opts.centroid_decay);
  const float scale = unorm > 0 ? static_cast<float>(1.0 / unorm) : 0.0f;
  merge_buf.clear();
  std::size_t i = 0, j = 0;
  while (i < st.centroid.size() || j < vec.size()) {
    if (j == vec.size() || (i < st.centroid.size() && st.centroid[i].first < vec[j].first)) {
      merge_buf.emplace_back(st.centroid[i].first, st.centroid[i].second * keep);
      ++i;
    } else if (i == st.centroid.size() || vec[j].first < st.centroid[i].first) {
      merge_buf.emplace_back(vec[j].first, vec[j].second * scale);
      ++j;
    } else {
      merge_buf.emplace_back(vec[j].first, st.centroid[i].second * keep + vec[j].second * scale);
      ++i;
      ++j;
    }
  }
  st.centroid.swap(merge_buf);
  if (st.centroid.size() > 2 * opts.centroid_terms) keep_heaviest(st.centroid, opts.centroid_terms);
  // The recent members.
  std::vector<entry> m(vec.begin(), vec.end());
  keep_heaviest(m, opts.member_terms);
  if (st.members.size() < opts.recent_members) {
    st.members.push_back(std::move(m));
  } else {
    st.members[st.next_member] = std::move(m);
    st.next_member = (st.next_member + 1) % opts.recent_members;
  }
  // Names; a capitalized name the story had already seen is now established.
  for (std::uint64_t h : caps) {
    if (std::binary_search(st.names.begin(), st.names.end(), h)) {
      auto at = std::lower_bound(st.established.begin(), st.established.end(), h);
      if ((at == st.established.end() || *at != h) && st.established.size() < opts.centroid_terms) {
        st.established.insert(at, h);
      }
    }
  }
  std::vector<std::uint64_t> all;
  all.reserve(st.names.size() + names.size());
  std::set_union(st.names.begin(), st.names.end(), names.begin(), names.end(),
                 std::back_inserter(all));
  if (all.size() <= 4 * opts.centroid_terms) st.names.swap(all);
  // The record.
  story_info& info = infos[id];
  const update& up = c.updates()[u];
  info.last_update = u;
  info.last_time = std::max(info.last_time, now);
  last_times[id] = info.last_time;
  info.first_time = std::min(info.first_time, now);
  ++info.updates;
  auto sit = std::lower_bound(st.sources.begin(), st.sources.end(), source);
  const bool new_source = sit == st.sources.end() || *sit != source;
  if (new_source) {
    st.sources.insert(sit, source);
    info.sources = st.sources.size();
  }
  st.last_source = source;
  if (score > st.label_score) {
    st.label_score = static_cast<float>(score);
    info.label_update = u;
    info.label = cut_label(up.text.empty() ? std::string_view(up.title)
                                           : c.text(c.first_sentence_of(u)));
  }
  // The merged record of a canonical story follows its own.
  story_info& mg = st.merged;
  mg.last_update = u;
  mg.last_time = std::max(mg.last_time, now);
  mg.first_time = std::min(mg.first_time, now);
  ++mg.updates;
  mg.label = info.label;
  mg.label_update = info.label_update;
  mg.sources = st.sources.size();
  st.norm_docs = 0;
  if (info.updates <= 8 || info.updates % 4 == 0) post(id);
}

std::uint32_t stories::state::create(const vsm::collection& c, std::size_t u, std::int64_t now,
                                     std::uint32_t source) {
  const auto id = static_cast<std::uint32_t>(infos.size());
  story_info info;
  info.id = id;
  info.first_update = info.last_update = info.label_update = u;
  info.first_time = info.last_time = now;
  last_times.push_back(now);
  info.updates = 1;
  info.sources = 1;
  const update& up = c.updates()[u];
  if (!up.text.empty() && c.first_sentence_of(u) < c.sentence_count() &&
      c.sentence(c.first_sentence_of(u)).update == u) {
    info.label = cut_label(c.text(c.first_sentence_of(u)));
  } else {
    info.label = cut_label(up.title);
  }
  infos.push_back(info);
  story_state st;
  canon.push_back(id);
  st.sources = {source};
  st.last_source = source;
  st.merged = info;
  const double unorm = [&] {
    double n = 0;
    for (const auto& [t, w] : vec) n += (w * idf(t)) * (w * idf(t));
    return std::sqrt(n);
  }();
  const float scale = unorm > 0 ? static_cast<float>(1.0 / unorm) : 0.0f;
  st.centroid = vec;
  for (auto& e : st.centroid) e.second *= scale;
  keep_heaviest(st.centroid, opts.centroid_terms);
  std::vector<entry> m(vec.begin(), vec.end());
  keep_heaviest(m, opts.member_terms);
  st.members.push_back(std::move(m));
  st.names = names;
  states.push_back(std::move(st));
  post(id);
  return id;
}

void stories::state::merge(std::uint32_t keep, std::uint32_t gone) {
  story_state& k = states[keep];
  story_state& g = states[gone];
  canon[gone] = keep;
  k.merged_in.push_back(gone);
  for (std::uint32_t a : g.merged_in) {
    canon[a] = keep;
    k.merged_in.push_back(a);
  }
  g.merged_in.clear();
  // Centroids add up; the members of the two interleave by the ring's order (recent first).
  merge_buf.clear();
  std::size_t i = 0, j = 0;
  while (i < k.centroid.size() || j < g.centroid.size()) {
    if (j == g.centroid.size() || (i < k.centroid.size() && k.centroid[i].first < g.centroid[j].first)) {
      merge_buf.push_back(k.centroid[i++]);
    } else if (i == k.centroid.size() || g.centroid[j].first < k.centroid[i].first) {
      merge_buf.push_back(g.centroid[j++]);
    } else {
      merge_buf.emplace_back(k.centroid[i].first, k.centroid[i].second + g.centroid[j].second);
      ++i;
      ++j;
    }
  }
  k.centroid.swap(merge_buf);
  keep_heaviest(k.centroid, opts.centroid_terms);
  for (auto& m : g.members) {
    if (k.members.size() < opts.recent_members) {
      k.members.push_back(std::move(m));
    } else {
      k.members[k.next_member] = std::move(m);
      k.next_member = (k.next_member + 1) % opts.recent_members;
    }
  }
  g.members.clear();
  std::vector<std::uint64_t> all;
  std::set_union(k.names.begin(), k.names.end(), g.names.begin(), g.names.end(),
                 std::back_inserter(all));
  k.names.swap(all);
  all.clear();
  std::set_union(k.established.begin(), k.established.end(), g.established.begin(),
                 g.established.end(), std::back_inserter(all));
  k.established.swap(all);
  std::vector<std::uint32_t> src;
  std::set_union(k.sources.begin(), k.sources.end(), g.sources.begin(), g.sources.end(),
                 std::back_inserter(src));
  k.sources.swap(src);
  story_info& mk = k.merged;
  const story_info& mg = g.merged;
  mk.first_update = std::min(mk.first_update, mg.first_update);
  mk.last_update = std::max(mk.last_update, mg.last_update);
  mk.first_time = std::min(mk.first_time, mg.first_time);
  mk.last_time = std::max(mk.last_time, mg.last_time);
  mk.updates += mg.updates;
  k.score_sum += g.score_sum;
  k.joins += g.joins;
  mk.sources = k.sources.size();
  // The kept story's live record now moves with the merged one (later updates join it), so its
  // last time must cover the alias's too, or the gap decay would treat it as older than it is.
  infos[keep].last_time = std::max(infos[keep].last_time, infos[gone].last_time);
  last_times[keep] = infos[keep].last_time;
  ++merges;
  k.norm_docs = 0;
  auto it = std::find(recent.begin(), recent.end(), gone);
  if (it != recent.end()) recent.erase(it);
  post(keep);
}

stories::stories(std::unique_ptr<state> s) : s_(std::move(s)) {}
stories::stories(stories&&) noexcept = default;
stories& stories::operator=(stories&&) noexcept = default;
stories::~stories() = default;

result<stories> stories::create(const story_options& o) {
  if (auto st = validate(o); !st) return st;
  return stories(std::make_unique<state>(o));
}

void stories::on_add(const engine& e, const sentence_range& added) {
  s_->add(e.collection(), added.update);
}

void stories::add(const vsm::collection& c, std::size_t u) { s_->add(c, u); }

std::size_t stories::assigned() const noexcept { return s_->assignment.size(); }

std::uint32_t stories::story_of(std::size_t u) const noexcept {
  return u < s_->assignment.size() ? s_->assignment[u] : npos;
}

float stories::score_of(std::size_t u) const noexcept {
  return u < s_->scores.size() ? s_->scores[u] : 0.0f;
}

std::size_t stories::size() const noexcept { return s_->infos.size(); }

const story_info& stories::story(std::uint32_t id) const { return s_->infos[id]; }

std::uint32_t stories::canonical(std::uint32_t id) const noexcept {
  return id < s_->states.size() ? s_->find_canonical(id) : id;
}

const story_info& stories::merged(std::uint32_t id) const {
  return s_->states[s_->find_canonical(id)].merged;
}

std::vector<std::uint32_t> stories::aliases(std::uint32_t id) const {
  const std::uint32_t k = s_->find_canonical(id);
  std::vector<std::uint32_t> out{k};
  const auto& in = s_->states[k].merged_in;
  out.insert(out.end(), in.begin(), in.end());
  return out;
}

std::vector<std::uint32_t> stories::largest(std::size_t k) const {
  std::vector<std::uint32_t> ids;
  for (std::uint32_t id = 0; id < s_->states.size(); ++id) {
    if (s_->canon[id] == id) ids.push_back(id);
  }
  const std::size_t n = std::min(k, ids.size());
  std::partial_sort(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(n), ids.end(),
                    [&](std::uint32_t a, std::uint32_t b) {
                      const auto ua = s_->states[a].merged.updates, ub = s_->states[b].merged.updates;
                      return ua != ub ? ua > ub : a < b;
                    });
  ids.resize(n);
  return ids;
}

std::size_t stories::merges() const noexcept { return s_->merges; }

const story_options& stories::config() const noexcept { return s_->opts; }

}  // namespace sitrep::stream
