// sitrep/io/follower.hpp — the lines of a file as it grows (as `tail -F` follows it), or of
// standard input as they arrive, with a wait that can time out.
//
//   auto f = sitrep::io::follower::open("feed.jsonl", {});   // "-" is standard input
//   if (!f) { std::cerr << f.error().message() << '\n'; return 2; }
//   for (;;) {
//     const auto event = f->next(500);                       // wait at most 500 ms
//     if (event == sitrep::io::follow_event::line)
//       std::cout << f->line_number() << ": " << f->line() << '\n';  // valid until next()
//     else if (event == sitrep::io::follow_event::idle) refresh_something();
//     else if (event == sitrep::io::follow_event::end) break;  // standard input closed
//     else if (event == sitrep::io::follow_event::read_error) return 2;  // f->error() says why
//     // too_long: line f->line_number() was over the limit; truncated, replaced, vanished:
//     // what happened to the file (see below), worth a note.
//   }
//
// Lines are split by sitrep/io/line_source.hpp (same line ends, byte order mark, length limit),
// and only complete lines are returned: a last line without its line end is held until its
// end arrives.
//
// A regular file is followed by name, as `tail -F` does, and never ends:
// - it is read from its start (`from_start`, the default) or from its end (lines already in
//   it are read and passed over, so line numbers still count from the start of the file);
// - growth is seen by checking the file every `poll_interval_ms` (default 5 ms) while waiting;
// - truncation (the file is now shorter than what was read of it): reading starts again at its
//   offset 0, and `next()` says `truncated` first. A file truncated and then written past the
//   point already read before the check sees it is taken for one that grew (`tail` has the same
//   blind spot);
// - replacement (the path now names another file: rotation, `mv new feed.jsonl`): the old
//   file is read to its end first (a last line without line end counts, since nothing can
//   complete it any more), then the new one from its start, and `next()` says `replaced`
//   before the new file's first line;
// - the path vanishes: `next()` says `vanished` once, the old file is still read if it grows,
//   and the follower waits for the path to come back (`replaced` then, or nothing when the same
//   file comes back);
// - each file read (the first, and each after a truncation or a replacement) is an
//   incarnation (`incarnation()` counts from 0) whose lines are numbered from 1, so a message
//   "<path>:<line>" names the line in the file as it was when the line was read.
// The path must name a file when `open` is called (io_error otherwise): a mistyped name fails
// at once instead of waiting forever.
//
// Standard input ("-") and anything that is not a regular file (a named pipe, a terminal) is
// read as a stream: lines as they arrive, `end` once the writer has closed it (then a last line
// without line end counts). Waiting is poll(2) on the descriptor, so a line is returned as soon
// as its line end arrives. The descriptor is switched to non-blocking reads while the follower
// lives (its old flags are put back on destruction), so `next()` never blocks past its timeout.
//
// Waiting and waking: `next(timeout_ms)` returns a line as soon as one is complete, else waits
// up to `timeout_ms` (-1: no limit, 0: do not wait) and returns `idle`. When `wake_fd` is set
// (the read end of a self-pipe that a signal handler writes to), `next()` also returns `woken`
// as soon as that descriptor is readable, and only when it would otherwise wait: lines already
// available come first. The follower never reads `wake_fd`; draining it is the caller's.
//
// Thread safety: one follower, one thread. The follower owns the descriptors it opens; it
// never prints.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "sitrep/core/status.hpp"

namespace sitrep::io {

struct follower_options {
  /// Longest line returned, in bytes, line end excluded (default 16 MiB); longer is `too_long`.
  std::size_t max_line_bytes = std::size_t{16} << 20;
  /// A regular file is read from its start (true) or only from what is appended after `open`.
  /// Streams are always read from where they are.
  bool from_start = true;
  /// How often a regular file is checked for growth, truncation and replacement while
  /// waiting, in milliseconds (at least 1).
  int poll_interval_ms = 5;
  /// A descriptor that wakes a waiting `next()` when readable (see above); -1 for none.
  int wake_fd = -1;
};

enum class follow_event {
  line,        ///< `line()` views the next complete line
  too_long,    ///< line `line_number()` is longer than the limit; it is skipped
  idle,        ///< nothing new within the timeout
  woken,       ///< `wake_fd` became readable while waiting
  truncated,   ///< the file shrank: it is read again from its start (a new incarnation)
  replaced,    ///< the path names another file now: it is read from its start (a new incarnation)
  vanished,    ///< the path names no file any more: waiting for it to come back
  end,         ///< the stream ended (never for a regular file)
  read_error,  ///< reading failed (`error()` says why); the follower is done
};

/// A short name for an event ("line", "truncated", ...), for messages and tests.
const char* to_string(follow_event event) noexcept;

class follower {
 public:
  /// Opens `path` ("-": standard input). io_error "<path>: cannot open: <reason>" when it
  /// cannot be opened or is a folder.
  static result<follower> open(const std::string& path, const follower_options& options);

  follower(follower&&) noexcept;
  follower& operator=(follower&&) noexcept;
  follower(const follower&) = delete;
  follower& operator=(const follower&) = delete;
  ~follower();

  /// The next line or event, waiting at most `timeout_ms` milliseconds for one (-1: no limit).
  /// After `end` or `read_error`, every call returns the same again.
  follow_event next(int timeout_ms);

  /// The current line (after `line`), without its line end; valid until `next()`.
  std::string_view line() const noexcept;
  /// The 1-based number of the line last reported (`line` or `too_long`), in its incarnation.
  std::size_t line_number() const noexcept;
  /// Files read so far minus one: 0 until the first truncation or replacement.
  std::size_t incarnation() const noexcept;
  /// The path as given ("-" for standard input).
  const std::string& path() const noexcept;
  /// True when the path is followed as a regular file (never `end`), false for a stream.
  bool follows_file() const noexcept;
  /// Why the last `read_error` happened ("<path>: read error: <reason>"); empty otherwise.
  const std::string& error() const noexcept;

 private:
  struct state;
  explicit follower(std::unique_ptr<state> s);
  std::unique_ptr<state> s_;
};

}  // namespace sitrep::io
