// series.cpp — figures grouped into series by story and by what they count; steps in time
// order, repeats collapsed, conflicts between sources listed.
#include "sitrep/facts/series.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include "word_in.hpp"

namespace sitrep::facts {

namespace {

using sv = std::string_view;

using detail::in;

bool people_category(category c) {
  switch (c) {
    case category::killed:
    case category::injured:
    case category::missing:
    case category::hostages:
    case category::freed:
    case category::arrested:
    case category::displaced:
    case category::affected: return true;
    default: return false;
  }
}

// Words after which the counted noun phrase has ended.
bool stop_word(sv w) {
  if (in(w, {"are", "is", "were", "was", "been", "be", "being", "had", "has", "have", "will",
             "would", "could", "can", "may", "might", "must", "should", "said", "says", "say",
             "from", "in", "at", "on", "to", "by", "with", "for", "after", "since", "during",
             "into", "across", "near", "among", "including", "than", "per", "that", "who",
             "which", "and", "or", "but", "as", "while", "when", "where", "because", "still",
             "now", "so", "far", "also", "not", "according", "reportedly", "remain", "remained",
             "altogether", "total", "overall", "all", "each", "apiece"}))
    return true;
  return false;
}

// A participle ends the phrase when what follows is no noun of it: "hostages freed from",
// "people killed", "residents fleeing the floods"; not "elite armed French police officers".
bool participle_stop(sv w, sv next) {
  const bool participle = (w.size() > 3 && w.ends_with("ed") && !in(w, {"hundred", "need", "seed", "speed", "feed"})) ||
                          (w.size() > 5 && w.ends_with("ing"));
  return participle && (next.empty() || stop_word(next) ||
                        in(next, {"the", "a", "an", "their", "his", "her", "its", "of"}));
}

// Words that open a counted phrase without being its noun ("of the men", "more people").
bool lead_word(sv w) {
  return in(w, {"of", "the", "a", "an", "more", "other", "others", "additional", "some",
                "those", "these", "their", "its", "his", "her", "our", "further", "extra",
                "new", "another"});
}

std::string singular(std::string w) {
  if (w == "people" || w == "police" || w == "personnel" || w == "staff" || w == "crew") return w;
  if (w == "lives") return "life";
  if (w == "men") return "man";
  if (w == "women") return "woman";
  if (w == "children") return "child";
  if (w.size() > 4 && w.ends_with("ies")) return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 3 && w.back() == 's' && !w.ends_with("ss") && !w.ends_with("us")) w.pop_back();
  return w;
}

}  // namespace

std::string series_head(std::string_view counted, category c) {
  // Words of the phrase: letters, digits and inner full stops/hyphens; lowercased, full stops
  // dropped ("U.S." -> "us"), with whether each was capitalized.
  struct word {
    std::string low;
    bool cap = false;
  };
  std::vector<word> words;
  std::size_t i = 0;
  while (i < counted.size() && words.size() < 12) {
    const auto ch = static_cast<unsigned char>(counted[i]);
    const bool word_char = std::isalnum(ch) || ch >= 0x80;
    if (!word_char) {
      ++i;
      continue;
    }
    word w;
    w.cap = ch >= 'A' && ch <= 'Z';
    while (i < counted.size()) {
      const auto d = static_cast<unsigned char>(counted[i]);
      if (std::isalnum(d) || d >= 0x80 || d == '-' || d == '\'') {
        w.low.push_back(static_cast<char>(d >= 'A' && d <= 'Z' ? d | 0x20 : d));
      } else if (d != '.') {
        break;
      }
      ++i;
    }
    while (!w.low.empty() && (w.low.back() == '-' || w.low.back() == '\'')) w.low.pop_back();
    if (!w.low.empty()) words.push_back(std::move(w));
  }
  std::size_t b = 0;
  while (b < words.size() && lead_word(words[b].low)) ++b;
  std::size_t e = b;
  while (e < words.size() && !stop_word(words[e].low) &&
         !std::isdigit(static_cast<unsigned char>(words[e].low[0])) &&
         !participle_stop(words[e].low, e + 1 < words.size() ? sv(words[e + 1].low) : sv{}) &&
         !(e > b && in(words[e].low, {"of", "a", "an", "the"})))
    ++e;
  std::string head;
  if (e > b) {
    head = singular(words[e - 1].low);
    if (e - 1 > b && words[e - 2].cap) head = words[e - 2].low + " " + head;
  }
  if (people_category(c) &&
      (head.empty() || in(head, {"people", "person", "victim", "dead", "death", "body",
                                 "fatality", "life", "casualty", "toll", "death toll", "individual"})))
    return "people";
  // "death toll" after a capitalized word is still the toll.
  if (people_category(c) && (head.ends_with(" toll") || head.ends_with(" people"))) return "people";
  return head;
}

status validate(const series_options& o) {
  if (!(o.conflict_window_seconds > 0) || !(o.recency_half_life_seconds > 0))
    return invalid_argument("series: conflict_window_seconds and recency_half_life_seconds must be > 0");
  if (o.conflict_scan == 0) return invalid_argument("series: conflict_scan must be >= 1");
  if (!(o.recency_floor >= 0 && o.recency_floor <= 1))
    return invalid_argument("series: recency_floor must be in [0, 1]");
  for (double w : o.weights)
    if (!(w >= 0) || !std::isfinite(w)) return invalid_argument("series: weights must be >= 0");
  return status::ok();
}

result<series> series::create(const figures_observer& figures, const stream::stories* stories,
                              const series_options& o) {
  if (status s = validate(o); !s) return s;
  return series(figures, stories, o);
}

void series::on_add(const stream::engine& e, const stream::sentence_range& added) {
  const auto& updates = e.collection().updates();
  if (added.update >= updates.size()) return;
  const auto& u = updates[added.update];
  std::uint32_t story = 0;
  if (stories_) {
    const std::uint32_t s = stories_->story_of(added.update);
    story = s == stream::stories::npos ? 0 : stories_->canonical(s);
  }
  const std::int64_t time = u.unix_time ? *u.unix_time : static_cast<std::int64_t>(added.update);
  add(added.update, story, time, u.source, u.text);
}

namespace {

struct interval {
  double lo, hi;
};

interval span_of(const series_step& s) {
  const double inf = std::numeric_limits<double>::infinity();
  switch (s.qualifier) {
    case qualifier::exact: return {s.value, s.value};
    case qualifier::at_least: return {s.value, inf};
    case qualifier::at_most: return {0, s.value};
    case qualifier::approx: return {s.value * 0.9, s.value * 1.1};
    case qualifier::range: return {s.value, s.high.value_or(s.value)};
  }
  return {s.value, s.value};
}

bool disagree(const series_step& a, const series_step& b) {
  const interval x = span_of(a), y = span_of(b);
  return x.hi < y.lo || y.hi < x.lo;
}

bool same_value(const series_step& a, const series_step& b) {
  return a.value == b.value && a.high == b.high && a.qualifier == b.qualifier;
}

std::string normalized_source(sv s) {
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c >= 0x80) out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c));
    else if (!out.empty() && out.back() != ' ') out.push_back(' ');
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  // "the governor" and "governor" are one party.
  for (sv lead : {"the ", "a ", "an "})
    if (sv(out).starts_with(lead)) out.erase(0, lead.size());
  return out;
}

bool gave(const series_step& s, sv key) {
  return std::find(s.source_keys.begin(), s.source_keys.end(), key) != s.source_keys.end();
}

}  // namespace

void series::add_step(figure_series& fs, series_step step) {
  auto& steps = fs.steps;
  // After every step at or before its time (stable: text order within an update).
  auto pos = std::upper_bound(steps.begin(), steps.end(), step.time,
                              [](std::int64_t t, const series_step& s) { return t < s.time; });
  const auto p = static_cast<std::size_t>(pos - steps.begin());
  if (p > 0 && same_value(steps[p - 1], step)) {
    auto& prev = steps[p - 1];
    ++prev.reports;
    if (!step.source_keys.empty() && !gave(prev, step.source_keys.front())) {
      prev.sources.push_back(step.source);
      prev.source_keys.push_back(step.source_keys.front());
    }
    prev.hedged = prev.hedged && step.hedged;
    return;
  }
  steps.insert(pos, std::move(step));
  if (p + 1 < steps.size())
    for (auto& c : fs.conflicts) {
      if (c.first >= p) ++c.first;
      if (c.second >= p) ++c.second;
    }
  const series_step& y = steps[p];
  if (y.source_keys.empty()) return;
  const std::string& ys = y.source_keys.front();
  // Steps within the window on either side, from another known source, still that source's
  // latest word at the later of the two: walking away from the new step, `between` holds the
  // sources of the steps passed (a source among them has corrected itself since).
  const double w = opts_.conflict_window_seconds;
  std::vector<std::string_view> between;
  auto passed = [&](const series_step& x) {
    for (const auto& k : x.source_keys) between.push_back(k);
  };
  auto seen = [&](sv k) { return std::find(between.begin(), between.end(), k) != between.end(); };
  for (std::size_t q = p, n = 0; q-- > 0 && n < opts_.conflict_scan; ++n) {
    const series_step& x = steps[q];
    if (static_cast<double>(y.time - x.time) > w) break;
    if (!x.source_keys.empty() && !gave(x, ys) && disagree(x, y)) {
      bool corrected = false;
      for (const auto& k : x.source_keys) corrected = corrected || seen(k);
      if (!corrected) fs.conflicts.emplace_back(q, p);
    }
    passed(x);
  }
  // Later steps (an update stamped before them): the new step is the earlier of each pair.
  between.clear();
  for (std::size_t q = p + 1, n = 0; q < steps.size() && n < opts_.conflict_scan; ++q, ++n) {
    const series_step& x = steps[q];
    if (static_cast<double>(x.time - y.time) > w) break;
    if (seen(ys)) break;  // the new step's source has spoken again since
    if (!x.source_keys.empty() && !gave(x, ys) && disagree(x, y)) fs.conflicts.emplace_back(p, q);
    passed(x);
  }
}

void series::add(std::size_t u, std::uint32_t story, std::int64_t time, std::string_view publisher,
                 std::string_view text) {
  if (of_update_.size() > u) return;  // seen already
  of_update_.resize(u + 1);
  const auto figs = figures_->of_update(u);
  const std::size_t base = figs.empty() ? 0 : static_cast<std::size_t>(figs.data() - figures_->all().data());
  for (std::size_t i = 0; i < figs.size(); ++i) {
    const figure& f = figs[i];
    auto piece = [&](text::byte_span s) {
      return s.begin <= s.end && s.end <= text.size() ? text.substr(s.begin, s.end - s.begin) : sv{};
    };
    const std::string head = series_head(piece(f.counted), f.category);
    std::string key = std::to_string(story);
    key += '|';
    key += to_string(f.category);
    key += '|';
    key += head;
    // Nothing says what an amount or quantity counts ("$2bn in the past month"): it is a
    // series of its own, not a step of every other amount of the story.
    if (head.empty()) {
      key += '#';
      key += std::to_string(base + i);
    }
    auto [it, fresh] = by_key_.try_emplace(std::move(key), series_.size());
    if (fresh) {
      figure_series fs;
      fs.story = story;
      fs.category = f.category;
      fs.head = head;
      fs.label = std::string(piece(f.counted));
      series_.push_back(std::move(fs));
      by_story_[story].push_back(it->second);
    }
    const std::size_t id = it->second;
    figure_series& fs = series_[id];
    series_step st;
    st.value = f.value;
    st.high = f.high;
    st.qualifier = f.qualifier;
    st.hedged = f.hedged;
    st.source = f.source ? std::string(piece(*f.source)) : std::string(publisher);
    if (!st.source.empty()) {
      std::string k = normalized_source(st.source);
      if (!k.empty()) {
        st.sources.push_back(st.source);
        st.source_keys.push_back(std::move(k));
      }
    }
    st.update = u;
    st.figure = base + i;
    st.time = time;
    ++fs.figures;
    auto& ids = of_update_[u];
    if (std::find(ids.begin(), ids.end(), static_cast<std::uint32_t>(id)) == ids.end()) {
      ids.push_back(static_cast<std::uint32_t>(id));
      ++fs.updates;
    }
    fs.last_update = u;
    add_step(fs, std::move(st));
  }
}

double series::importance(std::size_t id, std::int64_t now) const {
  if (id >= series_.size()) return 0;
  const figure_series& fs = series_[id];
  const double weight = opts_.weights[static_cast<std::size_t>(fs.category)];
  std::int64_t last = std::numeric_limits<std::int64_t>::min();
  for (const auto& s : fs.steps) last = std::max(last, s.time);
  const double age = std::max<double>(0, static_cast<double>(now - last));
  const double recency = std::max(opts_.recency_floor, std::pow(0.5, age / opts_.recency_half_life_seconds));
  return weight * (1.0 + std::log(1.0 + static_cast<double>(fs.updates))) * recency;
}

std::vector<std::size_t> series::rank(std::vector<std::size_t> ids, std::size_t k) const {
  std::int64_t now = std::numeric_limits<std::int64_t>::min();
  for (std::size_t id : ids)
    for (const auto& s : series_[id].steps) now = std::max(now, s.time);
  std::vector<std::pair<double, std::size_t>> scored;
  scored.reserve(ids.size());
  for (std::size_t id : ids) scored.emplace_back(importance(id, now), id);
  const std::size_t n = std::min(k, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(n), scored.end(),
                    [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  std::vector<std::size_t> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) out.push_back(scored[i].second);
  return out;
}

std::vector<std::size_t> series::of_story(std::uint32_t story, std::size_t k) const {
  // The story's aliases too: series begun before two stories merged stay under the old id.
  std::vector<std::uint32_t> ids{story};
  if (stories_ && story < stories_->size()) ids = stories_->aliases(stories_->canonical(story));
  std::vector<std::size_t> found;
  for (std::uint32_t s : ids)
    if (auto it = by_story_.find(s); it != by_story_.end()) found.insert(found.end(), it->second.begin(), it->second.end());
  return rank(std::move(found), k);
}

std::vector<std::size_t> series::of_updates(std::span<const std::size_t> positions, std::size_t k) const {
  std::vector<std::size_t> ids;
  for (std::size_t u : positions)
    if (u < of_update_.size())
      for (std::uint32_t id : of_update_[u]) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return rank(std::move(ids), k);
}

}  // namespace sitrep::facts
