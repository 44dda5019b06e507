// entities_bench: what entity extraction and figure series cost per update, next to the
// engine's own ingest.
//
//   build/bench/facts/entities_bench [--shared DIR] [--updates N] [--repeat R]
//
// For two generated streams (bench/stream/stream_source.hpp, default seed): `liveblog`
// (lowercased live-blog posts: the gazetteer alone) and `duc` (cased wire articles: every rule),
// N updates each (default 10,000), decoded untimed, then timed on this thread (CPU seconds,
// CLOCK_THREAD_CPUTIME_ID), R times each (default 3), keeping the median:
//   engine            `stream::engine::add` of every update;
//   entities          `facts::entity_extractor::extract` on every update's text alone;
//   engine+entities   engine add with a `facts::entities_observer` attached (extract + merge);
//   engine+figures    engine add with a `facts::figures_observer`;
//   +series           the same with a `facts::series` (no story tracker) after it.
// Prints µs per update, mentions and entities, and each observer's share of engine add.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "bench_clock.hpp"
#include "sitrep/facts/entities.hpp"
#include "sitrep/facts/figures_observer.hpp"
#include "sitrep/facts/series.hpp"
#include "sitrep/stream/engine.hpp"
#include "stream_source.hpp"

#ifndef SITREP_SHARED_DIR
#define SITREP_SHARED_DIR "../shared"
#endif

namespace {

using sitrep::bench::thread_cpu_seconds;

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

enum class with { nothing, entities, figures, series };

// CPU seconds to add `input` to a new engine with the observers of `w`; -1 on failure.
double run(const std::vector<sitrep::update>& input, with w, std::size_t* entities = nullptr) {
  auto eng = sitrep::stream::engine::create({});
  if (!eng) return -1;
  sitrep::facts::entities_observer ents;
  sitrep::facts::figures_observer figs;
  auto ser = sitrep::facts::series::create(figs, nullptr, {});
  if (!ser) return -1;
  if (w == with::entities && !eng->attach(ents).is_ok()) return -1;
  if ((w == with::figures || w == with::series) && !eng->attach(figs).is_ok()) return -1;
  if (w == with::series && !eng->attach(*ser).is_ok()) return -1;
  std::vector<sitrep::update> copy = input;  // untimed: add() takes the update
  const double c0 = thread_cpu_seconds();
  for (auto& u : copy)
    if (!eng->add(std::move(u))) return -1;
  const double t = thread_cpu_seconds() - c0;
  if (entities) *entities = ents.all().size();
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  sitrep::bench::stream_options opts;
  opts.shared_dir = SITREP_SHARED_DIR;
  std::size_t updates = 10000, repeat = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--shared" && i + 1 < argc) opts.shared_dir = argv[++i];
    else if (a == "--updates" && i + 1 < argc) updates = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--repeat" && i + 1 < argc) repeat = std::strtoull(argv[++i], nullptr, 10);
    else {
      std::fprintf(stderr, "usage: entities_bench [--shared DIR] [--updates N] [--repeat R]\n");
      return 2;
    }
  }
  if (updates == 0 || repeat == 0) return 2;
  for (auto kind : {sitrep::bench::stream_kind::liveblog, sitrep::bench::stream_kind::duc}) {
    opts.kind = kind;
    const char* name = kind == sitrep::bench::stream_kind::liveblog ? "liveblog" : "duc";
    auto gen = sitrep::bench::stream_source::create(opts);
    if (!gen) {
      std::printf("entities_bench: %s; nothing to measure\n", gen.error().message().c_str());
      return 0;
    }
    auto decoded = gen->next_updates(updates);
    if (!decoded) {
      std::fprintf(stderr, "entities_bench: %s\n", decoded.error().message().c_str());
      return 2;
    }
    std::vector<sitrep::update> input = std::move(*decoded);
    double bytes = 0;
    for (const auto& u : input) bytes += static_cast<double>(u.text.size());
    const sitrep::facts::entity_extractor extractor;
    std::vector<double> engine_s, extract_s, ents_s, figs_s, series_s;
    std::size_t mentions = 0, entities = 0;
    for (std::size_t r = 0; r < repeat; ++r) {
      mentions = 0;
      const double c0 = thread_cpu_seconds();
      for (const auto& u : input) mentions += extractor.extract(u.text).size();
      extract_s.push_back(thread_cpu_seconds() - c0);
      for (auto [w, out] : {std::pair{with::nothing, &engine_s}, std::pair{with::entities, &ents_s},
                            std::pair{with::figures, &figs_s}, std::pair{with::series, &series_s}}) {
        const double t = run(input, w, w == with::entities ? &entities : nullptr);
        if (t < 0) return 2;
        out->push_back(t);
      }
    }
    const double n = static_cast<double>(input.size());
    const double e = median(engine_s), x = median(extract_s), en = median(ents_s),
                 f = median(figs_s), s = median(series_s);
    std::printf("%s: %zu updates (%.0f text bytes each on average), median of %zu runs, CPU time\n",
                name, input.size(), bytes / n, repeat);
    std::printf("  engine add        %8.2f us/update\n", e / n * 1e6);
    std::printf("  entities          %8.2f us/update   %.2f mentions/update   %.1f%% of engine add\n",
                x / n * 1e6, static_cast<double>(mentions) / n, 100.0 * x / e);
    std::printf("  engine+entities   %8.2f us/update   %zu entities   entities add %.1f%% to engine add\n",
                en / n * 1e6, entities, 100.0 * (en / e - 1));
    std::printf("  engine+figures    %8.2f us/update   figures add %.1f%%\n", f / n * 1e6,
                100.0 * (f / e - 1));
    std::printf("  +series           %8.2f us/update   series add %.1f%% to engine+figures\n",
                s / n * 1e6, 100.0 * (s / f - 1));
  }
  return 0;
}
