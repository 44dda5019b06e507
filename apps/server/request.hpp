// The parts of an HTTP request the server reads by hand, kept apart from the network code so
// that they can be tested and fuzzed alone: the request target (path and query) and the body
// of a POST split into lines.
//
//   auto t = sitrep::server::parse_target("/v1/streams/bamako/report?words=50&format=text");
//   if (!t) return bad_request(t.error().message());
//   // t->segments == {"v1", "streams", "bamako", "report"}; t->param("words") == "50"
//
//   auto lines = sitrep::server::split_body(body, {.max_line_bytes = 1 << 20, .max_lines = 1000});
//   for (const auto& l : *lines) decode(l.text, l.number);   // blank lines are kept, numbered
//
// Contracts: both are pure functions of their input, never throw, and bound what they build by
// the input's size. A target is origin-form ("/path?query"), at most kMaxTarget bytes;
// percent-escapes are decoded in each segment and in each query key and value ('+' is a space
// in the query); a decoded NUL, a bad escape or an empty segment inside the path is refused, so
// that no two spellings of a path differ in meaning. Nothing here touches the file system.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/core/status.hpp"

namespace sitrep::server {

/// Longest request target accepted, in bytes.
inline constexpr std::size_t kMaxTarget = 8192;

struct target {
  std::vector<std::string> segments;  ///< "/v1/streams/" -> {"v1", "streams"} (a final '/' is dropped)
  std::vector<std::pair<std::string, std::string>> query;  ///< in order; keys may repeat

  /// The last value of `key`, if given.
  std::optional<std::string_view> param(std::string_view key) const;
};

/// invalid_input with what is wrong ("bad percent-escape at byte 12").
result<target> parse_target(std::string_view t);

struct body_limits {
  std::size_t max_line_bytes = std::size_t{1} << 20;  ///< longest line, line end excluded
  std::size_t max_lines = 10000;                      ///< non-blank lines (records) at most
};

/// One line of a body: its text without the line end, and its 1-based number.
struct body_line {
  std::string_view text;
  std::size_t number = 0;
};

/// What went wrong when splitting, and where.
struct body_error {
  enum kind { line_too_long, too_many_lines } what;
  std::size_t line = 0;  ///< the line that broke the limit
};

/// The lines of `body` (LF, CRLF or a lone CR end a line; the last may lack one), every
/// non-blank line kept with its number; a line of spaces and tabs only is blank and left out.
/// A body_error when a line is longer than the limit or there are more non-blank lines.
struct split_result {
  std::vector<body_line> lines;
  std::optional<body_error> error;
};
split_result split_body(std::string_view body, const body_limits& limits);

/// Constant-time comparison (does not stop at the first difference), for tokens.
bool same_secret(std::string_view a, std::string_view b) noexcept;

/// Whether an Accept-Encoding header value takes gzip: "gzip", "x-gzip" or "*" (any case)
/// listed without a zero weight ("gzip;q=0" refuses it). Anything else, or nothing: false.
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace sitrep::server
