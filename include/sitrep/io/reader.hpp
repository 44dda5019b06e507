// sitrep/io/reader.hpp — reading update streams from files, folders and standard input.
//
//   sitrep::io::read_options opts;            // format from the extension, stop at bad input
//   sitrep::io::read_stats stats;
//   auto docs = sitrep::io::read_inputs({"feed.jsonl", "notes.txt", "-"}, opts, stats);
//   if (!docs) { std::cerr << docs.error().message() << '\n'; return 2; }
//   for (const auto& doc : *docs) for (const auto& u : doc.updates) std::cout << u.text << '\n';
//
// Formats (each line decoded by sitrep/io/record_decoder.hpp, which defines them fully):
// - plain text (`.txt` and anything not listed below): one update per line, blank lines
//   (empty or only white space) skipped; the id is "<file name>:<line>" ("notes.txt:3",
//   "stdin:3" for standard input).
// - JSON Lines (`.jsonl`, `.ndjson`, `.json`, any letter case): one canonical record per line,
//   {"id", "time", "source", "title", "text"}; only `text` is required. A record whose `text`
//   is empty or only white space is a post without text: it is returned (with an empty text)
//   and counted in `read_stats::without_text`. `gold_*` keys are never read.
// - `-` is standard input, plain text unless `format` says otherwise.
// - A folder stands for the regular files directly inside it (links to files count), sorted
//   by name (byte order), each one document; hidden files (name starting with '.') and
//   sub-folders are passed over. An empty folder gives no documents.
// - `read_options::format` (the command line's `--input-format`) overrides the extension for
//   every file, standard input included.
// - Line ends are '\n', "\r\n" or a lone '\r'; a UTF-8 byte order mark at the start of a file
//   is dropped; a last line without a line end counts (sitrep/io/line_source.hpp).
//
// Bad input fails with invalid_input and a message "<file>:<line>: <what>", where <file> is
// the path as given (a folder's files as "<folder>/<name>", standard input as "-"), <line> is
// 1-based and byte positions in <what> are 1-based within the line:
//   feed.jsonl:12: invalid JSON: <what is wrong> [at byte N]
//   feed.jsonl:12: invalid UTF-8 at byte 7           (text lines and JSON lines alike)
//   feed.jsonl:12: line longer than 16777216 bytes
//   feed.jsonl:12: record has no "text"  |  "text" is a number, not a string
//   feed.jsonl:12: "text" holds a NUL character (\u0000)
//   feed.jsonl:3: binary file (NUL byte)                    (a NUL in the first 8 KiB)
//   feed.jsonl:9000: binary data (NUL byte at byte 5)       (a NUL in a later line)
// With `skip_bad` the bad record is skipped instead (for a binary file, the rest of the file;
// updates read before the NUL are kept, as a live reader that handed them on must), counted in
// `read_stats::skipped` with its message kept (the first 20), and reading goes on. A file that cannot be opened or read,
// or a folder that cannot be listed, is always an io_error ("<path>: cannot open: <reason>"),
// `skip_bad` or not. Nothing is ever dropped silently; reading stops at the first failure.
//
// Memory bounds: a line is held only up to `max_line_bytes` (16 MiB by default); the rest of
// a longer line is scanned to its end and discarded, so a 1 GB line costs the limit plus one
// 64 KiB read block. Parsing a JSON line of n bytes takes simdjson's working memory, about 8n,
// released again after an unusually long line. Records: each update read is kept once, in its
// document, and nothing else grows with the number of lines (blank and skipped lines cost
// nothing); files are read one at a time, each through one open descriptor. So memory is the
// updates kept (their text plus about 200 bytes each) plus a bounded working set.
//
// Thread safety: the functions share no state; `read_stats` is the caller's. Reading "-" reads
// descriptor 0 directly, so each line is available as soon as it arrives.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/core/status.hpp"
#include "sitrep/core/update.hpp"
#include "sitrep/io/record_decoder.hpp"

namespace sitrep::io {

/// "auto", "text" or "jsonl" (also "automatic", "txt", "json", "ndjson"); invalid_argument
/// otherwise.
result<input_format> parse_input_format(std::string_view name);

/// "auto", "text" or "jsonl": the name `parse_input_format` reads back.
const char* to_string(input_format format) noexcept;

/// The format `automatic` picks for `path`: jsonl for `.jsonl`, `.ndjson`, `.json` (any case),
/// text for anything else and for "-".
input_format format_for_path(std::string_view path);

/// `input_document::name` for `path`: the file name without folder and last extension
/// ("feeds/d30001t.jsonl" -> "d30001t", "a.b.txt" -> "a.b"); "stdin" for "-".
std::string document_name(std::string_view path);

struct read_options {
  input_format format = input_format::automatic;
  /// Skip bad records (and binary files) instead of failing; each skip is counted.
  bool skip_bad = false;
  /// Longest accepted line, in bytes, '\r' included (default 16 MiB). Longer lines are bad
  /// input; memory use stays bounded by this however long the line is (see "Memory" above).
  std::size_t max_line_bytes = std::size_t{16} << 20;
};

/// One input file (or standard input) and the updates read from it, in input order.
struct input_document {
  std::string path;  ///< as given ("-" for standard input)
  std::string name;  ///< file name without folder and last extension ("d30001t"); "stdin" for -
  std::vector<update> updates;
};

/// What reading saw, filled in by the read functions (added to, never reset).
struct read_stats {
  std::size_t files = 0;    ///< files and streams read (a skipped binary file included)
  std::size_t records = 0;  ///< updates returned
  std::size_t without_text = 0;  ///< of those, posts without text (empty or blank `text`)
  std::size_t skipped = 0;  ///< bad records or files skipped under `skip_bad`
  /// The first messages of skipped records ("<file>:<line>: <what>"), at most 20.
  std::vector<std::string> skip_messages;
};

/// What `for_each_update` hands on, as it reads.
struct update_handler {
  /// Called as each file (document) starts, before its updates; `updates` is empty. Optional.
  std::function<void(const input_document& doc)> on_document;
  /// Called with each update as soon as it is decoded (required).
  std::function<void(update&& u)> on_update;
};

/// Reads every path in order like `read_inputs`, but keeps nothing: each update goes to the
/// handler as soon as its line is decoded, so memory is what the handler keeps (plus the
/// bounded working set above), and a pipe's updates arrive one by one. On failure, the updates
/// before the bad one have been handed on already.
status for_each_update(const std::vector<std::string>& paths, const read_options& options,
                       read_stats& stats, const update_handler& handler);

/// Every file `read_inputs` reads for `paths`, in order: folders expanded (`list_folder`),
/// anything else kept as given. io_error when a folder cannot be listed.
result<std::vector<std::string>> expand_paths(const std::vector<std::string>& paths);

/// Reads every path in order (files, folders, "-"); one document per file.
result<std::vector<input_document>> read_inputs(const std::vector<std::string>& paths,
                                                const read_options& options, read_stats& stats);

/// Reads one file ("-" for standard input). A folder is an io_error here: see `read_inputs`.
result<input_document> read_file(const std::string& path, const read_options& options,
                                 read_stats& stats);

/// Reads a stream in the given format (`automatic` means text); `origin` names it in messages
/// and provenance ("-" for standard input), and its file name makes plain-text ids.
result<std::vector<update>> read_stream(std::istream& in, const std::string& origin,
                                        input_format format, const read_options& options,
                                        read_stats& stats);

/// The paths `read_inputs` reads for `folder`: "<folder>/<name>" for each regular, not hidden
/// file directly inside, sorted by name. io_error when the folder cannot be listed.
result<std::vector<std::string>> list_folder(const std::string& folder);

}  // namespace sitrep::io
