// facts_bench: what figure extraction costs per update, next to the engine's own ingest.
//
//   build/bench/facts/facts_bench [--shared DIR] [--updates N] [--repeat R]
//
// Generates N live-blog updates (bench/stream/stream_source.hpp, kind liveblog, default seed;
// default 20,000), decodes them untimed, then times on this thread (CPU seconds,
// CLOCK_THREAD_CPUTIME_ID, so waiting for a shared core does not count), R times each
// (default 3), keeping the median:
//   engine   `stream::engine::add` of every update (segment, analyze, index, repeat groups);
//   figures  `facts::figure_extractor::extract` on every update's text (splits it itself);
//   spans    `extract(text, sentences)` on every update with the engine's own sentence spans
//            (what the observer does per update, timed alone: the steadiest measure of what
//            figures add to ingest, since it does not difference two noisy engine runs);
//   engine+figures  engine add with a `facts::figures_observer` attached (the extractor on the
//            engine's own sentence spans: the cost figures add to ingest in the live engine).
//   statements  `facts::attribution_extractor::extract` and `facts::status_detector::extract`
//            on every update's `facts::analysis` (its sentences, on the engine's spans,
//            tokenized once), and the claim tracker (what `facts::statements_observer` does per
//            update, timed alone);
//   engine+facts  engine add with both observers attached (figures and statements).
// Prints µs per update for each, figures per update, and what figures (and all facts) add to
// the engine's ingest (engine+figures, engine+facts over engine, minus one).
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/facts/figures.hpp"
#include "sitrep/facts/figures_observer.hpp"
#include "sitrep/facts/statements_observer.hpp"
#include "sitrep/stream/engine.hpp"
#include "stream_source.hpp"
#include "bench_clock.hpp"

#ifndef SITREP_SHARED_DIR
#define SITREP_SHARED_DIR "../shared"
#endif

namespace {

using sitrep::bench::thread_cpu_seconds;

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  sitrep::bench::stream_options opts;
  opts.shared_dir = SITREP_SHARED_DIR;
  std::size_t updates = 20000, repeat = 3;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--shared" && i + 1 < argc) opts.shared_dir = argv[++i];
    else if (a == "--updates" && i + 1 < argc) updates = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--repeat" && i + 1 < argc) repeat = std::strtoull(argv[++i], nullptr, 10);
    else {
      std::fprintf(stderr, "usage: facts_bench [--shared DIR] [--updates N] [--repeat R]\n");
      return 2;
    }
  }
  if (updates == 0 || repeat == 0) return 2;
  auto gen = sitrep::bench::stream_source::create(opts);
  if (!gen) {
    std::printf("facts_bench: %s; nothing to measure\n", gen.error().message().c_str());
    return 0;
  }
  auto decoded = gen->next_updates(updates);
  if (!decoded) {
    std::fprintf(stderr, "facts_bench: %s\n", decoded.error().message().c_str());
    return 2;
  }
  std::vector<sitrep::update> input = std::move(*decoded);
  double bytes = 0;
  for (const auto& u : input) bytes += static_cast<double>(u.text.size());

  std::vector<double> engine_s, figures_s, both_s, spans_s, st_s, all_s;
  std::size_t statements = 0;
  const sitrep::facts::attribution_extractor attributions;
  const sitrep::facts::status_detector detector;
  std::size_t figures = 0;
  const sitrep::facts::figure_extractor extractor;
  // The two engine runs alternate their order from one repeat to the next, so that neither
  // always runs on a heap the other has just churned.
  std::vector<std::vector<sitrep::text::byte_span>> spans;  // per update, from the engine
  auto run_engine = [&](bool with_figures, std::vector<double>& out, bool with_statements = false) {
    auto eng = sitrep::stream::engine::create({});
    if (!eng) return false;
    sitrep::facts::figures_observer observer;
    sitrep::facts::statements_observer statements_obs;
    if (with_figures && !eng->attach(observer)) return false;
    if (with_statements && !eng->attach(statements_obs)) return false;
    std::vector<sitrep::update> copy = input;  // untimed: add() takes the update
    const double c0 = thread_cpu_seconds();
    for (auto& u : copy)
      if (!eng->add(std::move(u))) return false;
    out.push_back(thread_cpu_seconds() - c0);
    if (spans.empty()) {
      const auto& coll = eng->collection();
      spans.resize(coll.updates().size());
      for (const auto& rec : coll.sentences()) spans[rec.update].push_back(rec.bytes);
    }
    return !with_figures || observer.all().size() == figures;
  };
  for (std::size_t r = 0; r < repeat; ++r) {
    figures = 0;
    const double c0 = thread_cpu_seconds();
    for (const auto& u : input) figures += extractor.extract(u.text).size();
    figures_s.push_back(thread_cpu_seconds() - c0);
    const bool first = r % 2 == 0;
    if (!run_engine(!first, first ? engine_s : both_s)) return 2;
    if (!run_engine(first, first ? both_s : engine_s)) return 2;
    std::size_t on_spans = 0;
    const double c1 = thread_cpu_seconds();
    for (std::size_t u = 0; u < input.size(); ++u) on_spans += extractor.extract(input[u].text, spans[u]).size();
    spans_s.push_back(thread_cpu_seconds() - c1);
    if (on_spans != figures) return 2;
    statements = 0;
    sitrep::facts::claim_tracker tracker;
    sitrep::facts::analysis an;
    const double c2 = thread_cpu_seconds();
    for (std::size_t u = 0; u < input.size(); ++u) {
      an.assign(input[u].text, spans[u]);
      statements += attributions.extract(an).size();
      const auto marks = detector.extract(an);
      statements += marks.size();
      tracker.add(u, an, marks);
    }
    st_s.push_back(thread_cpu_seconds() - c2);
    if (!run_engine(true, all_s, true)) return 2;
  }
  const double n = static_cast<double>(input.size());
  const double e = median(engine_s), f = median(figures_s), b = median(both_s),
               sp = median(spans_s);
  std::printf("updates %zu (%.0f text bytes each on average), median of %zu runs, CPU time\n",
              input.size(), bytes / n, repeat);
  std::printf("engine add   %8.2f us/update\n", e / n * 1e6);
  std::printf("figures      %8.2f us/update   %.2f figures/update   %.1f%% of engine add\n",
              f / n * 1e6, static_cast<double>(figures) / n, 100.0 * f / e);
  std::printf("spans        %8.2f us/update   (extract on the engine's spans) %.1f%% of engine add\n",
              sp / n * 1e6, 100.0 * sp / e);
  std::printf("engine+figures %6.2f us/update   figures add %.1f%% to engine add\n", b / n * 1e6,
              100.0 * (b / e - 1));
  const double st = median(st_s), all = median(all_s);
  std::printf("statements   %8.2f us/update   %.2f attributions+marks/update   %.1f%% of engine add\n",
              st / n * 1e6, static_cast<double>(statements) / n, 100.0 * st / e);
  std::printf("figures+statements on spans %.1f%% of engine add\n", 100.0 * (sp + st) / e);
  std::printf("engine+facts %8.2f us/update   facts (figures and statements) add %.1f%% to engine add\n",
              all / n * 1e6, 100.0 * (all / e - 1));
  return 0;
}
