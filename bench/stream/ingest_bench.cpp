// ingest_bench: how fast a stream of live-blog updates is decoded and indexed.
//
//   build/bench/stream/ingest_bench                      # 10k, 100k, 1M updates, 3 runs each
//   build/bench/stream/ingest_bench --sizes 10000,100000 --repeat 5 --modes add
//
// For each size and mode the stream (stream_source.hpp, kind liveblog, the default seed) is
// generated in memory, a chunk of 4096 lines at a time so that the input buffer never
// dominates memory, and only the work under test is timed:
//   decode  `io::record_decoder` on each line (the update is then dropped);
//   add     decode, then `vsm::collection::add` (segment, analyze, index), which keeps it;
//   engine  decode, then `stream::engine::add`: the collection's work plus the postings and the
//           repeat groups (the live engine's ingest); then, untimed by the ingest figures, one
//           summary of the whole stream by the default method at 100 words (`sum s`: wall
//           seconds of `summarize` alone, on the same thread).
// Every run is a fresh child process, so its peak RSS (getrusage ru_maxrss) is its own. The
// table gives min and median wall seconds and CPU seconds (this thread's, CLOCK_THREAD_CPUTIME_ID:
// on a shared machine the wall time includes waiting for a core) over the runs, updates/s at
// the median wall time and per CPU second, MB/s of JSON input at the median wall time, the
// median peak RSS, the text bytes the collection holds and peak RSS / text bytes.
// "base" is the peak RSS before the first line (the corpora read for the generator, about a
// tenth of the liveblog text): it is part of the peak, so the ratio is slightly pessimistic.
//
// Options: --shared DIR, --sizes N[,N...], --modes decode,add,engine, --repeat R (default 3).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/io/record_decoder.hpp"
#include "sitrep/rank/summarizer.hpp"
#include "sitrep/stream/engine.hpp"
#include "sitrep/vsm/collection.hpp"
#include "stream_source.hpp"
#include "bench_clock.hpp"

#ifndef SITREP_SHARED_DIR
#define SITREP_SHARED_DIR "../shared"
#endif

namespace {

using sitrep::bench::thread_cpu_seconds;

constexpr std::size_t kChunkLines = 4096;

struct run_result {
  double seconds = 0;      // wall time of the timed work
  double cpu_seconds = 0;  // CPU time of this thread over the same work
  double input_bytes = 0;
  double text_bytes = 0;
  double base_rss = 0;  // bytes, before the first line
  double peak_rss = 0;  // bytes
  double sentences = 0;
  double terms = 0;
  double summary_seconds = -1;  // engine mode: one summary of the whole stream
};

enum class mode { decode, add, engine };

double peak_rss_bytes() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) * 1024.0;
}

// Runs one measurement in this (child) process.
int measure(const sitrep::bench::stream_options& opts, std::size_t updates, mode m,
            run_result& r) {
  auto gen = sitrep::bench::stream_source::create(opts);
  if (!gen) {
    std::fprintf(stderr, "ingest_bench: %s\n", gen.error().message().c_str());
    return 2;
  }
  auto coll = sitrep::vsm::collection::create({});
  auto eng = sitrep::stream::engine::create({});
  if (!coll || !eng) {
    std::fprintf(stderr, "ingest_bench: cannot create the collection\n");
    return 2;
  }
  sitrep::io::record_decoder decode("stream.jsonl", sitrep::io::input_format::jsonl);
  std::string chunk;
  std::vector<std::string_view> lines;
  r.base_rss = peak_rss_bytes();
  std::chrono::steady_clock::duration busy{};
  std::size_t done = 0;
  while (done < updates) {
    chunk.clear();
    lines.clear();
    const std::size_t n = std::min(kChunkLines, updates - done);
    std::vector<std::size_t> ends;
    for (std::size_t i = 0; i < n; ++i) {
      gen->next_line(chunk);
      ends.push_back(chunk.size());
    }
    std::size_t begin = 0;
    for (std::size_t e : ends) {
      lines.emplace_back(chunk.data() + begin, e - begin - 1);  // without '\n'
      begin = e;
    }
    r.input_bytes += static_cast<double>(chunk.size());
    auto t0 = std::chrono::steady_clock::now();
    const double c0 = thread_cpu_seconds();
    for (std::size_t i = 0; i < n; ++i) {
      auto u = decode(lines[i], done + i + 1);
      if (!u) {
        std::fprintf(stderr, "ingest_bench: %s\n", u.error().message().c_str());
        return 2;
      }
      if (m == mode::add && *u) coll->add(std::move(**u));
      if (m == mode::engine && *u && !eng->add(std::move(**u))) return 2;
    }
    busy += std::chrono::steady_clock::now() - t0;
    r.cpu_seconds += thread_cpu_seconds() - c0;
    done += n;
  }
  r.seconds = std::chrono::duration<double>(busy).count();
  r.peak_rss = peak_rss_bytes();
  const sitrep::vsm::collection& held = m == mode::engine ? eng->collection() : *coll;
  for (const auto& u : held.updates()) r.text_bytes += static_cast<double>(u.text.size());
  r.sentences = static_cast<double>(held.sentence_count());
  r.terms = static_cast<double>(held.vocab().size());
  if (m == mode::engine) {
    auto method = sitrep::rank::make_summarizer(sitrep::rank::default_method());
    if (!method) return 2;
    auto t0 = std::chrono::steady_clock::now();
    auto s = (*method)->summarize(sitrep::stream::view(*eng), {});
    r.summary_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (s.sentences.empty() && held.sentence_count() > 0) return 2;
  }
  return 0;
}

// Runs `measure` in a child process and reads its result back through a pipe.
bool run_child(const sitrep::bench::stream_options& opts, std::size_t updates, mode m,
               run_result& r) {
  int fd[2];
  if (pipe(fd) != 0) return false;
  std::fflush(stdout);
  pid_t pid = fork();
  if (pid < 0) return false;
  if (pid == 0) {
    close(fd[0]);
    run_result mine;
    int rc = measure(opts, updates, m, mine);
    if (rc == 0 && write(fd[1], &mine, sizeof mine) != sizeof mine) rc = 1;
    _exit(rc);
  }
  close(fd[1]);
  ssize_t got = read(fd[0], &r, sizeof r);
  close(fd[0]);
  int st = 0;
  waitpid(pid, &st, 0);
  return got == static_cast<ssize_t>(sizeof r) && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

std::vector<std::size_t> parse_sizes(std::string_view s) {
  std::vector<std::size_t> out;
  while (!s.empty()) {
    auto comma = s.find(',');
    std::string part(s.substr(0, comma));
    out.push_back(std::strtoull(part.c_str(), nullptr, 10));
    s = comma == std::string_view::npos ? std::string_view{} : s.substr(comma + 1);
  }
  return out;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
  sitrep::bench::stream_options opts;
  opts.shared_dir = SITREP_SHARED_DIR;
  std::vector<std::size_t> sizes = {10000, 100000, 1000000};
  std::vector<std::string> modes = {"decode", "add"};
  int repeat = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view a = argv[i];
    if (a == "--shared") {
      opts.shared_dir = argv[i + 1];
    } else if (a == "--sizes") {
      sizes = parse_sizes(argv[i + 1]);
    } else if (a == "--modes") {
      modes.clear();
      for (std::string_view m = argv[i + 1]; !m.empty();) {
        auto comma = m.find(',');
        modes.emplace_back(m.substr(0, comma));
        m = comma == std::string_view::npos ? std::string_view{} : m.substr(comma + 1);
      }
    } else if (a == "--repeat") {
      repeat = std::max(1, std::atoi(argv[i + 1]));
    } else {
      std::fprintf(stderr, "ingest_bench: unknown option %s\n", argv[i]);
      return 2;
    }
  }
  if (argc % 2 == 0) {
    std::fprintf(stderr, "ingest_bench: missing value after %s\n", argv[argc - 1]);
    return 2;
  }
  if (auto probe = sitrep::bench::stream_source::create(opts); !probe) {
    std::fprintf(stderr, "ingest_bench: %s\n", probe.error().message().c_str());
    return 2;
  }

  std::printf("%-6s %8s %4s %8s %8s %8s %8s %10s %10s %7s %7s %8s %7s %6s %8s %6s %7s\n",
              "mode", "updates", "runs", "min s", "med s", "min cpu", "med cpu", "updates/s",
              "upd/cpu-s", "MB/s", "base MB", "peak MB", "text MB", "ratio", "sentences", "terms",
              "sum s");
  for (const std::string& name : modes) {
    const mode m = name == "add" ? mode::add : name == "engine" ? mode::engine : mode::decode;
    if (m == mode::decode && name != "decode") {
      std::fprintf(stderr, "ingest_bench: unknown mode %s\n", name.c_str());
      return 2;
    }
    const std::string& mode = name;
    for (std::size_t n : sizes) {
      std::vector<double> secs, cpus, peaks, bases, sums;
      run_result last;
      for (int k = 0; k < repeat; ++k) {
        run_result r;
        if (!run_child(opts, n, m, r)) {
          std::fprintf(stderr, "ingest_bench: run failed (%s, %zu updates)\n", mode.c_str(), n);
          return 1;
        }
        secs.push_back(r.seconds);
        cpus.push_back(r.cpu_seconds);
        peaks.push_back(r.peak_rss);
        bases.push_back(r.base_rss);
        sums.push_back(r.summary_seconds);
        last = r;
      }
      const double med = median(secs);
      const double med_cpu = median(cpus);
      const double peak = median(peaks);
      constexpr double kMB = 1e6;
      char ratio[16] = "-";
      if (m != mode::decode) std::snprintf(ratio, sizeof ratio, "%.2f", peak / last.text_bytes);
      char sum[16] = "-";
      if (m == mode::engine) std::snprintf(sum, sizeof sum, "%.3f", median(sums));
      std::printf(
          "%-6s %8zu %4d %8.3f %8.3f %8.3f %8.3f %10.0f %10.0f %7.1f %7.1f %8.1f %7.1f %6s %8.0f "
          "%6.0f %7s\n",
          mode.c_str(), n, repeat, *std::min_element(secs.begin(), secs.end()), med,
          *std::min_element(cpus.begin(), cpus.end()), med_cpu, static_cast<double>(n) / med,
          static_cast<double>(n) / med_cpu, last.input_bytes / kMB / med, median(bases) / kMB,
          peak / kMB, last.text_bytes / kMB, ratio, last.sentences, last.terms, sum);
      std::fflush(stdout);
    }
  }
  return 0;
}
