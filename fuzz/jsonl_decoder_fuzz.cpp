// jsonl_decoder_fuzz: sitrep::io::record_decoder on arbitrary bytes, as JSON Lines and as text.
//
// The input is decoded whole as one line, then split at '\n' and decoded line by line with the
// same decoder (its buffers are reused: a line must decode the same whatever came before it).
// Invariants (include/sitrep/io/record_decoder.hpp):
//  - never a crash; an error is invalid_input whose message starts with "<origin>:<line>: ";
//  - an update has valid UTF-8 in every field, origin and line set, and a non-empty id;
//  - decoding is a function of the line: the same line gives the same result twice.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_check.hpp"
#include "sitrep/io/record_decoder.hpp"

namespace {

using sitrep::io::input_format;
using sitrep::io::record_decoder;

void check_update(const sitrep::update& u, const std::string& origin, std::size_t line) {
  SITREP_FUZZ_CHECK(u.origin == origin);
  SITREP_FUZZ_CHECK(u.line == line);
  SITREP_FUZZ_CHECK(!u.id.empty());
  for (const std::string* f : {&u.id, &u.time, &u.source, &u.title, &u.text})
    SITREP_FUZZ_CHECK(sitrep::fuzz::valid_utf8(*f));
  SITREP_FUZZ_CHECK(u.text.find('\0') == std::string::npos);
}

bool same(const sitrep::update& a, const sitrep::update& b) {
  return a.id == b.id && a.time == b.time && a.unix_time == b.unix_time && a.source == b.source &&
         a.title == b.title && a.text == b.text && a.origin == b.origin && a.line == b.line;
}

void decode(record_decoder& d, std::string_view line, std::size_t number) {
  auto r = d(line, number);
  if (!r) {
    const std::string prefix = d.origin() + ":" + std::to_string(number) + ": ";
    SITREP_FUZZ_CHECK(r.error().code() == sitrep::error_code::invalid_input);
    SITREP_FUZZ_CHECK(r.error().message().rfind(prefix, 0) == 0);
    SITREP_FUZZ_CHECK(r.error().message().size() > prefix.size());
    return;
  }
  if (*r) check_update(**r, d.origin(), number);
  // Determinism: a second decode of the same line agrees.
  auto again = d(line, number);
  SITREP_FUZZ_CHECK(again.ok());
  SITREP_FUZZ_CHECK(again->has_value() == r->has_value());
  if (*r) SITREP_FUZZ_CHECK(same(**r, **again));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  static record_decoder jsonl("feeds/fuzz.jsonl", input_format::jsonl);
  static record_decoder text("notes.txt", input_format::text);

  for (record_decoder* d : {&jsonl, &text}) {
    decode(*d, input, 1);
    std::size_t number = 1, start = 0;
    while (start <= input.size()) {
      std::size_t end = input.find('\n', start);
      if (end == std::string_view::npos) end = input.size();
      decode(*d, input.substr(start, end - start), number++);
      start = end + 1;
    }
  }
  return 0;
}
