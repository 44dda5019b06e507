#include "sitrep/report/report.hpp"

#include <algorithm>
#include <map>

#include "fold_space.hpp"
#include "sitrep/stream/engine.hpp"
#include "sitrep/text/tokenizer.hpp"

namespace sitrep::report {

std::string detail::fold_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char ch : s) {
    if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v') {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(ch);
    }
  }
  return out;
}

namespace {

using detail::fold_space;

// Who carried sentence `s`'s fact: the members of its repeat group that the view's stream had
// by the view's end.
repeat_info carriers(const stream::view& v, std::size_t s) {
  const vsm::collection& c = v.collection();
  repeat_info info;
  const stream::repeats* r = v.repeat_groups();
  std::vector<std::size_t> updates;
  if (r && s < r->size()) {
    for (std::uint32_t m = r->group(s); m != stream::repeats::npos; m = r->next_member(m)) {
      const std::size_t u = c.sentence(m).update;
      if (u >= v.end_update()) break;  // members arrive in order
      if (updates.empty() || updates.back() != u) updates.push_back(u);
    }
  }
  // Members are in arrival order, so `updates` is ascending and each update is listed once.
  if (updates.empty()) updates.push_back(c.sentence(s).update);
  const update* first = &c.updates()[updates.front()];
  info.updates = updates.size();
  info.first_update_id = first->id;
  info.first_time = first->time;
  for (std::size_t u : updates) {
    const std::string& src = c.updates()[u].source;
    if (!src.empty() &&
        std::find(info.sources.begin(), info.sources.end(), src) == info.sources.end())
      info.sources.push_back(src);
  }
  return info;
}

}  // namespace

std::vector<cited_sentence> cite(const vsm::collection& c, const rank::summary& s) {
  return cite(stream::view(c), s);
}

std::vector<cited_sentence> cite(const stream::view& v, const rank::summary& s) {
  const vsm::collection& c = v.collection();
  std::vector<cited_sentence> out;
  out.reserve(s.sentences.size());
  for (const auto& pick : s.sentences) {
    const auto& rec = c.sentence(pick.sentence);
    const update& u = c.updates()[rec.update];
    cited_sentence cs;
    cs.text = fold_space(rank::selected_text(c, pick));
    cs.update_id = u.id;
    cs.time = u.time;
    cs.source = u.source;
    cs.origin = u.origin;
    cs.line = u.line;
    cs.byte_begin = rec.bytes.begin;
    cs.byte_end = pick.truncated_bytes ? rec.bytes.begin + pick.truncated_bytes : rec.bytes.end;
    cs.words = text::count_words(cs.text);
    cs.score = pick.score;
    cs.truncated = pick.truncated_bytes != 0;
    cs.reported = carriers(v, pick.sentence);
    out.push_back(std::move(cs));
  }
  return out;
}

situation_report build_report(const vsm::collection& c, const rank::summary& headline) {
  return build_report(stream::view(c), headline);
}

void add_new_since(situation_report& r, const stream::view& after, std::string since,
                   const rank::summary& s) {
  new_since n;
  n.since = std::move(since);
  n.updates = after.update_count();
  n.sentences = after.sentence_count();
  n.headline = cite(after, s);
  n.notes = s.notes;
  r.since = std::move(n);
}

situation_report build_report(const stream::view& v, const rank::summary& headline) {
  const vsm::collection& c = v.collection();
  situation_report r;
  r.method = headline.method;
  r.headline = cite(v, headline);
  r.notes = headline.notes;
  r.updates = v.update_count();
  r.sentences = v.sentence_count();

  std::map<std::string, std::size_t> by_source;
  const update* first = nullptr;
  const update* last = nullptr;
  if (const stream::engine* e = v.source_engine(); e && v.whole()) {
    // The engine counted as updates arrived: nothing is read again.
    const stream::stream_stats& st = e->stats();
    r.inputs = st.inputs;
    r.updates_without_text = st.without_text;
    for (const auto& [name, n] : st.sources) by_source[name.empty() ? "(unknown)" : name] += n;
    if (st.earliest) first = &c.updates()[*st.earliest];
    if (st.latest) last = &c.updates()[*st.latest];
  } else {
    for (std::size_t i = v.first_update(); i < v.end_update(); ++i) {
      const update& u = c.updates()[i];
      if ((r.inputs.empty() || r.inputs.back() != u.origin) &&
          std::find(r.inputs.begin(), r.inputs.end(), u.origin) == r.inputs.end())
        r.inputs.push_back(u.origin);
      if (u.text.empty()) ++r.updates_without_text;
      ++by_source[u.source.empty() ? "(unknown)" : u.source];
      if (u.unix_time) {
        if (!first || *u.unix_time < *first->unix_time) first = &u;
        if (!last || *u.unix_time > *last->unix_time) last = &u;
      }
    }
  }
  for (auto& [name, n] : by_source) r.sources.push_back({name, n});
  std::stable_sort(r.sources.begin(), r.sources.end(),
                   [](const auto& a, const auto& b) { return a.updates > b.updates; });
  if (first) {
    r.first_time = first->time;
    r.last_time = last->time;
    r.span_seconds = *last->unix_time - *first->unix_time;
  }
  return r;
}

std::vector<story_entry> list_stories(const stream::stories& t, const vsm::collection& c,
                                      std::size_t limit) {
  std::vector<story_entry> out;
  for (std::uint32_t id : t.largest(std::min(limit, t.size()))) {
    const stream::story_info& m = t.merged(id);
    story_entry e;
    e.id = id;
    for (std::uint32_t a : t.aliases(id))
      if (a != id) e.aliases.push_back(a);
    e.label = fold_space(m.label);
    e.updates = m.updates;
    e.sources = m.sources;
    const update& first = c.updates()[m.first_update];
    const update& last = c.updates()[m.last_update];
    e.first_update_id = first.id;
    e.last_update_id = last.id;
    e.first_time = first.time;
    e.last_time = last.time;
    out.push_back(std::move(e));
  }
  return out;
}

std::vector<timeline_item> timeline_items(const vsm::collection& c,
                                          std::span<const timeline::timeline_entry> entries) {
  std::vector<timeline_item> out;
  out.reserve(entries.size());
  for (const auto& k : entries) {
    timeline_item t;
    t.update_id = k.update < c.updates().size() ? c.updates()[k.update].id : std::string();
    t.time = k.time;
    t.text = fold_space(k.text);
    t.score = k.score;
    t.sources = k.sources;
    out.push_back(std::move(t));
  }
  return out;
}

void count_stories(situation_report& r, const stream::stories& t) {
  r.stream_updates = t.assigned();
  r.stream_stories = t.size() - t.merges();
}

}  // namespace sitrep::report
