// watch_bench: how fast `sitrep watch` refreshes its report after one more update.
//
//   build/bench/stream/watch_bench                           # refresh at 1k, 10k, 100k; pipe
//   build/bench/stream/watch_bench --sizes 1000,10000,100000,1000000 --samples 100
//   build/bench/stream/watch_bench --modes pipe --lines 300 --backlog 10000
//
// Two measurements, both on a live-blog stream from stream_source.hpp (the default seed):
//
// refresh  One engine (stream::engine) is fed the stream one update at a time. When it holds
//          each of `--sizes` updates, `--samples` times: one more update is decoded and added,
//          then the report is rendered as `sitrep watch --format jsonl` renders it (summarize
//          the newest `--window` updates, build_report of the whole stream, write_report as
//          one JSON line; the same steps as `render()` in
//          apps/sitrep/cmd_watch.cpp, copied here because that function lives in the command
//          line). A size stops sampling after `--max-seconds` (default 20 s, at least 5
//          samples), and a larger size is skipped when one refresh there could exceed it, at a
//          cost growing with the square of the stream (the default method, `auto`, does so
//          today), so a run takes a bounded time. The
//          table gives p50, p99 and max of the whole refresh in ms, and the mean of each step, to
//          show where time goes.
//
// pipe     The sitrep binary runs `watch --format jsonl -` with a pipe on its standard input.
//          One line (its report includes watch's start-up) and `--backlog` updates are written
//          first, untimed (their reports read until one shows them all), then `--lines` more,
//          one at a time: the time from just before a line's write
//          to just after the report that counts it has been read is its latency (p50, p99,
//          max in ms). This is the latency a program reading watch's output sees.
//
// Options: --shared DIR, --modes refresh,pipe, --sizes N[,N...], --samples K, --max-seconds S,
// --method ID, --window N (0: the whole stream), --lines N, --backlog N, --binary PATH.
// Benchmarks measure; no test asserts a time. Run on an otherwise idle machine.
#include <fcntl.h>
#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "sitrep/io/record_decoder.hpp"
#include "sitrep/rank/summarizer.hpp"
#include "sitrep/report/report.hpp"
#include "sitrep/report/writer.hpp"
#include "sitrep/stream/engine.hpp"
#include "stream_source.hpp"

#ifndef SITREP_SHARED_DIR
#define SITREP_SHARED_DIR "../shared"
#endif
#ifndef SITREP_BINARY
#define SITREP_BINARY "sitrep"
#endif

namespace {

using clock_type = std::chrono::steady_clock;

double ms_since(clock_type::time_point t0) {
  return std::chrono::duration<double, std::milli>(clock_type::now() - t0).count();
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

double mean(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return v.empty() ? 0 : s / static_cast<double>(v.size());
}

std::vector<std::string> split(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    const auto comma = s.find(',');
    out.emplace_back(s.substr(0, comma));
    s = comma == std::string_view::npos ? std::string_view{} : s.substr(comma + 1);
  }
  return out;
}

struct options {
  sitrep::bench::stream_options stream;
  std::vector<std::size_t> sizes = {1000, 10000, 100000};
  std::size_t samples = 200;
  double max_seconds = 20;
  std::string method = "auto";
  std::size_t window = 500;  // as `sitrep watch --window`; 0: the whole stream
  std::size_t lines = 300;
  std::size_t backlog = 0;
  std::string binary = SITREP_BINARY;
};

int refresh_bench(const options& o) {
  auto gen = sitrep::bench::stream_source::create(o.stream);
  if (!gen) {
    std::fprintf(stderr, "watch_bench: %s\n", gen.error().message().c_str());
    return 2;
  }
  auto engine = sitrep::stream::engine::create({});
  auto method = sitrep::rank::make_summarizer(o.method);
  if (!engine || !method) {
    std::fprintf(stderr, "watch_bench: cannot make the engine or the method\n");
    return 2;
  }
  sitrep::io::record_decoder decode("stream.jsonl", sitrep::io::input_format::jsonl);
  const sitrep::rank::budget budget{};  // the command line's default: 100 words
  std::string line;
  std::size_t number = 0;
  auto add_one = [&]() -> bool {
    line.clear();
    gen->next_line(line);
    line.pop_back();  // '\n'
    auto u = decode(line, ++number);
    if (!u) {
      std::fprintf(stderr, "watch_bench: %s\n", u.error().message().c_str());
      return false;
    }
    if (*u && !engine->add(std::move(**u))) return false;
    return true;
  };

  std::printf("refresh after one more update (method %s, budget 100 words, JSON one line)\n",
              o.method.c_str());
  std::printf("%9s %7s %9s %9s %9s | %9s %9s %9s %9s\n", "updates", "samples", "p50 ms",
              "p99 ms", "max ms", "add", "summarize", "build", "write");
  for (std::size_t si = 0; si < o.sizes.size(); ++si) {
    const std::size_t size = o.sizes[si];
    while (engine->size() < size) {
      if (!add_one()) return 1;
    }
    std::vector<double> total, add, summarize, build, write;
    const auto size_start = clock_type::now();
    for (std::size_t k = 0; k < o.samples; ++k) {
      if (k >= 5 && ms_since(size_start) > o.max_seconds * 1000) break;
      const auto t0 = clock_type::now();
      if (!add_one()) return 1;
      const auto t1 = clock_type::now();
      const sitrep::stream::view all(*engine);
      const sitrep::stream::view part =
          o.window > 0 && engine->size() > o.window ? all.since(engine->size() - o.window) : all;
      sitrep::rank::summary s = (*method)->summarize(part, budget);
      const auto t2 = clock_type::now();
      const auto r = sitrep::report::build_report(all, s);
      const auto t3 = clock_type::now();
      const std::string out =
          sitrep::report::write_report(r, sitrep::report::output_format::json_lines);
      const auto t4 = clock_type::now();
      using ms = std::chrono::duration<double, std::milli>;
      total.push_back(ms(t4 - t0).count());
      add.push_back(ms(t1 - t0).count());
      summarize.push_back(ms(t2 - t1).count());
      build.push_back(ms(t3 - t2).count());
      write.push_back(ms(t4 - t3).count());
      if (out.size() < 2) return 1;
    }
    std::printf("%9zu %7zu %9.2f %9.2f %9.2f | %9.3f %9.2f %9.3f %9.3f\n", size, total.size(),
                percentile(total, 0.5), percentile(total, 0.99),
                *std::max_element(total.begin(), total.end()), mean(add), mean(summarize),
                mean(build), mean(write));
    std::fflush(stdout);
    // Guard: skip the next size when a refresh growing with the square of the stream would
    // take longer than --max-seconds there (with a window it stays flat, and nothing is skipped).
    if (si + 1 < o.sizes.size()) {
      const double ratio = static_cast<double>(o.sizes[si + 1]) / static_cast<double>(size);
      if (percentile(total, 0.5) * ratio * ratio > o.max_seconds * 1000) {
        std::printf("(larger sizes skipped: one refresh could take over --max-seconds)\n");
        break;
      }
    }
  }
  std::printf("(step columns: mean ms per refresh)\n");
  return 0;
}

// The child: sitrep watch reading a pipe; its reports read back through another.
struct watcher {
  pid_t pid = -1;
  int in = -1;
  int out = -1;
  std::string buffer;

  bool start(const std::string& binary, const std::string& method) {
    int a[2], b[2];
    if (::pipe2(a, O_CLOEXEC) != 0 || ::pipe2(b, O_CLOEXEC) != 0) return false;
    pid = ::fork();
    if (pid < 0) return false;
    if (pid == 0) {
      ::dup2(a[0], STDIN_FILENO);
      ::dup2(b[1], STDOUT_FILENO);
      ::execl(binary.c_str(), binary.c_str(), "watch", "--format", "jsonl", "--method",
              method.c_str(), "--input-format", "jsonl", "-", static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(a[0]);
    ::close(b[1]);
    in = a[1];
    out = b[0];
    return true;
  }

  // Writes `s`, reading watch's reports whenever the input pipe is full (watch may itself be
  // waiting for its output to be read).
  bool write_all(std::string_view s) {
    while (!s.empty()) {
      pollfd p[2] = {{in, POLLOUT, 0}, {out, POLLIN, 0}};
      if (::poll(p, 2, -1) < 0) return false;
      if (p[1].revents != 0) drain();
      if ((p[0].revents & POLLOUT) == 0) continue;
      const ssize_t n = ::write(in, s.data(), std::min<std::size_t>(s.size(), 4096));
      if (n <= 0) return false;
      s.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  std::size_t seen = 0;  // the most updates a report read so far counts

  // Takes the complete reports in `buffer`.
  void parse() {
    std::size_t begin = 0;
    for (auto nl = buffer.find('\n'); nl != std::string::npos; nl = buffer.find('\n', begin)) {
      const std::string_view report(buffer.data() + begin, nl - begin);
      // The report's own "updates" are its story's; the stream's are in "stream".
      const auto j = nlohmann::json::parse(report, nullptr, false);
      if (j.is_object() && j.contains("stream")) {
        seen = std::max(seen, j["stream"]["updates"].get<std::size_t>());
      }
      begin = nl + 1;
    }
    buffer.erase(0, begin);
  }

  // Reads what is there without waiting (watch must never block on a full output pipe).
  void drain() {
    pollfd p{out, POLLIN, 0};
    char block[1 << 16];
    while (::poll(&p, 1, 0) > 0) {
      const ssize_t n = ::read(out, block, sizeof block);
      if (n <= 0) break;
      buffer.append(block, static_cast<std::size_t>(n));
    }
    parse();
  }

  // Reads reports until one counts at least `updates`; false at the end of output.
  bool read_until(std::size_t updates) {
    char block[1 << 16];
    while (seen < updates) {
      const ssize_t n = ::read(out, block, sizeof block);
      if (n <= 0) return false;
      buffer.append(block, static_cast<std::size_t>(n));
      parse();
    }
    return true;
  }

  int finish() {
    if (in >= 0) ::close(in);
    in = -1;
    char block[1 << 16];
    while (::read(out, block, sizeof block) > 0) {
    }
    ::close(out);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
};

int pipe_bench(const options& o) {
  auto gen = sitrep::bench::stream_source::create(o.stream);
  if (!gen) {
    std::fprintf(stderr, "watch_bench: %s\n", gen.error().message().c_str());
    return 2;
  }
  ::signal(SIGPIPE, SIG_IGN);
  watcher w;
  if (!w.start(o.binary, o.method)) {
    std::fprintf(stderr, "watch_bench: cannot start %s\n", o.binary.c_str());
    return 1;
  }
  std::string line;
  std::size_t sent = 0;
  {  // One untimed line first: its report includes watch's start-up.
    line.clear();
    gen->next_line(line);
    if (!w.write_all(line) || !w.read_until(++sent)) return 1;
  }
  if (o.backlog > 0) {
    const auto t0 = clock_type::now();
    for (std::size_t i = 0; i < o.backlog; ++i) {
      line.clear();
      gen->next_line(line);
      // A pipe holds 64 KiB: read the reports meanwhile, or watch blocks writing them.
      if (!w.write_all(line)) return 1;
      ++sent;
    }
    if (!w.read_until(sent)) return 1;
    std::printf("backlog of %zu updates taken in %.2f s\n", o.backlog, ms_since(t0) / 1000);
  }
  std::vector<double> latency;
  for (std::size_t i = 0; i < o.lines; ++i) {
    line.clear();
    gen->next_line(line);
    const auto t0 = clock_type::now();
    if (!w.write_all(line)) return 1;
    ++sent;
    if (!w.read_until(sent)) {
      std::fprintf(stderr, "watch_bench: watch ended early\n");
      return 1;
    }
    latency.push_back(ms_since(t0));
  }
  const int rc = w.finish();
  std::printf("pipe: line written -> its JSON report read (%s watch --format jsonl -)\n",
              o.binary.c_str());
  std::printf("%9s %7s %9s %9s %9s  (watch exit %d)\n", "from", "lines", "p50 ms", "p99 ms",
              "max ms", rc);
  std::printf("%9zu %7zu %9.2f %9.2f %9.2f\n", o.backlog, latency.size(), percentile(latency, 0.5),
              percentile(latency, 0.99), *std::max_element(latency.begin(), latency.end()));
  return rc == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  // As `sitrep watch` sets them (keep_working_memory in apps/sitrep/cmd_watch.cpp).
  ::mallopt(M_MMAP_THRESHOLD, 64 << 20);
  ::mallopt(M_TRIM_THRESHOLD, 256 << 20);
  options o;
  o.stream.shared_dir = SITREP_SHARED_DIR;
  std::vector<std::string> modes = {"refresh", "pipe"};
  for (int i = 1; i < argc; i += 2) {
    const std::string_view a = argv[i];
    if (i + 1 >= argc) {
      std::fprintf(stderr, "watch_bench: missing value after %s\n", argv[i]);
      return 2;
    }
    const char* v = argv[i + 1];
    if (a == "--shared")
      o.stream.shared_dir = v;
    else if (a == "--modes")
      modes = split(v);
    else if (a == "--sizes") {
      o.sizes.clear();
      for (const auto& s : split(v)) o.sizes.push_back(std::strtoull(s.c_str(), nullptr, 10));
    } else if (a == "--samples")
      o.samples = std::max<std::size_t>(1, std::strtoull(v, nullptr, 10));
    else if (a == "--max-seconds")
      o.max_seconds = std::atof(v);
    else if (a == "--method")
      o.method = v;
    else if (a == "--window")
      o.window = static_cast<std::size_t>(std::strtoull(v, nullptr, 10));
    else if (a == "--lines")
      o.lines = std::max<std::size_t>(1, std::strtoull(v, nullptr, 10));
    else if (a == "--backlog")
      o.backlog = std::strtoull(v, nullptr, 10);
    else if (a == "--binary")
      o.binary = v;
    else {
      std::fprintf(stderr, "watch_bench: unknown option %s\n", argv[i]);
      return 2;
    }
  }
  for (const auto& m : modes) {
    int rc = 0;
    if (m == "refresh")
      rc = refresh_bench(o);
    else if (m == "pipe")
      rc = pipe_bench(o);
    else {
      std::fprintf(stderr, "watch_bench: unknown mode %s\n", m.c_str());
      return 2;
    }
    if (rc != 0) return rc;
  }
  return 0;
}
