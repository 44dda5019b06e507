// stories_bench: how fast story tracking (stream::stories) is, and whether its cost per update
// stays flat as the number of live stories grows.
//
//   build/bench/stream/stories_bench                       # both parts, default sizes
//   build/bench/stream/stories_bench --updates 50000 --stories 1000,10000,100000
//
// Part 1, throughput: a generated live-blog stream (stream_source.hpp, the default seed) of
// --updates updates, decoded beforehand, is fed through an engine twice, without and with a
// tracker attached. Printed: updates/s of the engine alone, of the engine with tracking, and
// of the tracker's own work (its on_add, timed inside the engine), with the stories found.
//
// Part 2, scaling: for each S in --stories, a synthetic stream first founds S distinct
// stories (each update six words no other story uses, plus four common words from a shared
// pool of 20,000), then adds 5,000 follow-ups, each to a random existing story; only the
// follow-ups are timed, with a fixed bar of 0.3 (min_threshold = threshold) so that the
// founders stay apart. Printed: founders, stories they made, merges, the tracker's microseconds
// per founder and per follow-up, and the share of follow-ups that joined their founder's
// (merged) story.
//
// Options: --shared DIR, --updates N (default 30000), --stories S[,S...] (default
// 1000,10000,100000), --followups N (default 5000). Exit 2 on bad arguments or missing corpus.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/io/record_decoder.hpp"
#include "sitrep/stream/engine.hpp"
#include "sitrep/stream/stories.hpp"
#include "stream_source.hpp"
#include "bench_clock.hpp"

#ifndef SITREP_SHARED_DIR
#define SITREP_SHARED_DIR "../shared"
#endif

namespace {

using sitrep::bench::thread_cpu_seconds;
using sitrep::bench::timed_observer;

using clock_type = std::chrono::steady_clock;

int fail(const std::string& msg) {
  std::fprintf(stderr, "stories_bench: %s\n", msg.c_str());
  return 2;
}

bool parse_list(const std::string& s, std::vector<std::size_t>& out) {
  out.clear();
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    char* end = nullptr;
    const std::string part = s.substr(start, comma - start);
    const unsigned long long v = std::strtoull(part.c_str(), &end, 10);
    if (part.empty() || *end != '\0') return false;
    out.push_back(static_cast<std::size_t>(v));
    start = comma + 1;
  }
  return !out.empty();
}

// A made-up word for number n: letters only, so that the analyzer keeps it whole.
std::string word(std::size_t n, char lead) {
  std::string w(1, lead);
  do {
    w.push_back(static_cast<char>('a' + n % 26));
    n /= 26;
  } while (n > 0);
  return w + "x";
}

sitrep::update synthetic(std::size_t story, std::mt19937_64& rng, std::int64_t time) {
  sitrep::update u;
  std::string text;
  // Six words of the story's own, then four common words: a short news post.
  for (std::size_t k = 0; k < 6; ++k) text += word(story * 6 + k, 'q') + ' ';
  std::uniform_int_distribution<std::size_t> common(0, 19999);
  for (int k = 0; k < 4; ++k) text += word(common(rng), 'z') + ' ';
  text.back() = '.';
  u.text = std::move(text);
  u.unix_time = time;
  return u;
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared = SITREP_SHARED_DIR;
  std::size_t updates = 30000, followups = 5000;
  std::vector<std::size_t> sizes = {1000, 10000, 100000};
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--help" || a == "-h") {
      std::printf("usage: stories_bench [--shared DIR] [--updates N] [--stories S,...] "
                  "[--followups N]\n");
      return 0;
    }
    if (i + 1 >= argc) return fail("missing value after " + std::string(a));
    const std::string v = argv[++i];
    std::vector<std::size_t> list;
    if (a == "--shared") {
      shared = v;
    } else if (a == "--updates" && parse_list(v, list) && list.size() == 1) {
      updates = list[0];
    } else if (a == "--followups" && parse_list(v, list) && list.size() == 1) {
      followups = list[0];
    } else if (a == "--stories" && parse_list(v, list)) {
      sizes = list;
    } else {
      return fail("bad option " + std::string(a) + " " + v);
    }
  }

  // Part 1: throughput on a generated live-blog stream.
  sitrep::bench::stream_options so;
  so.shared_dir = shared;
  auto gen = sitrep::bench::stream_source::create(so);
  if (!gen) return fail(gen.error().message());
  std::vector<sitrep::update> stream;
  {
    sitrep::io::record_decoder decode("bench.jsonl", sitrep::io::input_format::jsonl);
    std::string line;
    for (std::size_t i = 0; i < updates; ++i) {
      line.clear();
      gen->next_line(line);
      if (!line.empty() && line.back() == '\n') line.pop_back();
      auto r = decode(line, i + 1);
      if (!r) return fail(r.error().message());
      if (*r) stream.push_back(std::move(**r));
    }
  }
  double engine_only = 0, with_tracking = 0, tracker_only = 0;
  std::size_t found = 0;
  for (int pass = 0; pass < 2; ++pass) {
    auto e = sitrep::stream::engine::create({});
    auto s = sitrep::stream::stories::create({});
    if (!e || !s) return fail("cannot create the engine or the tracker");
    timed_observer timed(*s);
    if (pass == 1) (void)e->attach(timed);
    const auto t0 = clock_type::now();
    for (const auto& u : stream) {
      if (auto r = e->add(u); !r) return fail(r.error().message());
    }
    const double secs = std::chrono::duration<double>(clock_type::now() - t0).count();
    if (pass == 0) {
      engine_only = secs;
    } else {
      with_tracking = secs;
      tracker_only = timed.seconds;
      found = s->size();
    }
  }
  const double n = static_cast<double>(stream.size());
  std::printf("live-blog stream, %zu updates (%zu stories found)\n", stream.size(), found);
  std::printf("  engine alone        %10.0f updates/s  (%.2f s)\n", n / engine_only, engine_only);
  std::printf("  engine + stories    %10.0f updates/s  (%.2f s)\n", n / with_tracking,
              with_tracking);
  std::printf("  stories alone       %10.0f updates/s  (%.2f s, %.1f us/update)\n",
              n / tracker_only, tracker_only, 1e6 * tracker_only / n);

  // Part 2: cost per update as live stories grow.
  std::printf("\n%8s %8s %8s %12s %12s %10s\n", "founders", "stories", "merges", "us/founder",
              "us/followup", "joined");
  for (std::size_t stories_wanted : sizes) {
    auto e = sitrep::stream::engine::create({});
    // A fixed bar (the default one adapts to the stream, and in a stream made only of new
    // stories it sinks until founders that share a common word join): S live stories.
    sitrep::stream::story_options fixed;
    fixed.min_threshold = fixed.threshold = 0.3;
    auto s = sitrep::stream::stories::create(fixed);
    if (!e || !s) return fail("cannot create the engine or the tracker");
    timed_observer timed(*s);
    (void)e->attach(timed);
    std::mt19937_64 rng(20151120);
    std::int64_t time = 1448000000;
    std::vector<std::uint32_t> story_of_founder;
    for (std::size_t k = 0; k < stories_wanted; ++k) {
      auto r = e->add(synthetic(k, rng, time++));
      if (!r) return fail(r.error().message());
      story_of_founder.push_back(s->story_of(r->update));
    }
    const double found_seconds = timed.seconds;
    const std::size_t founded = s->size();
    timed.seconds = 0;
    std::uniform_int_distribution<std::size_t> pick(0, stories_wanted - 1);
    std::size_t joined = 0;
    for (std::size_t i = 0; i < followups; ++i) {
      const std::size_t k = pick(rng);
      auto r = e->add(synthetic(k, rng, time++));
      if (!r) return fail(r.error().message());
      joined += s->canonical(s->story_of(r->update)) == s->canonical(story_of_founder[k]);
    }
    std::printf("%8zu %8zu %8zu %12.2f %12.2f %10.3f\n", stories_wanted, founded, s->merges(),
                1e6 * found_seconds / static_cast<double>(stories_wanted),
                1e6 * timed.seconds / static_cast<double>(followups),
                static_cast<double>(joined) / static_cast<double>(followups));
  }
  return 0;
}
