// sitrep/report/writer.hpp — reports and summaries as text, Markdown or JSON.
//
//   auto fmt = sitrep::report::parse_output_format("markdown");   // result<output_format>
//   std::cout << sitrep::report::write_report(report, *fmt);
//   std::cout << sitrep::report::write_summary(sitrep::report::cite(c, s), s.method, *fmt);
//
// Text puts one summary sentence a line (what ROUGE and `--output-dir` expect); Markdown makes
// a readable page with citations; JSON carries every field of the value types (report.hpp),
// one object, UTF-8, for other tools to rely on. Writers are pure functions of their input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sitrep/core/status.hpp"
#include "sitrep/report/report.hpp"

namespace sitrep::report {

enum class output_format { text, markdown, json };

/// "text", "markdown" (or "md"), "json"; invalid_argument otherwise.
result<output_format> parse_output_format(std::string_view name);

/// A situation report in `format`.
std::string write_report(const situation_report& r, output_format format);

/// A bare summary in `format`: text is one sentence a line; JSON is
/// {"method": ..., "sentences": [{"text", "update_id", "time", "source", "origin", "line",
/// "byte_begin", "byte_end", "words", "score", "truncated"}, ...]}.
std::string write_summary(const std::vector<cited_sentence>& sentences, std::string_view method,
                          output_format format);

}  // namespace sitrep::report
