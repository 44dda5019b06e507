#include "sitrep/report/report.hpp"

#include <algorithm>
#include <map>

#include "sitrep/text/tokenizer.hpp"

namespace sitrep::report {
namespace {

// Folds runs of white space (including newlines inside a sentence) to single spaces.
std::string fold_space(std::string_view s) {
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

}  // namespace

std::vector<cited_sentence> cite(const vsm::collection& c, const rank::summary& s) {
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
    out.push_back(std::move(cs));
  }
  return out;
}

situation_report build_report(const vsm::collection& c, const rank::summary& headline) {
  situation_report r;
  r.method = headline.method;
  r.headline = cite(c, headline);
  r.notes = headline.notes;
  r.updates = c.updates().size();
  r.sentences = c.sentence_count();

  std::map<std::string, std::size_t> by_source;
  const update* first = nullptr;
  const update* last = nullptr;
  for (const update& u : c.updates()) {
    if (u.text.empty()) ++r.updates_without_text;
    ++by_source[u.source.empty() ? "(unknown)" : u.source];
    if (r.inputs.empty() || r.inputs.back() != u.origin) {
      if (std::find(r.inputs.begin(), r.inputs.end(), u.origin) == r.inputs.end())
        r.inputs.push_back(u.origin);
    }
    if (u.unix_time) {
      if (!first || *u.unix_time < *first->unix_time) first = &u;
      if (!last || *u.unix_time > *last->unix_time) last = &u;
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

}  // namespace sitrep::report
