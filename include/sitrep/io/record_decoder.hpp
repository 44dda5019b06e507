// sitrep/io/record_decoder.hpp — one line in, one update (or one error) out.
//
//   sitrep::io::record_decoder decode("feed.jsonl", sitrep::io::input_format::jsonl);
//   auto r = decode(R"({"id": "p-17", "source": "Reuters", "text": "Gunmen attacked ..."})", 12);
//   if (!r) std::cerr << r.error().message() << '\n';      // "feed.jsonl:12: ..."
//   else if (*r) updates.push_back(std::move(**r));         // an update
//   // else: a blank line, nothing to add
//
// The decoder is what every reader uses for each line: the batch readers (reader.hpp), a live
// follower and a server. It holds no input and keeps no state between lines but its reusable
// parser buffers, so a line decodes the same whatever came before it.
//
// Plain text: the line is the text of one update as it is; its id is "<file name>:<line>"
// ("notes.txt:3"; "stdin:3" for standard input). A line that is empty or only white space
// (Unicode White_Space and U+FEFF) is blank: no update.
//
// JSON Lines: one object per line in the canonical record
//     {"id": "p-17", "time": "2015-11-20T09:41:00Z", "source": "Reuters", "title": "...",
//      "text": "Gunmen attacked ..."}
// - the whole line must be one valid JSON object (RFC 8259), every value included, also those
//   of keys sitrep ignores; only JSON white space may follow it; a line of JSON white space is
//   blank;
// - `text` is required and must be a string. An empty or all-white-space `text` is a post
//   without text (an image, video or embed post in a live blog): the update is returned with
//   an empty `text`, carries no sentences, and is counted as an update without text;
// - `id` may be a string or a number (kept as written: 17 -> "17", 4.50 -> "4.50"); a
//   missing, null or empty id becomes "<file name>:<line>";
// - `time` is an ISO-8601 string or null; when it parses (sitrep/io/time.hpp)
//   `update::unix_time` is set; a string that does not parse is kept in `update::time` with
//   `unix_time` empty, which is not an error;
// - `source` and `title` are strings or null (null or missing gives "");
// - a field of another type (an object for `text`, a number for `source`) is bad input;
// - unknown keys are ignored (their values are checked as JSON, never converted); keys that
//   start with `gold_` (evaluation labels) are never read;
// - if a key repeats, the last value counts;
// - escapes: `\u0000` (NUL) in a field sitrep reads is bad input, as a raw NUL byte is; an
//   unpaired surrogate escape (`\ud800` alone) is bad input; every other escape decodes to its
//   character, control characters included (writers escape or drop them on output).
//
// Bad input is an invalid_input status with the message "<origin>:<line>: <what>":
//   invalid UTF-8 at byte 7 | binary data (NUL byte at byte 5) |
//   invalid JSON: <what is wrong> [at byte N] | invalid JSON: the line is not a JSON object |
//   record has no "text" | "text" is a number, not a string |
//   "text" holds a NUL character (\u0000)
// Byte positions are 1-based within the line. Line ends are the line source's business: pass
// the line without them (a trailing '\r' left in is dropped).
//
// Memory: a JSON line of n bytes takes a padded copy and simdjson's working memory (about 8n);
// the buffers are kept and reused, so hold the decoder as long as its stream.
// Thread safety: one decoder, one thread; decoders share nothing.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "sitrep/core/status.hpp"
#include "sitrep/core/update.hpp"

namespace sitrep::io {

enum class input_format {
  automatic,  ///< by extension (see reader.hpp); a decoder treats it as text
  text,       ///< one update per line
  jsonl,      ///< canonical JSON Lines records
};

/// The file name that plain-text ids start with: "stdin" for "-", else the last path
/// component of `origin` ("feeds/notes.txt" -> "notes.txt").
std::string id_prefix_for(std::string_view origin);

class record_decoder {
 public:
  /// `origin` names the input in messages and provenance ("-" for standard input).
  record_decoder(std::string origin, input_format format);
  record_decoder(record_decoder&&) noexcept;
  record_decoder& operator=(record_decoder&&) noexcept;
  ~record_decoder();

  /// Decodes line `line_number` (1-based): an update (with `origin` and `line` set), nullopt
  /// for a blank line, or invalid_input naming origin and line.
  result<std::optional<update>> operator()(std::string_view line, std::size_t line_number);

  const std::string& origin() const noexcept;
  input_format format() const noexcept;

 private:
  struct state;
  std::unique_ptr<state> s_;
};

}  // namespace sitrep::io
