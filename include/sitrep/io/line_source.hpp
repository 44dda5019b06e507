// sitrep/io/line_source.hpp — lines of a file, a pipe or standard input, each as soon as it is
// complete.
//
//   auto src = sitrep::io::line_source::open("feed.jsonl", {});   // "-" is standard input
//   if (!src) { std::cerr << src.error().message() << '\n'; return 2; }
//   for (;;) {
//     const auto event = src->next();
//     if (event == sitrep::io::line_event::end) break;
//     if (event == sitrep::io::line_event::read_error) return 2;
//     if (event == sitrep::io::line_event::too_long) continue;  // line src->line_number()
//     std::cout << src->line_number() << ": " << src->line() << '\n';  // valid until next()
//   }
//
// Line ends: '\n', "\r\n" and a lone '\r' (old Mac files) each end a line; none is part of the
// line. A "\r\n" split across two reads is still one line end. A UTF-8 byte order mark at the
// very start of the input is dropped. A last line without a line end counts, unless
// `hold_partial_line` is set (see below).
//
// Liveness: a descriptor is read with read(2), which returns whatever has arrived, so a line
// written into a pipe is returned by `next()` as soon as its line end arrives; nothing waits
// for a full block or for the end of the input. `next()` blocks only while no complete line is
// buffered and the descriptor has nothing to give. (An `std::istream` source is read in blocks
// with `istream::read`, which waits for a full block: use it for in-memory input, not for
// pipes.)
//
// Following a growing file: with `hold_partial_line`, reaching the end of the input returns
// `end` and keeps any partial last line; a later `next()` reads again and goes on from there,
// so a file that grows (or a pipe with a slow writer, read with a non-blocking descriptor) can
// be polled. Truncation and replacement of a followed file are the follower's business.
//
// Memory: one read block (`block_bytes`, 64 KiB by default) plus a line held up to
// `max_line_bytes`. A longer line is reported as `too_long` as soon as the limit is passed and
// the rest of it is scanned to its line end and discarded, so memory stays bounded by the block
// plus the limit however long the line is.
//
// Thread safety: one source, one thread. A source owns its descriptor when it opened it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

#include "sitrep/core/status.hpp"

namespace sitrep::io {

struct line_source_options {
  /// Longest line returned, in bytes, line end excluded (default 16 MiB); longer is `too_long`.
  std::size_t max_line_bytes = std::size_t{16} << 20;
  /// Bytes asked of each read (at least 4 KiB).
  std::size_t block_bytes = std::size_t{64} << 10;
  /// At the end of the input, keep a last line that has no line end instead of returning it,
  /// and let a later `next()` read on (following a growing file).
  bool hold_partial_line = false;
};

enum class line_event {
  line,        ///< `line()` views the next line
  too_long,    ///< the next line is longer than the limit; it is skipped
  end,         ///< no more input (for now, with `hold_partial_line`)
  read_error,  ///< the input failed before its end (`error()` says why)
};

class line_source {
 public:
  /// Opens `path` for reading; "-" is standard input (not closed at the end). io_error
  /// "<path>: cannot open: <reason>" when it cannot be opened or is a folder.
  static result<line_source> open(const std::string& path, const line_source_options& options);

  /// Reads descriptor `fd`; closes it on destruction when `owns_fd`.
  line_source(int fd, bool owns_fd, const line_source_options& options);
  /// Reads `in`, which must outlive the source (in-memory input; see "Liveness").
  line_source(std::istream& in, const line_source_options& options);

  line_source(line_source&&) noexcept;
  line_source& operator=(line_source&&) noexcept;
  line_source(const line_source&) = delete;
  line_source& operator=(const line_source&) = delete;
  ~line_source();

  /// Advances to the next line.
  line_event next();
  /// The current line (after `line_event::line`), without its line end; valid until `next()`.
  std::string_view line() const noexcept;
  /// The 1-based number of the line `next()` last reported (`line` or `too_long`).
  std::size_t line_number() const noexcept;
  /// Byte offset in the input (byte order mark included) where that line starts.
  std::uint64_t line_offset() const noexcept;
  /// Why the last `read_error` happened ("read error: <reason>"); empty otherwise.
  const std::string& error() const noexcept;
  /// After `end`: true when the input itself ended (read(2) returned 0, or the stream reached
  /// its end), false when a non-blocking descriptor merely had nothing to give yet.
  bool input_ended() const noexcept;
  /// Turns `hold_partial_line` on or off from the next `next()` on. Turning it off at the end
  /// of a followed input makes the next `next()` return the held partial line (if any) as the
  /// last line, as a source that never held would.
  void set_hold_partial_line(bool hold) noexcept;

 private:
  struct state;
  std::unique_ptr<state> s_;
};

}  // namespace sitrep::io
