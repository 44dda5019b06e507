#include "sitrep/report/writer.hpp"

#include <fmt/format.h>

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
      out += "\nWhat happened\n" + text_bullets(r.headline);
      if (r.since) {
        out += "\n" + printable(since_title(*r.since)) + "\n";
        out += r.since->headline.empty() ? "  (nothing new)\n" : text_bullets(r.since->headline);
      }
      out += fmt::format("\nUpdates: {} ({} sentences)\n", r.updates, r.sentences);
      if (r.updates_without_text > 0) {
        out += fmt::format("Updates without text: {}\n", r.updates_without_text);
      }
      out += fmt::format("Sources: {} — {}\n", r.sources.size(), printable(sources_line(r)));
      out += fmt::format("Time span: {}\n", printable(span_line(r)));
      out += fmt::format("Method: {}\n", printable(r.method));
      return out;
    }
    case output_format::markdown: {
      std::string out = "# Situation report\n\n";
      if (!r.until.empty()) out += fmt::format("*As of {}*\n\n", md_escape(r.until));
      out += "## What happened\n\n";
      out += write_summary(r.headline, r.method, output_format::markdown);
      if (r.since) {
        out += "\n## " + md_escape(since_title(*r.since)) + "\n\n";
        out += r.since->headline.empty()
                   ? std::string("Nothing new.\n")
                   : write_summary(r.since->headline, r.method, output_format::markdown);
      }
      out += fmt::format("\n## Coverage\n\n- **Updates:** {} ({} sentences)\n", r.updates,
                         r.sentences);
      if (r.updates_without_text > 0) {
        out += fmt::format("- **Updates without text:** {}\n", r.updates_without_text);
      }
      out += fmt::format("- **Sources ({}):** {}\n", r.sources.size(), md_escape(sources_line(r)));
      out += fmt::format("- **Time span:** {}\n", md_escape(span_line(r)));
      out += fmt::format("- **Method:** `{}`\n", printable(r.method));
      return out;
    }
    case output_format::json:
    case output_format::json_lines: {
      nlohmann::json j;
      j["method"] = r.method;
      j["headline"] = nlohmann::json::array();
      for (const auto& s : r.headline) j["headline"].push_back(to_json(s));
      j["updates"] = r.updates;
      j["sentences"] = r.sentences;
      j["updates_without_text"] = r.updates_without_text;
      j["sources"] = nlohmann::json::array();
      for (const auto& s : r.sources) j["sources"].push_back({{"source", s.source}, {"updates", s.updates}});
      j["time_span"] = {{"first", r.first_time.empty() ? nlohmann::json() : nlohmann::json(r.first_time)},
                        {"last", r.last_time.empty() ? nlohmann::json() : nlohmann::json(r.last_time)},
                        {"seconds", r.span_seconds ? nlohmann::json(*r.span_seconds) : nlohmann::json()}};
      j["inputs"] = r.inputs;
      j["notes"] = r.notes;
      j["until"] = r.until.empty() ? nlohmann::json() : nlohmann::json(r.until);
      j["since"] = since_json(r);
      return dump(j, format);
    }
  }
  return {};
}

}  // namespace sitrep::report
