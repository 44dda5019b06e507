#include "sitrep/report/facts_sections.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "fold_space.hpp"

namespace sitrep::report {
namespace {

bool in(std::span<const std::size_t> positions, std::size_t u) {
  return std::binary_search(positions.begin(), positions.end(), u);
}

// The bytes `s` of `text`, with runs of white space folded (empty when out of range).
std::string slice(std::string_view text, text::byte_span s) {
  if (s.begin >= s.end || s.end > text.size()) return {};
  return detail::fold_space(text.substr(s.begin, s.end - s.begin));
}

std::string number(double v) {
  if (std::abs(v - std::round(v)) < 1e-9 && std::abs(v) < 1e15) {
    return fmt::format("{}", static_cast<long long>(std::llround(v)));
  }
  return fmt::format("{:g}", v);
}

// "130", "about 300", "at least 20", "up to 50", "50-60".
std::string value_text(const facts::series_step& s) {
  switch (s.qualifier) {
    case facts::qualifier::at_least: return "at least " + number(s.value);
    case facts::qualifier::at_most: return "up to " + number(s.value);
    case facts::qualifier::approx: return "about " + number(s.value);
    case facts::qualifier::range:
      return s.high ? number(s.value) + "-" + number(*s.high) : number(s.value);
    case facts::qualifier::exact: break;
  }
  return number(s.value);
}

// What a figure counted, as a short noun phrase: the counted words as written, without a
// leading "of (the)" and cut before the first verb or clause word ("of the men are forensic
// experts" -> "men", "U.S. citizens are among" -> "U.S. citizens"), at most five words.
std::string counted_phrase(std::string_view written) {
  static constexpr std::string_view kStops[] = {
      "are", "is", "were", "was", "be", "been", "have", "has", "had", "who", "which", "that",
      "from", "in", "at", "on", "to", "with", "by", "for", "after", "since", "as", "and", "or",
      "among", "during", "into", "will", "would", "could", "may", "might", "said", "says"};
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < written.size()) {
    while (i < written.size() && (written[i] == ' ' || written[i] == '\n' || written[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < written.size() && written[j] != ' ' && written[j] != '\n' && written[j] != '\t') ++j;
    if (j > i) words.push_back(written.substr(i, j - i));
    i = j;
  }
  std::size_t first = 0;
  while (first < words.size() && (words[first] == "of" || words[first] == "the" ||
                                  words[first] == "Of" || words[first] == "The"))
    ++first;
  std::string out;
  for (std::size_t w = first; w < words.size() && w < first + 5; ++w) {
    if (std::find(std::begin(kStops), std::end(kStops), words[w]) != std::end(kStops)) break;
    if (!out.empty()) out += ' ';
    out += words[w];
  }
  while (!out.empty() && (out.back() == ',' || out.back() == '.' || out.back() == ';' ||
                          out.back() == ':'))
    out.pop_back();
  return out;
}

// "killed (death toll)", "freed (U.S. citizens)", "money": the category, then what the first
// figure counted.
std::string series_label(const facts::figure_series& fs) {
  std::string label(facts::to_string(fs.category));
  std::replace(label.begin(), label.end(), '_', ' ');
  const std::string what = counted_phrase(fs.label);
  if (!what.empty() && what != label) label += " (" + what + ")";
  return label;
}

void add_figures(situation_report& r, const stream::engine& e,
                 std::span<const std::size_t> positions, const fact_observers& f,
                 std::size_t limit) {
  if (!f.series) return;
  const auto& updates = e.collection().updates();
  for (std::size_t id : f.series->of_updates(positions, limit)) {
    const facts::figure_series& fs = f.series->all()[id];
    key_figure k;
    k.label = series_label(fs);
    for (std::size_t i = 0; i < fs.steps.size(); ++i) {
      const facts::series_step& s = fs.steps[i];
      if (!in(positions, s.update) || s.update >= updates.size()) continue;
      figure_step st;
      st.value = value_text(s);
      // A vague quantity reads as written ("scores", "dozens", "about a dozen"), not as the
      // number that stands for it ("about 20").
      if (s.qualifier == facts::qualifier::approx && f.figures && s.figure < f.figures->all().size()) {
        const std::string& text = updates[s.update].text;
        std::string written = slice(text, f.figures->all()[s.figure].surface);
        if (!written.empty() && std::none_of(written.begin(), written.end(), [](char c) {
              return c >= '0' && c <= '9';
            })) {
          st.value = std::move(written);
          for (char& c : st.value) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
      }
      st.source = s.source;
      st.update_id = updates[s.update].id;
      st.time = updates[s.update].time;
      st.conflict = std::any_of(fs.conflicts.begin(), fs.conflicts.end(), [&](const auto& c) {
        return c.second == i && in(positions, fs.steps[c.first].update);
      });
      k.history.push_back(std::move(st));
    }
    if (!k.history.empty()) r.key_figures.push_back(std::move(k));
  }
}

// Who the sentence `sentence` of update `u` names as its speaker, when an attribution says.
std::string speaker_of(const facts::statements_observer& s, std::string_view text, std::size_t u,
                       text::byte_span sentence) {
  for (const auto& a : s.attributions_of(u)) {
    if (a.sentence.begin != sentence.begin) continue;
    if (a.speaker) return slice(text, *a.speaker);
    if (a.source) return slice(text, *a.source);
  }
  return {};
}

void add_claims(situation_report& r, const stream::engine& e,
                std::span<const std::size_t> positions, const facts::statements_observer& s,
                std::size_t limit) {
  const auto& updates = e.collection().updates();
  std::vector<claim_item> open, settled;
  for (const facts::claim& c : s.claims()) {
    if (!in(positions, c.update) || c.update >= updates.size() || c.history.empty()) continue;
    const update& first = updates[c.update];
    claim_item it;
    it.text = slice(first.text, c.sentence);
    if (it.text.empty()) continue;
    it.update_id = first.id;
    it.time = first.time;
    it.source = speaker_of(s, first.text, c.update, c.sentence);
    facts::verification latest = c.history.front().status;
    for (const auto& m : s.marks_of(c.history.front().update)) {
      if (m.claim.begin == c.sentence.begin || m.sentence.begin == c.history.front().sentence.begin) {
        it.cue = slice(updates[c.history.front().update].text, m.cue);
        break;
      }
    }
    for (std::size_t h = 1; h < c.history.size(); ++h) {
      const auto& ch = c.history[h];
      if (!in(positions, ch.update) || ch.update >= updates.size()) continue;
      const update& u = updates[ch.update];
      claim_item::change x;
      x.status = std::string(facts::to_string(ch.status));
      x.text = slice(u.text, ch.sentence);
      x.source = speaker_of(s, u.text, ch.update, ch.sentence);
      if (x.source.empty()) x.source = u.source;
      x.update_id = u.id;
      x.time = u.time;
      it.changes.push_back(std::move(x));
      latest = ch.status;
    }
    it.status = std::string(facts::to_string(latest));
    (latest == facts::verification::confirmed ? settled : open).push_back(std::move(it));
  }
  // The latest first: claims are listed in stream order.
  std::reverse(open.begin(), open.end());
  std::reverse(settled.begin(), settled.end());
  for (auto* part : {&open, &settled}) {
    for (auto& it : *part) {
      if (r.unconfirmed.size() == limit) return;
      r.unconfirmed.push_back(std::move(it));
    }
  }
}

bool named(std::string_view who) {
  return std::any_of(who.begin(), who.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }) &&
         who != "He" && who != "She" && who != "They" && who != "It" && who != "We" && who != "I";
}

void add_statements(situation_report& r, const stream::engine& e,
                    std::span<const std::size_t> positions, const facts::statements_observer& s,
                    std::size_t limit) {
  const auto& updates = e.collection().updates();
  std::vector<statement_item> got;
  std::unordered_set<std::string> seen;
  // The latest first, reading back from the end until enough are found.
  for (auto p = positions.rbegin(); p != positions.rend() && got.size() < 4 * limit; ++p) {
    if (*p >= updates.size()) continue;
    const update& u = updates[*p];
    for (const auto& a : s.attributions_of(*p)) {
      statement_item it;
      it.speaker = a.speaker ? slice(u.text, *a.speaker) : a.source ? slice(u.text, *a.source) : "";
      if (it.speaker.empty()) continue;
      it.cue = slice(u.text, a.cue);
      // What was said (the content) when it is most of the sentence, else the whole sentence:
      // a short content is often a trailing clause ("..., Reuters are reporting").
      const std::string sentence = slice(u.text, a.sentence);
      it.text = slice(u.text, a.content);
      if (2 * it.text.size() < sentence.size()) it.text = sentence;
      if (sentence.empty() || !seen.insert(sentence).second) continue;
      it.update_id = u.id;
      it.time = u.time;
      got.push_back(std::move(it));
    }
  }
  std::stable_partition(got.begin(), got.end(),
                        [](const statement_item& it) { return named(it.speaker); });
  if (got.size() > limit) got.resize(limit);
  r.said = std::move(got);
}

void add_entities(situation_report& r, std::span<const std::size_t> positions,
                  const facts::entities_observer& ents, std::size_t limit) {
  for (std::size_t id : ents.top(positions, limit)) {
    const facts::entity& en = ents.all()[id];
    entity_item it;
    it.name = en.name;
    it.type = std::string(facts::to_string(en.type));
    for (const auto& m : en.mentions) it.mentions += in(positions, m.update);
    r.involved.push_back(std::move(it));
  }
}

}  // namespace

void add_facts(situation_report& r, const stream::engine& e,
               std::span<const std::size_t> positions, const fact_observers& f,
               const fact_limits& limits) {
  add_figures(r, e, positions, f, limits.figures);
  if (f.statements) {
    add_claims(r, e, positions, *f.statements, limits.claims);
    add_statements(r, e, positions, *f.statements, limits.statements);
  }
  if (f.entities) add_entities(r, positions, *f.entities, limits.entities);
}

}  // namespace sitrep::report
