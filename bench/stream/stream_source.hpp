// bench/stream/stream_source.hpp — a synthetic but realistic update stream for benchmarks.
//
//   auto gen = sitrep::bench::stream_source::create({.shared_dir = "../shared",
//                                                    .kind = sitrep::bench::stream_kind::liveblog});
//   if (!gen) { std::cerr << gen.error().message() << '\n'; return 2; }
//   std::string line;
//   for (int i = 0; i < 1000; ++i) { line.clear(); gen->next_line(line); std::cout << line; }
//
// The texts are the real ones of the shared corpora, read with sitrep's own reader
// (`io::read_inputs`): the live blogs (`<shared>/data/liveblog/valid/*/*.jsonl`, about 32,000
// updates of 650 bytes on average) and DUC 2004 (`<shared>/data/duc2004/input/*.jsonl`, 500
// articles of about 2,900 bytes). Updates without text are skipped. `seed` shuffles the order of
// the texts once; the stream then cycles through them, so update n of a stream is the same for
// the same options. Each line is a canonical JSON Lines record
//     {"id": "s-0000042", "time": "2015-11-20T00:10:31Z", "source": "bbc", "text": "..."}
// with a fresh id, a time that increases by 1..30 seconds per update, and the original source
// (or the corpus folder, e.g. "bbc", "guardian", "duc2004", when the record has none).
//
// Bench-only code: never part of the library. Not thread-safe (one generator per thread).
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "sitrep/core/status.hpp"
#include "sitrep/core/update.hpp"

namespace sitrep::bench {

enum class stream_kind { liveblog, duc, mixed };

/// "liveblog", "duc" or "mixed"; invalid_argument otherwise.
result<stream_kind> parse_stream_kind(std::string_view name);

struct stream_options {
  /// The shared data folder (the one holding data/liveblog and data/duc2004).
  std::string shared_dir = "../shared";
  stream_kind kind = stream_kind::liveblog;
  std::uint64_t seed = 20151120;
};

class stream_source {
 public:
  /// Reads the corpora; not_found (naming the folder) when `shared_dir` or the corpus is absent.
  static result<stream_source> create(const stream_options& options);

  /// Appends the next update as one JSON line, '\n' included.
  void next_line(std::string& out);
  /// The next `n` updates, decoded by `io::record_decoder` as a reader would (numbered 1..n);
  /// its error if a line does not decode.
  result<std::vector<update>> next_updates(std::size_t n);
  /// Number of lines produced so far.
  std::size_t produced() const noexcept { return next_; }
  /// Distinct texts the stream cycles through, and their total size in bytes.
  std::size_t texts() const noexcept { return texts_.size(); }
  std::size_t text_bytes() const noexcept { return text_bytes_; }

 private:
  struct entry {
    std::string source;
    std::string text;
  };
  stream_source() = default;
  std::vector<entry> texts_;
  std::size_t text_bytes_ = 0;
  std::size_t next_ = 0;
  std::int64_t time_ = 0;
  std::mt19937_64 rng_;
};

}  // namespace sitrep::bench
