// Summarization speed: every method over the 50 DUC 2004 clusters, one core, as
// `sitrep summarize --output-dir` runs them (read, build the vector space, summarize at 100
// words). Needs ../shared; without it the benchmarks report an error and measure nothing.
//
//   build/bench/rank/rank_bench                         # every method
//   build/bench/rank/rank_bench --benchmark_filter=ilp  # one
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "sitrep/io/reader.hpp"
#include "sitrep/rank/summarizer.hpp"

namespace {

std::vector<sitrep::io::input_document> duc_clusters() {
  std::vector<sitrep::io::input_document> docs;
  std::filesystem::path dir = std::filesystem::path(SITREP_SHARED_DIR) / "data/duc2004/input";
  if (!std::filesystem::is_directory(dir)) return docs;
  sitrep::io::read_stats stats;
  auto r = sitrep::io::read_inputs({dir.string()}, {}, stats);
  if (r) docs = std::move(r).value();
  return docs;
}

void summarize_all(benchmark::State& state, std::string method) {
  static const auto docs = duc_clusters();
  if (docs.empty()) {
    state.SkipWithError("../shared/data/duc2004/input not found");
    return;
  }
  auto s = sitrep::rank::make_summarizer(method);
  if (!s) {
    state.SkipWithError(s.error().message().c_str());
    return;
  }
  std::size_t sentences = 0;
  for (auto _ : state) {
    for (const auto& d : docs) {
      auto c = sitrep::vsm::collection::create({});
      for (const auto& u : d.updates) c->add(u);
      auto out = (*s)->summarize(*c, {sitrep::rank::budget_unit::words, 100});
      sentences += out.sentences.size();
      benchmark::DoNotOptimize(out);
    }
  }
  state.counters["clusters"] = static_cast<double>(docs.size());
  state.counters["sentences_out"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kAvgIterations);
}

}  // namespace

int main(int argc, char** argv) {
  for (const auto& m : sitrep::rank::methods()) {
    benchmark::RegisterBenchmark(("duc2004_50_clusters/" + std::string(m.id)).c_str(),
                                 summarize_all, std::string(m.id))
        ->Unit(benchmark::kMillisecond)
        ->MinTime(2.0);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
