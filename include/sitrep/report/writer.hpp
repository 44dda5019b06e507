// sitrep/report/writer.hpp — reports and summaries as text, Markdown or JSON.
//
//   auto fmt = sitrep::report::parse_output_format("markdown");   // result<output_format>
//   std::cout << sitrep::report::write_report(report, *fmt);
//   std::cout << sitrep::report::write_summary(sitrep::report::cite(c, s), s.method, *fmt);
//
// Text puts one summary sentence a line (what ROUGE and `--output-dir` expect); Markdown makes
// a readable page with citations; JSON carries every field of the value types (report.hpp),
// one object, UTF-8, for other tools to rely on. Writers are pure functions of their input.
//
// Control characters. Input text may hold what a terminal would obey (ESC[31m, a NUL from a
// JSON "\u0000", a C1 control such as U+009B CSI). Text and Markdown are for people and
// terminals, so every string they print passes through `printable`: tab, line feed, carriage
// return, vertical tab and form feed become a space (one line a sentence stays true), and every
// other C0 control (U+0000-U+001F), DEL (U+007F), C1 control (U+0080-U+009F) and ill-formed
// UTF-8 byte becomes U+FFFD, the replacement character: shown, so a reader sees that something
// was there, but never obeyed. JSON keeps the text as it was, for tools: every C0 control is
// written escaped ("\u001b", "\u0000"), so no raw control byte reaches the output, and any
// ill-formed UTF-8 is written as U+FFFD rather than failing.
//
// Notes. A summary's notes (rank::summary::notes: a method fell back to another, a budget held
// nothing) are the "notes" array of the JSON output, empty when there are none; text and
// Markdown leave them to the front end (the command line prints them on stderr), so text stays
// one sentence a line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/core/status.hpp"
#include "sitrep/report/report.hpp"

namespace sitrep::report {

/// `json` is indented for people; `json_lines` is the same object on one line (and a line end),
/// for a stream of reports that other programs read line by line.
enum class output_format { text, markdown, json, json_lines };

/// "text", "markdown" (or "md"), "json", "jsonl"; invalid_argument otherwise.
result<output_format> parse_output_format(std::string_view name);

/// A situation report in `format`.
std::string write_report(const situation_report& r, output_format format);

/// A bare summary in `format`: text is one sentence a line; JSON is
/// {"method": ..., "sentences": [{"text", "update_id", "time", "source", "origin", "line",
/// "byte_begin", "byte_end", "words", "score", "truncated"}, ...], "notes": [...]}.
std::string write_summary(const std::vector<cited_sentence>& sentences, std::string_view method,
                          output_format format, const std::vector<std::string>& notes = {});

/// `s` made safe to print on a terminal, as text and Markdown output do (see above).
std::string printable(std::string_view s);

}  // namespace sitrep::report
