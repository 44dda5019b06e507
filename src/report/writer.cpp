#include "sitrep/report/writer.hpp"

#include <fmt/format.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "sitrep/core/utf8.hpp"

namespace sitrep::report {
namespace {

std::string duration(std::int64_t s) {
  if (s < 60) return fmt::format("{} s", s);
  std::int64_t m = s / 60, h = m / 60, d = h / 24;
  if (d > 0) return fmt::format("{} d {} h", d, h % 24);
  if (h > 0) return fmt::format("{} h {} min", h, m % 60);
  return fmt::format("{} min", m);
}

nlohmann::json to_json(const cited_sentence& s) {
  return {{"text", s.text},         {"update_id", s.update_id}, {"time", s.time},
          {"source", s.source},     {"origin", s.origin},       {"line", s.line},
          {"byte_begin", s.byte_begin}, {"byte_end", s.byte_end}, {"words", s.words},
          {"score", s.score},       {"truncated", s.truncated},
          {"reported", {{"updates", s.reported.updates},
                        {"sources", s.reported.sources},
                        {"first_update_id", s.reported.first_update_id},
                        {"first_time", s.reported.first_time}}}};
}

// "reported by 3 sources: Reuters, AFP, BBC" or "reported in 2 updates"; empty when the
// sentence's fact came in one update only.
std::string reported_line(const repeat_info& r) {
  if (r.updates < 2) return {};
  if (r.sources.size() >= 2) {
    constexpr std::size_t kNamed = 5;
    std::string names;
    for (std::size_t i = 0; i < r.sources.size() && i < kNamed; ++i)
      names += (i ? ", " : "") + r.sources[i];
    if (r.sources.size() > kNamed) names += fmt::format(" and {} more", r.sources.size() - kNamed);
    return fmt::format("reported by {} sources: {}", r.sources.size(), names);
  }
  return fmt::format("reported in {} updates", r.updates);
}

std::string text_bullets(const std::vector<cited_sentence>& sentences) {
  std::string out;
  for (const auto& s : sentences) {
    out += "  * " + printable(s.text);
    if (auto rep = reported_line(s.reported); !rep.empty()) out += " [" + printable(rep) + "]";
    out += "\n";
  }
  return out;
}

nlohmann::json since_json(const situation_report& r) {
  if (!r.since) return nullptr;
  nlohmann::json j = {{"since", r.since->since},
                      {"updates", r.since->updates},
                      {"sentences", r.since->sentences},
                      {"headline", nlohmann::json::array()},
                      {"notes", r.since->notes}};
  for (const auto& s : r.since->headline) j["headline"].push_back(to_json(s));
  return j;
}

std::string since_title(const new_since& n) {
  return fmt::format("New since {} ({} {})", n.since, n.updates,
                     n.updates == 1 ? "update" : "updates");
}

std::string sources_line(const situation_report& r) {
  std::string out;
  for (const auto& s : r.sources)
    out += fmt::format("{}{} ({})", out.empty() ? "" : ", ", s.source, s.updates);
  return out;
}

std::string span_line(const situation_report& r) {
  if (!r.span_seconds) return "unknown (no update carries a time)";
  return fmt::format("{} to {} ({})", r.first_time, r.last_time, duration(*r.span_seconds));
}

// JSON text; ill-formed UTF-8 (which the readers never let in) becomes U+FFFD instead of an
// exception out of a writer.
std::string dump(const nlohmann::json& j, output_format format) {
  const int indent = format == output_format::json_lines ? -1 : 2;
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

// Markdown-escapes the characters that would start formatting inside a bullet; the result is
// printable().
std::string md_escape(std::string_view raw) {
  const std::string s = printable(raw);
  std::string out;
  for (char ch : s) {
    if (ch == '*' || ch == '_' || ch == '`' || ch == '[' || ch == ']' || ch == '<' || ch == '\\')
      out.push_back('\\');
    out.push_back(ch);
  }
  return out;
}

std::string citation(const cited_sentence& s) {
  std::string who = s.source.empty() ? s.update_id : s.source;
  std::string out = s.time.empty() ? who : fmt::format("{}, {}", who, s.time);
  if (auto rep = reported_line(s.reported); !rep.empty()) out += "; " + rep;
  return out;
}

nlohmann::json opt_string(const std::string& s) {
  return s.empty() ? nlohmann::json() : nlohmann::json(s);
}

nlohmann::json facts_json(const situation_report& r);  // below, beside the facts sections

nlohmann::json report_json(const situation_report& r) {
  nlohmann::json j;
  j["method"] = r.method;
  j["story"] = r.story ? nlohmann::json(*r.story) : nlohmann::json();
  j["headline"] = nlohmann::json::array();
  for (const auto& s : r.headline) j["headline"].push_back(to_json(s));
  j["updates"] = r.updates;
  j["sentences"] = r.sentences;
  j["updates_without_text"] = r.updates_without_text;
  j["sources"] = nlohmann::json::array();
  for (const auto& s : r.sources) j["sources"].push_back({{"source", s.source}, {"updates", s.updates}});
  j["time_span"] = {{"first", opt_string(r.first_time)},
                    {"last", opt_string(r.last_time)},
                    {"seconds", r.span_seconds ? nlohmann::json(*r.span_seconds) : nlohmann::json()}};
  j["inputs"] = r.inputs;
  j["notes"] = r.notes;
  j["until"] = opt_string(r.until);
  j["since"] = since_json(r);
  if (r.stream_stories > 0) {
    j["stream"] = {{"updates", r.stream_updates}, {"stories", r.stream_stories}};
  }
  j.update(facts_json(r));
  j["timeline"] = nlohmann::json::array();
  for (const auto& t : r.timeline) {
    j["timeline"].push_back({{"id", t.update_id},
                             {"time", opt_string(t.time)},
                             {"text", t.text},
                             {"score", t.score},
                             {"sources", t.sources}});
  }
  j["stories"] = nlohmann::json::array();
  for (const auto& s : r.stories) {
    j["stories"].push_back({{"id", s.id},
                            {"aliases", s.aliases},
                            {"label", s.label},
                            {"updates", s.updates},
                            {"sources", s.sources},
                            {"first_update_id", s.first_update_id},
                            {"last_update_id", s.last_update_id},
                            {"first_time", opt_string(s.first_time)},
                            {"last_time", opt_string(s.last_time)}});
  }
  j["story_reports"] = nlohmann::json::array();
  for (const auto& part : r.story_reports) j["story_reports"].push_back(report_json(part));
  return j;
}

// "Story 3: <label> (12 updates)", or with the stream's total when the report is about one
// story among several: "Story 3: <label> (12 of 40 updates)".
std::string story_title(const situation_report& r) {
  const story_entry* e = nullptr;
  std::size_t total = 0;
  for (const auto& s : r.stories) {
    total += s.updates;
    if (r.story && s.id == *r.story) e = &s;
  }
  if (!r.story) return "Story";
  const std::string label = e ? e->label : std::string();
  if (r.stream_updates > 0) total = r.stream_updates;
  const std::string count = r.stories.size() > 1
                                ? fmt::format("{} of {} updates", r.updates, total)
                                : fmt::format("{} {}", r.updates, r.updates == 1 ? "update" : "updates");
  return fmt::format("Story {}: {} ({})", *r.story, label, count);
}

// One line per other story: "story 1: <label> (3 updates, <first time> to <last time>)", the
// largest first, at most kOtherStories of them.
constexpr std::size_t kOtherStories = 10;
std::vector<std::string> other_story_lines(const situation_report& r, std::size_t& more) {
  std::vector<std::string> lines;
  more = 0;
  for (const auto& s : r.stories) {
    if (r.story && s.id == *r.story) continue;
    if (lines.size() == kOtherStories) {
      ++more;
      continue;
    }
    std::string when;
    if (!s.first_time.empty()) {
      when = s.first_time == s.last_time ? ", " + s.first_time
                                          : fmt::format(", {} to {}", s.first_time, s.last_time);
    }
    lines.push_back(fmt::format("story {}: {} ({} {}{})", s.id, s.label, s.updates,
                                s.updates == 1 ? "update" : "updates", when));
  }
  // Stories the report did not list (a live refresh lists only the largest).
  if (r.stream_stories > r.stories.size()) more += r.stream_stories - r.stories.size();
  return lines;
}

// The last `timeline_shown` key events: when (the time as written, else the update's id), what,
// and who carried it. The title says how many of how many.
struct timeline_line {
  std::string when, text, sources;
};
std::vector<timeline_line> timeline_lines(const situation_report& r, std::string& title) {
  std::vector<timeline_line> out;
  const std::size_t n = std::min(r.timeline_shown, r.timeline.size());
  if (n == 0) return out;
  title = n == r.timeline.size()
              ? fmt::format("Timeline ({} key {})", n, n == 1 ? "event" : "events")
              : fmt::format("Timeline (the last {} of {} key events)", n, r.timeline.size());
  for (std::size_t i = r.timeline.size() - n; i < r.timeline.size(); ++i) {
    const timeline_item& t = r.timeline[i];
    std::string who;
    for (const auto& s : t.sources) {
      if (!who.empty()) who += ", ";
      who += s;
    }
    out.push_back({t.time.empty() ? t.update_id : t.time, t.text, who});
  }
  return out;
}

// ---- Facts: key figures, unconfirmed claims, who said what, who is involved. ----
// Text and Markdown show the first few of each (the builders rank them); JSON carries all.
constexpr std::size_t kShownFigures = 8, kShownClaims = 6, kShownStatements = 6,
                      kShownEntities = 8;  // per type

// "who, when" of a step, a claim or a statement; either may be empty.
std::string who_when(const std::string& who, const std::string& time, const std::string& id) {
  const std::string& when = time.empty() ? id : time;
  if (who.empty()) return when;
  return when.empty() ? who : who + ", " + when;
}

// "killed: 129 -> 130 (France's Prime Minister, 10:05; ...)": the values in time order, a
// disputed one marked, and who gave each.
struct fact_line {
  std::string head, body, tail;  // shown as "head: body (tail)" in text
};
std::vector<fact_line> figure_lines(const situation_report& r) {
  std::vector<fact_line> out;
  for (const auto& f : r.key_figures) {
    if (out.size() == kShownFigures || f.history.empty()) break;
    std::string values, who, last;
    for (const auto& s : f.history) {
      if (!values.empty()) values += s.conflict ? " vs " : " \u2192 ";
      values += s.value;
      if (s.conflict) values += " (disputed)";
      // Each "who, when" once in a row (two values of one sentence: "from 129 to 130").
      const std::string w = who_when(s.source, s.time, s.update_id);
      if (!w.empty() && w != last) who += (who.empty() ? "" : "; ") + w;
      last = w;
    }
    out.push_back({f.label, values, who});
  }
  return out;
}

std::string claim_mark(const std::string& status) {
  return status == "denied" ? "\u2717" : status == "confirmed" ? "\u2713" : "?";
}

std::vector<fact_line> claim_lines(const situation_report& r) {
  std::vector<fact_line> out;
  for (const auto& c : r.unconfirmed) {
    if (out.size() == kShownClaims) break;
    std::string tail = who_when(c.source, c.time, c.update_id);
    if (!c.cue.empty()) tail = "\"" + c.cue + "\"" + (tail.empty() ? "" : ", " + tail);
    for (const auto& ch : c.changes) {
      tail += fmt::format("; {} by {}", ch.status, who_when(ch.source, ch.time, ch.update_id));
    }
    out.push_back({claim_mark(c.status), c.text, tail});
  }
  return out;
}

std::vector<fact_line> statement_lines(const situation_report& r) {
  std::vector<fact_line> out;
  for (const auto& s : r.said) {
    if (out.size() == kShownStatements) break;
    out.push_back({s.speaker, s.text, who_when("", s.time, s.update_id)});
  }
  return out;
}

// "people: A, B; organizations: C; places: D", the most mentioned first.
std::string involved_line(const situation_report& r) {
  std::string out;
  for (const char* type : {"person", "organization", "place", "other"}) {
    std::string names;
    std::size_t n = 0;
    for (const auto& e : r.involved) {
      if (e.type != type || n == kShownEntities) continue;
      names += (names.empty() ? "" : ", ") + e.name;
      ++n;
    }
    if (names.empty()) continue;
    const std::string_view label = std::string_view(type) == "person"         ? "people"
                                   : std::string_view(type) == "organization" ? "organizations"
                                   : std::string_view(type) == "place"        ? "places"
                                                                              : "other";
    out += fmt::format("{}{}: {}", out.empty() ? "" : "; ", label, names);
  }
  return out;
}

std::string text_facts(const situation_report& r) {
  std::string out;
  const auto section = [&](std::string_view title, const std::vector<fact_line>& lines,
                           bool mark) {
    if (lines.empty()) return;
    out += fmt::format("\n{}\n", title);
    for (const auto& l : lines) {
      const std::string tail = l.tail.empty() ? "" : "  (" + printable(l.tail) + ")";
      out += mark ? fmt::format("  {} {}{}\n", printable(l.head), printable(l.body), tail)
                  : fmt::format("  {}: {}{}\n", printable(l.head), printable(l.body), tail);
    }
  };
  section("Key figures", figure_lines(r), false);
  section("Unconfirmed and disputed", claim_lines(r), true);
  section("Who said what", statement_lines(r), false);
  return out;
}

std::string markdown_facts(const situation_report& r, std::string_view level) {
  std::string out;
  const auto section = [&](std::string_view title, const std::vector<fact_line>& lines,
                           bool mark) {
    if (lines.empty()) return;
    out += fmt::format("\n{} {}\n\n", level, title);
    for (const auto& l : lines) {
      const std::string tail = l.tail.empty() ? "" : " (" + md_escape(l.tail) + ")";
      out += mark ? fmt::format("- {} {}{}\n", md_escape(l.head), md_escape(l.body), tail)
                  : fmt::format("- **{}:** {}{}\n", md_escape(l.head), md_escape(l.body), tail);
    }
  };
  section("Key figures", figure_lines(r), false);
  section("Unconfirmed and disputed", claim_lines(r), true);
  section("Who said what", statement_lines(r), false);
  return out;
}

nlohmann::json facts_json(const situation_report& r) {
  nlohmann::json j = nlohmann::json::object();
  j["key_figures"] = nlohmann::json::array();
  for (const auto& f : r.key_figures) {
    nlohmann::json steps = nlohmann::json::array();
    for (const auto& s : f.history) {
      steps.push_back({{"value", s.value},
                       {"source", opt_string(s.source)},
                       {"id", s.update_id},
                       {"time", opt_string(s.time)},
                       {"conflict", s.conflict}});
    }
    j["key_figures"].push_back({{"label", f.label}, {"history", steps}});
  }
  j["unconfirmed"] = nlohmann::json::array();
  for (const auto& c : r.unconfirmed) {
    nlohmann::json changes = nlohmann::json::array();
    for (const auto& ch : c.changes) {
      changes.push_back({{"status", ch.status},
                         {"text", ch.text},
                         {"source", opt_string(ch.source)},
                         {"id", ch.update_id},
                         {"time", opt_string(ch.time)}});
    }
    j["unconfirmed"].push_back({{"status", c.status},
                                {"text", c.text},
                                {"cue", c.cue},
                                {"source", opt_string(c.source)},
                                {"id", c.update_id},
                                {"time", opt_string(c.time)},
                                {"changes", changes}});
  }
  j["who_said_what"] = nlohmann::json::array();
  for (const auto& s : r.said) {
    j["who_said_what"].push_back({{"speaker", s.speaker},
                                  {"cue", s.cue},
                                  {"text", s.text},
                                  {"id", s.update_id},
                                  {"time", opt_string(s.time)}});
  }
  j["involved"] = nlohmann::json::array();
  for (const auto& e : r.involved) {
    j["involved"].push_back({{"name", e.name}, {"type", e.type}, {"mentions", e.mentions}});
  }
  return j;
}

// What happened, what is new, the timeline, the other stories (when `others`), the coverage.
std::string text_body(const situation_report& r, bool others) {
  std::string out = "\nWhat happened\n" + text_bullets(r.headline);
  if (r.since) {
    // Appended piece by piece: g++ 12 warns falsely (-Wrestrict) on "\n" + std::string&&.
    out += '\n';
    out += printable(since_title(*r.since));
    out += '\n';
    out += r.since->headline.empty() ? "  (nothing new)\n" : text_bullets(r.since->headline);
  }
  out += text_facts(r);
  std::string title;
  if (const auto lines = timeline_lines(r, title); !lines.empty()) {
    out += "\n" + title + "\n";
    for (const auto& l : lines) {
      out += fmt::format("  {}  {}{}\n", printable(l.when), printable(l.text),
                         l.sources.empty() ? "" : "  (" + printable(l.sources) + ")");
    }
  }
  if (const std::string who = involved_line(r); !who.empty()) {
    out += "\nInvolved: " + printable(who) + "\n";
  }
  std::size_t more = 0;
  if (const auto lines = others ? other_story_lines(r, more) : std::vector<std::string>{};
      !lines.empty()) {
    out += "\nOther stories in this stream:\n";
    for (const auto& line : lines) out += "  * " + printable(line) + "\n";
    if (more) out += fmt::format("  * and {} more (--all-stories reports each)\n", more);
  }
  out += fmt::format("\nUpdates: {} ({} sentences)\n", r.updates, r.sentences);
  if (r.updates_without_text > 0) {
    out += fmt::format("Updates without text: {}\n", r.updates_without_text);
  }
  out += fmt::format("Sources: {} — {}\n", r.sources.size(), printable(sources_line(r)));
  out += fmt::format("Time span: {}\n", printable(span_line(r)));
  return out;
}

std::string markdown_body(const situation_report& r, std::string_view level, bool others) {
  std::string out = fmt::format("{} What happened\n\n", level);
  out += write_summary(r.headline, r.method, output_format::markdown);
  if (r.since) {
    out += fmt::format("\n{} {}\n\n", level, md_escape(since_title(*r.since)));
    out += r.since->headline.empty()
               ? std::string("Nothing new.\n")
               : write_summary(r.since->headline, r.method, output_format::markdown);
  }
  out += markdown_facts(r, level);
  std::string title;
  if (const auto lines = timeline_lines(r, title); !lines.empty()) {
    out += fmt::format("\n{} {}\n\n", level, title);
    for (const auto& l : lines) {
      out += fmt::format("- **{}** {}{}\n", md_escape(l.when), md_escape(l.text),
                         l.sources.empty() ? "" : " (" + md_escape(l.sources) + ")");
    }
  }
  if (const std::string who = involved_line(r); !who.empty()) {
    out += fmt::format("\n{} Involved\n\n{}\n", level, md_escape(who));
  }
  std::size_t more = 0;
  if (const auto lines = others ? other_story_lines(r, more) : std::vector<std::string>{};
      !lines.empty()) {
    out += fmt::format("\n{} Other stories in this stream\n\n", level);
    for (const auto& line : lines) out += "- " + md_escape(line) + "\n";
    if (more) out += fmt::format("- and {} more (`--all-stories` reports each)\n", more);
  }
  out += fmt::format("\n{} Coverage\n\n- **Updates:** {} ({} sentences)\n", level, r.updates,
                     r.sentences);
  if (r.updates_without_text > 0) {
    out += fmt::format("- **Updates without text:** {}\n", r.updates_without_text);
  }
  out += fmt::format("- **Sources ({}):** {}\n", r.sources.size(), md_escape(sources_line(r)));
  out += fmt::format("- **Time span:** {}\n", md_escape(span_line(r)));
  return out;
}

}  // namespace

std::string printable(std::string_view s) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b >= 0x20 && b < 0x7F) {
      out.push_back(s[i++]);
      continue;
    }
    if (b == '\t' || b == '\n' || b == '\r' || b == '\v' || b == '\f') {
      out.push_back(' ');
      ++i;
      continue;
    }
    if (b < 0x80) {  // the other C0 controls and DEL
      out += kReplacement;
      ++i;
      continue;
    }
    const std::size_t len = utf8::sequence_length(s, i);
    if (len == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    const std::uint32_t cp = utf8::decode(s, i, len);
    if (cp >= 0x80 && cp <= 0x9F) out += kReplacement;  // C1 controls
    else out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

result<output_format> parse_output_format(std::string_view name) {
  if (name == "text" || name == "txt") return output_format::text;
  if (name == "markdown" || name == "md") return output_format::markdown;
  if (name == "json") return output_format::json;
  if (name == "jsonl") return output_format::json_lines;
  return invalid_argument(fmt::format("unknown format '{}' (use text, markdown, json or jsonl)", name));
}

std::string write_summary(const std::vector<cited_sentence>& sentences, std::string_view method,
                          output_format format, const std::vector<std::string>& notes) {
  std::string out;
  switch (format) {
    case output_format::text:
      for (const auto& s : sentences) out += printable(s.text) + "\n";
      return out;
    case output_format::markdown:
      for (const auto& s : sentences)
        out += fmt::format("- {} *({})*\n", md_escape(s.text), md_escape(citation(s)));
      return out;
    case output_format::json:
    case output_format::json_lines: {
      nlohmann::json j = {{"method", method}, {"sentences", nlohmann::json::array()}};
      for (const auto& s : sentences) j["sentences"].push_back(to_json(s));
      j["notes"] = notes;
      return dump(j, format);
    }
  }
  return out;
}

std::string write_report(const situation_report& r, output_format format) {
  switch (format) {
    case output_format::text: {
      std::string out = "SITUATION REPORT\n";
      if (!r.until.empty()) out += fmt::format("As of {}\n", printable(r.until));
      if (!r.story_reports.empty()) {
        out += fmt::format("Stories: {} (most updates first)\n", r.story_reports.size());
        for (const auto& part : r.story_reports) {
          out += fmt::format("\n{}\n", printable(story_title(part)));
          out += text_body(part, false);
        }
      } else {
        if (r.stories.size() > 1 && r.story) out += printable(story_title(r)) + "\n";
        out += text_body(r, true);
      }
      out += fmt::format("Method: {}\n", printable(r.method));
      return out;
    }
    case output_format::markdown: {
      std::string out = "# Situation report\n\n";
      if (!r.until.empty()) out += fmt::format("*As of {}*\n\n", md_escape(r.until));
      if (!r.story_reports.empty()) {
        out += fmt::format("{} stories, most updates first.\n", r.story_reports.size());
        for (const auto& part : r.story_reports) {
          out += fmt::format("\n## {}\n\n", md_escape(story_title(part)));
          out += markdown_body(part, "###", false);
        }
      } else {
        if (r.stories.size() > 1 && r.story) out += "**" + md_escape(story_title(r)) + "**\n\n";
        out += markdown_body(r, "##", true);
      }
      out += fmt::format("- **Method:** `{}`\n", printable(r.method));
      return out;
    }
    case output_format::json:
    case output_format::json_lines:
      return dump(report_json(r), format);
  }
  return {};
}

}  // namespace sitrep::report
