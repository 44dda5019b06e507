// sitrep/io/reader.hpp — reading update streams from files, folders and standard input.
//
//   sitrep::io::read_options opts;            // format from the extension, stop at bad input
//   sitrep::io::read_stats stats;
//   auto docs = sitrep::io::read_inputs({"feed.jsonl", "notes.txt", "-"}, opts, stats);
//   if (!docs) { std::cerr << docs.error().message() << '\n'; return 2; }
//   for (const auto& doc : *docs) for (const auto& u : doc.updates) ...
//
// Formats:
// - plain text (`.txt` and anything not listed below): one update per line, blank lines
//   skipped; the id is "<file name>:<line>".
// - JSON Lines (`.jsonl`, `.ndjson`, `.json`): one object per line in the canonical record
//   {"id", "time" (ISO-8601 or null), "source", "title", "text"}; only `text` is required and
//   must be a non-empty string; unknown keys are ignored and keys that start with `gold_`
//   (evaluation labels) are never read. A missing id becomes "<file name>:<line>".
// - `-` is standard input, plain text unless `format` says otherwise.
// - A folder stands for the regular files directly inside it, sorted by name, each one
//   document (hidden files are passed over).
//
// Bad input — invalid UTF-8, a line that is not a JSON object, a record without text, a line
// longer than `max_line_bytes`, a binary file (a NUL byte) — fails with invalid_input and a
// message "<file>:<line>: <what>". With `skip_bad`, the bad record (or, for a binary file,
// the whole file) is skipped instead, counted in `read_stats`, and reading goes on. A file that
// cannot be opened is always an io_error. Nothing is ever dropped silently.
//
// Thread safety: the functions share no state; `read_stats` is the caller's.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/core/status.hpp"
#include "sitrep/core/update.hpp"

namespace sitrep::io {

enum class input_format {
  automatic,  ///< by extension (see above)
  text,       ///< one update per line
  jsonl,      ///< canonical JSON Lines records
};

/// "auto", "text" or "jsonl" (also "txt", "json", "ndjson"); invalid_argument otherwise.
result<input_format> parse_input_format(std::string_view name);

struct read_options {
  input_format format = input_format::automatic;
  /// Skip bad records (and binary files) instead of failing; each skip is counted.
  bool skip_bad = false;
  /// Longest accepted line, in bytes (default 64 MiB). Longer lines are bad input; memory use
  /// stays bounded by this however long the line is.
  std::size_t max_line_bytes = std::size_t{64} << 20;
};

/// One input file (or standard input) and the updates read from it, in input order.
struct input_document {
  std::string path;  ///< as given ("-" for standard input)
  std::string name;  ///< file name without folder and last extension ("d30001t"); "stdin" for -
  std::vector<update> updates;
};

/// What reading saw, filled in by the read functions (added to, never reset).
struct read_stats {
  std::size_t files = 0;
  std::size_t records = 0;  ///< updates returned
  std::size_t skipped = 0;  ///< bad records or files skipped under `skip_bad`
  /// The first messages of skipped records ("<file>:<line>: <what>"), at most 20.
  std::vector<std::string> skip_messages;
};

/// Reads every path in order (files, folders, "-"); one document per file.
result<std::vector<input_document>> read_inputs(const std::vector<std::string>& paths,
                                                const read_options& options, read_stats& stats);

/// Reads one file ("-" for standard input).
result<input_document> read_file(const std::string& path, const read_options& options,
                                 read_stats& stats);

/// Reads a stream in the given format (`automatic` means text); `origin` names it in messages
/// and provenance.
result<std::vector<update>> read_stream(std::istream& in, const std::string& origin,
                                        input_format format, const read_options& options,
                                        read_stats& stats);

}  // namespace sitrep::io
