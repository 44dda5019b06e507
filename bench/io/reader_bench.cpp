// io_bench: how fast the readers turn bytes into updates.
//
//   build/bench/io/io_bench [--benchmark_filter=jsonl]
//
// The input is generated once into a temporary file (about 50 MB of canonical JSON Lines
// records with ids, times, sources, titles, texts of 100-1500 bytes with some non-ASCII, and
// gold_ labels), so the numbers measure the reader, not a corpus. Reported as bytes per second
// of input (bytes_per_second, shown as MB/s). The file is read from the page cache after the
// first iteration.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "sitrep/io/reader.hpp"

namespace {

constexpr std::size_t kTargetBytes = std::size_t{50} << 20;

std::string make_jsonl() {
  // clang-format off
  static const char* const kWords[] = {
      "gunmen", "attacked", "the", "hotel", "in", "Bamako", "hostages", "were", "released",
      "security", "forces", "said", "président", "Keïta", "état", "d’urgence", "—", "on",
      "Friday", "at", "least", "people", "killed", "according", "to", "officials", "«", "»",
      "police", "reported", "\\\"quoted\\\"", "UN", "peacekeepers", "2015"};
  // clang-format on
  constexpr std::size_t kWordCount = sizeof kWords / sizeof kWords[0];
  std::mt19937 rng(20151120);
  std::string out;
  out.reserve(kTargetBytes + 4096);
  for (std::size_t i = 0; out.size() < kTargetBytes; ++i) {
    std::string text;
    const std::size_t words = 15 + rng() % 230;
    for (std::size_t w = 0; w < words; ++w) {
      if (w) text += ' ';
      text += kWords[rng() % kWordCount];
    }
    out += "{\"id\": \"u-" + std::to_string(i) + "\", \"time\": \"2015-11-20T" +
           std::to_string(10 + i % 14) + ":" + std::to_string(10 + i % 50) +
           ":00Z\", \"source\": \"Reuters\", \"title\": \"Update " + std::to_string(i) +
           "\", \"text\": \"" + text + "\", \"gold_nuggets\": [" + std::to_string(i % 97) +
           ", {\"w\": 0.5}], \"lang\": \"en\"}\n";
  }
  return out;
}

// The generated input, written once to a temporary file that is removed at exit.
struct corpus {
  std::string bytes = make_jsonl();
  std::string path = (std::filesystem::temp_directory_path() /
                      ("sitrep_io_bench_" + std::to_string(::getpid()) + ".jsonl"))
                         .string();
  corpus() {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  ~corpus() { std::remove(path.c_str()); }
};

const corpus& input() {
  static const corpus c;
  return c;
}

void run_file(benchmark::State& state, sitrep::io::input_format format) {
  const corpus& c = input();
  sitrep::io::read_options opts;
  opts.format = format;
  std::size_t records = 0;
  for (auto _ : state) {
    sitrep::io::read_stats stats;
    auto doc = sitrep::io::read_file(c.path, opts, stats);
    if (!doc) {
      state.SkipWithError(doc.error().message().c_str());
      return;
    }
    records = doc->updates.size();
    benchmark::DoNotOptimize(doc->updates.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * c.bytes.size()));
  state.counters["records"] = static_cast<double>(records);
  state.counters["MB"] = static_cast<double>(c.bytes.size()) / 1e6;
}

// The canonical JSON Lines reader on the file.
void BM_read_file_jsonl(benchmark::State& state) {
  run_file(state, sitrep::io::input_format::jsonl);
}
// The same bytes as plain text: line splitting, UTF-8 validation and copying only.
void BM_read_file_text(benchmark::State& state) { run_file(state, sitrep::io::input_format::text); }

// JSON Lines from an in-memory stream (standard input's path), no file system.
void BM_read_stream_jsonl(benchmark::State& state) {
  const corpus& c = input();
  for (auto _ : state) {
    state.PauseTiming();
    std::istringstream in(c.bytes);
    state.ResumeTiming();
    sitrep::io::read_stats stats;
    auto updates = sitrep::io::read_stream(in, "-", sitrep::io::input_format::jsonl, {}, stats);
    if (!updates) {
      state.SkipWithError(updates.error().message().c_str());
      return;
    }
    benchmark::DoNotOptimize(updates->data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * c.bytes.size()));
}

BENCHMARK(BM_read_file_jsonl)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_read_file_text)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_read_stream_jsonl)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
