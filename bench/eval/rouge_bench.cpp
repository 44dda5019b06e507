// ROUGE speed on real data: each of the 13 published DUC 2004 systems (50 topics, 4 references
// each) scored with the official options `-n 4 -m -l 100 -c 95 -r 1000 -f A -p 0.5 -t 0 -a`,
// bootstrap included. Files are read once, outside the timed loop. Target: < 0.1 s CPU a system.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "sitrep/eval/rouge.hpp"
#include "sitrep/eval/topic_files.hpp"

namespace {

const char* const kSystems[] = {"Lead",     "LexRank",  "Centroid", "FreqSum",    "TsSum",
                                "GreedyKL", "CLASSY04", "CLASSY11", "Submodular", "DPP",
                                "OCCAMS_V", "RegSum",   "ICSISumm"};
constexpr const char* kOptions = "-n 4 -m -l 100 -c 95 -r 1000 -f A -p 0.5 -t 0 -a";

std::string root() { return std::string(SITREP_SHARED_DIR) + "/data/duc2004"; }

void BM_duc2004_system(benchmark::State& state) {
  const char* name = kSystems[state.range(0)];
  auto topics = sitrep::eval::load_topics(root() + "/systems/" + name, root() + "/references");
  if (!topics) {
    state.SkipWithError(topics.error().message().c_str());
    return;
  }
  auto scorer = sitrep::eval::rouge_scorer::create(*sitrep::eval::parse_rouge_args(kOptions));
  double r2 = 0;
  for (auto _ : state) {
    auto ev = scorer->evaluate(*topics);
    benchmark::DoNotOptimize(ev);
    r2 = ev->measures[1].average.recall;
  }
  state.SetLabel(std::string(name) + " R-2 " + std::to_string(100 * r2));
}
BENCHMARK(BM_duc2004_system)->DenseRange(0, 12)->Unit(benchmark::kMillisecond);

// The same without the bootstrap (-r 1): the cost of the scoring alone.
void BM_duc2004_scoring_only(benchmark::State& state) {
  auto topics = sitrep::eval::load_topics(root() + "/systems/ICSISumm", root() + "/references");
  if (!topics) {
    state.SkipWithError(topics.error().message().c_str());
    return;
  }
  auto scorer = sitrep::eval::rouge_scorer::create(
      *sitrep::eval::parse_rouge_args("-n 4 -m -l 100 -r 1 -f A -p 0.5 -t 0"));
  for (auto _ : state) benchmark::DoNotOptimize(scorer->evaluate(*topics));
}
BENCHMARK(BM_duc2004_scoring_only)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (!std::filesystem::exists(root() + "/systems")) {
    std::printf("rouge_bench: %s is absent; nothing to measure\n", root().c_str());
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
