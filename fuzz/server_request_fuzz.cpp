// server_request_fuzz: the request target parser and the body splitter of `sitrep serve`
// (apps/server/request.hpp), the parts of a request the server reads by hand.
//
// Byte 0 picks the body limits (bits 0-1: line limit 8, 64, 1024 or 1 MiB bytes; bit 2: at most
// 3 or 10000 lines); the rest is fed both as a request target and as a body. Invariants:
//  - never a crash; a refused target is invalid_input with a message;
//  - an accepted target came in at most kMaxTarget bytes, started with '/', and no decoded
//    segment is empty or holds a NUL; no key or value holds a NUL;
//  - body lines are within the body, in order, numbered increasingly, no longer than the
//    limit, free of line ends, never blank, at most max_lines of them; an error names a line
//    at or after the last one kept;
//  - same_secret agrees with ==;
//  - accepts_gzip says yes only when "gzip" or "*" is in the header (any case).
#include <cstddef>
#include <cstdint>
#include <cctype>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "request.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t sel = data[0];
  const std::string_view in(reinterpret_cast<const char*>(data + 1), size - 1);
  using namespace sitrep::server;

  auto t = parse_target(in);
  if (!t) {
    SITREP_FUZZ_CHECK(t.error().code() == sitrep::error_code::invalid_input);
    SITREP_FUZZ_CHECK(!t.error().message().empty());
  } else {
    SITREP_FUZZ_CHECK(in.size() <= kMaxTarget && !in.empty() && in.front() == '/');
    for (const auto& s : t->segments) {
      SITREP_FUZZ_CHECK(!s.empty());
      SITREP_FUZZ_CHECK(s.find('\0') == std::string::npos);
    }
    for (const auto& [k, v] : t->query) {
      SITREP_FUZZ_CHECK(k.find('\0') == std::string::npos);
      SITREP_FUZZ_CHECK(v.find('\0') == std::string::npos);
    }
  }

  static constexpr std::size_t kLineLimits[] = {8, 64, 1024, std::size_t{1} << 20};
  body_limits limits;
  limits.max_line_bytes = kLineLimits[sel & 3];
  limits.max_lines = (sel & 4) ? 3 : 10000;
  const split_result r = split_body(in, limits);
  SITREP_FUZZ_CHECK(r.lines.size() <= limits.max_lines);
  const char* prev_end = in.data();
  std::size_t prev_number = 0;
  for (const body_line& l : r.lines) {
    SITREP_FUZZ_CHECK(l.text.data() >= prev_end && l.text.data() + l.text.size() <= in.data() + in.size());
    SITREP_FUZZ_CHECK(l.number > prev_number);
    SITREP_FUZZ_CHECK(l.text.size() <= limits.max_line_bytes);
    SITREP_FUZZ_CHECK(l.text.find_first_of("\r\n") == std::string_view::npos);
    SITREP_FUZZ_CHECK(l.text.find_first_not_of(" \t") != std::string_view::npos);
    prev_end = l.text.data() + l.text.size();
    prev_number = l.number;
  }
  if (r.error) SITREP_FUZZ_CHECK(r.error->line > prev_number);

  if (accepts_gzip(in)) {
    std::string lower(in);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    SITREP_FUZZ_CHECK(lower.find("gzip") != std::string::npos || lower.find('*') != std::string::npos);
  }

  const std::string_view a = in.substr(0, in.size() / 2), b = in.substr(in.size() / 2);
  SITREP_FUZZ_CHECK(same_secret(a, b) == (a == b));
  SITREP_FUZZ_CHECK(same_secret(a, a));
  return 0;
}
