// text_reader_fuzz: sitrep::io::read_stream over an in-memory stream, as text and as JSON Lines.
//
// The first byte picks the options (bit 0: skip_bad, bit 1: a 64-byte line limit); the rest is
// the stream. Invariants (include/sitrep/io/reader.hpp):
//  - never a crash; a failure is invalid_input with a "<origin>:<line>: " message, and never
//    happens with skip_bad (an in-memory stream cannot fail to read);
//  - every update has valid UTF-8 text without NUL (non-empty but for JSON posts without text),
//    valid UTF-8 fields, a non-empty
//    id, the origin, 1-based lines in increasing order, and is no longer than the line limit;
//  - read_stats counts what was returned and skipped; at most 20 skip messages are kept.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "sitrep/io/reader.hpp"

namespace {

using sitrep::io::input_format;

void read(std::string_view bytes, input_format format, const sitrep::io::read_options& opts) {
  std::istringstream in{std::string(bytes)};
  const std::string origin = format == input_format::jsonl ? "feeds/fuzz.jsonl" : "notes.txt";
  sitrep::io::read_stats stats;
  auto r = sitrep::io::read_stream(in, origin, format, opts, stats);
  if (!r) {
    SITREP_FUZZ_CHECK(!opts.skip_bad);
    SITREP_FUZZ_CHECK(r.error().code() == sitrep::error_code::invalid_input);
    SITREP_FUZZ_CHECK(r.error().message().rfind(origin + ":", 0) == 0);
    return;
  }
  SITREP_FUZZ_CHECK(stats.files == 1);
  SITREP_FUZZ_CHECK(stats.records == r->size());
  SITREP_FUZZ_CHECK(stats.skip_messages.size() <= 20);
  SITREP_FUZZ_CHECK(stats.skip_messages.size() <= stats.skipped);
  if (!opts.skip_bad) SITREP_FUZZ_CHECK(stats.skipped == 0);
  std::size_t last_line = 0;
  for (const auto& u : *r) {
    // A JSON record with an empty or blank "text" is a post without text (the io branch returns
    // it with an empty text and counts it); a text line is never empty.
    SITREP_FUZZ_CHECK(!u.text.empty() || format == input_format::jsonl);
    SITREP_FUZZ_CHECK(u.text.find('\0') == std::string::npos);
    SITREP_FUZZ_CHECK(!u.id.empty());
    SITREP_FUZZ_CHECK(u.origin == origin);
    SITREP_FUZZ_CHECK(u.line > last_line);
    last_line = u.line;
    for (const std::string* f : {&u.id, &u.time, &u.source, &u.title, &u.text})
      SITREP_FUZZ_CHECK(sitrep::fuzz::valid_utf8(*f));
    // The text comes from one line, and a JSON escape never decodes to more bytes than it takes.
    SITREP_FUZZ_CHECK(u.text.size() <= opts.max_line_bytes);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  sitrep::io::read_options opts;
  opts.skip_bad = (data[0] & 1) != 0;
  if (data[0] & 2) opts.max_line_bytes = 64;
  const std::string_view stream(reinterpret_cast<const char*>(data) + 1, size - 1);
  for (auto format : {input_format::text, input_format::jsonl}) {
    opts.format = format;
    read(stream, format, opts);
  }
  return 0;
}
