// sitrep/store/log.hpp — the durable log of accepted updates: one SQLite file, WAL mode.
//
//   auto log = sitrep::store::log::open("data/sitrep.db", {});
//   if (!log) return log.error();
//   std::vector<sitrep::update> batch = ...;               // decoded, validated updates
//   auto first = log->append("bamako", batch);             // one transaction, durable on return
//   if (!first) return first.error();                      // nothing of the batch is stored
//   // batch[i] now has position *first + i (positions count from 1 in each stream)
//
//   auto e = sitrep::stream::engine::create({});
//   auto replayed = sitrep::store::replay(*log, "bamako", *e);   // rebuild after a restart
//
// The log keeps every accepted update of every named stream, in the order it was accepted.
// A stream's updates have positions 1, 2, 3, ... without gaps; position N is the engine's
// update N - 1 once the stream is replayed in order, so a position is also a stream position
// for report cuts.
//
// Durability: `append` returns after the transaction has committed. With `options::durable`
// (the default) SQLite runs with synchronous=FULL in WAL mode, so a committed batch survives
// a crash of the process and of the machine; without it (synchronous=NORMAL) it survives a
// crash of the process only. A failed append (disk full, I/O error) rolls back: none of the
// batch's updates are stored, and the positions it would have taken are free again.
//
// Several batches of several streams can commit together (`append_batches`): a server uses it
// to commit every write that arrived meanwhile in one transaction (group commit), so that the
// cost of a commit is shared.
//
// Stream names: 1 to 128 bytes, checked by `valid_stream_name` (letters, digits, '-', '_', '.'
// not first); the log refuses others with invalid_argument. Names never become file names.
//
// Thread safety: a log is one SQLite connection; use it from one thread at a time (a server
// calls it on its writer's thread). Another process may read the same file meanwhile (WAL).
// The log is movable, not copyable.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/core/status.hpp"
#include "sitrep/core/update.hpp"
#include "sitrep/stream/engine.hpp"

namespace sitrep::store {

/// Longest stream name, in bytes.
inline constexpr std::size_t kMaxStreamName = 128;

/// Whether `name` may name a stream: 1 to kMaxStreamName bytes of ASCII letters, digits, '-',
/// '_' and '.', not starting with '.'.
bool valid_stream_name(std::string_view name) noexcept;

struct options {
  /// synchronous=FULL (every commit reaches the disk) instead of NORMAL.
  bool durable = true;
  /// How long a statement waits for a lock held by another connection, in milliseconds.
  int busy_timeout_ms = 5000;
};

/// Updates of one stream to append.
struct batch {
  std::string_view stream;
  std::span<const update> updates;
};

/// A stream and how many updates it holds.
struct stream_info {
  std::string name;
  std::size_t updates = 0;
};

class log {
 public:
  /// Opens (and creates, with its folder's parent existing) the log at `path`. io_error naming
  /// the path when it cannot be opened or is not a sitrep log; invalid_argument for bad options.
  static result<log> open(const std::string& path, const options& o = {});

  log(log&&) noexcept;
  log& operator=(log&&) noexcept;
  log(const log&) = delete;
  log& operator=(const log&) = delete;
  ~log();

  /// Appends `updates` to `stream` (created when new) in one transaction; returns the position
  /// of the first (the next position when `updates` is empty, with nothing written).
  result<std::size_t> append(std::string_view stream, std::span<const update> updates);

  /// Appends every batch, in order, in one transaction: all are stored or none. Returns the
  /// position of each batch's first update. A stream may appear in several batches.
  result<std::vector<std::size_t>> append_batches(std::span<const batch> batches);

  /// Every stream, in order of creation, with its number of updates.
  result<std::vector<stream_info>> streams() const;

  /// The number of updates of `stream` (0 for a stream the log does not hold).
  result<std::size_t> size(std::string_view stream) const;

  /// Calls `f(position, update)` for the updates of `stream` at positions after `after`, in
  /// order, at most `limit` of them (0: no limit). Stops at the first error `f` returns, and
  /// returns it. The update's `origin` and `line` are as they were appended.
  status scan(std::string_view stream, std::size_t after, std::size_t limit,
              const std::function<status(std::size_t, update&&)>& f) const;

  /// The file this log was opened from.
  const std::string& path() const noexcept;

 private:
  struct state;
  explicit log(std::unique_ptr<state> s);
  std::unique_ptr<state> s_;
};

/// Adds every update of `stream` in `l` to `e`, in order (its observers see each as it comes).
/// `e` must be empty of that stream's updates: replay starts at position 1. Returns the number
/// added; the engine's error, naming the position, if an update is refused.
result<std::size_t> replay(const log& l, std::string_view stream, stream::engine& e);

}  // namespace sitrep::store
