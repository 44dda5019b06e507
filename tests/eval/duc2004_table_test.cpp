// The 13 published DUC 2004 systems in ../shared/data/duc2004 must reproduce the README's table
// (ROUGE-1/2/4 Average_R x 100, two decimals) under the official options. Skipped without ../shared.
#include <gtest/gtest.h>

#include <ostream>

#include "../test_names.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "sitrep/eval/rouge.hpp"
#include "sitrep/eval/topic_files.hpp"

namespace sitrep::eval {
namespace {

struct published {
  const char* system;
  double r1, r2, r4;
};

void PrintTo(const published& p, std::ostream* os) {
  *os << p.system << " R-1 " << p.r1 << " R-2 " << p.r2 << " R-4 " << p.r4;
}

class duc2004_table : public ::testing::TestWithParam<published> {};

TEST_P(duc2004_table, ReproducesPublishedRecall) {
  const std::string root = std::string(SITREP_SHARED_DIR) + "/data/duc2004";
  const std::string sys = root + "/systems/" + GetParam().system;
  if (!std::filesystem::exists(sys)) GTEST_SKIP() << sys << " is absent";
  auto topics = load_topics(sys, root + "/references");
  ASSERT_TRUE(topics.ok()) << topics.error().message();
  ASSERT_EQ(topics->size(), 50u);
  auto opts = parse_rouge_args("-n 4 -m -l 100 -c 95 -r 1000 -f A -p 0.5 -t 0 -a");
  ASSERT_TRUE(opts.ok());
  auto ev = rouge_scorer::create(*opts)->evaluate(*topics);
  ASSERT_TRUE(ev.ok());
  auto pct = [](double r) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", 100.0 * round5(r));
    return std::string(buf);
  };
  auto want = [](double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", x);
    return std::string(buf);
  };
  EXPECT_EQ(pct(ev->measures[0].average.recall), want(GetParam().r1)) << "ROUGE-1";
  EXPECT_EQ(pct(ev->measures[1].average.recall), want(GetParam().r2)) << "ROUGE-2";
  EXPECT_EQ(pct(ev->measures[3].average.recall), want(GetParam().r4)) << "ROUGE-4";
}

INSTANTIATE_TEST_SUITE_P(
    systems, duc2004_table,
    ::testing::Values(published{"Lead", 31.46, 6.13, 0.62}, published{"LexRank", 36.00, 7.51, 0.83},
                      published{"Centroid", 36.42, 7.98, 1.20},
                      published{"FreqSum", 35.31, 8.12, 1.00}, published{"TsSum", 35.93, 8.16, 1.03},
                      published{"GreedyKL", 38.03, 8.56, 1.27},
                      published{"CLASSY04", 37.71, 9.02, 1.53},
                      published{"CLASSY11", 37.21, 9.21, 1.48},
                      published{"Submodular", 39.23, 9.37, 1.39},
                      published{"DPP", 39.84, 9.62, 1.57}, published{"OCCAMS_V", 38.50, 9.75, 1.33},
                      published{"RegSum", 38.60, 9.78, 1.62},
                      published{"ICSISumm", 38.44, 9.81, 1.74}),
    [](const auto& info) { return std::string(info.param.system); });

}  // namespace
}  // namespace sitrep::eval
