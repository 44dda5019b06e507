// Every case of the shared conformance vectors (../shared/rouge/cases/*), which hold third-party
// text and so are read in place; skipped when ../shared is absent.
#include <gtest/gtest.h>

#include <filesystem>

#include "conformance.hpp"

namespace sitrep::eval {
namespace {

class rouge_shared_conformance : public ::testing::TestWithParam<const char*> {};

TEST_P(rouge_shared_conformance, ReproducesEveryFigure) {
  const std::string dir = std::string(SITREP_SHARED_DIR) + "/rouge/cases/" + GetParam();
  if (!std::filesystem::exists(dir + "/expected.tsv"))
    GTEST_SKIP() << dir << " is absent (the shared conformance vectors are not checked out)";
  const auto t = testing::run_case(dir, testing::known_gaps_of(GetParam()));
  EXPECT_GT(t.checked, 0);
  EXPECT_GE(t.exact, testing::exact_floor(GetParam()));
  RecordProperty("figures_checked", t.checked);
  RecordProperty("figures_exact", t.exact);
  std::printf("[ rouge    ] %s: %d figures checked, %d exact, %d known-gap mismatches\n",
              GetParam(), t.checked, t.exact, t.known_gap);
}

INSTANTIATE_TEST_SUITE_P(cases, rouge_shared_conformance,
                         ::testing::Values("edge", "random", "duc2004-LexRank", "duc2004-ICSISumm",
                                           "duc2004-Lead", "liveblog"),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (char& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

}  // namespace
}  // namespace sitrep::eval
