// Every figure the reference ROUGE-1.5.5 script printed for the project's own fixtures
// (tests/data/rouge/{edge,random}) must be reproduced to the last digit.
#include <gtest/gtest.h>

#include "conformance.hpp"

namespace sitrep::eval {
namespace {

class rouge_fixture_conformance : public ::testing::TestWithParam<const char*> {};

TEST_P(rouge_fixture_conformance, ReproducesEveryFigure) {
  const std::string dir = std::string(SITREP_TEST_DATA_DIR) + "/rouge/" + GetParam();
  const auto t = testing::run_case(dir, testing::known_gaps_of(GetParam()));
  EXPECT_GT(t.checked, 0);
  EXPECT_GE(t.exact, testing::exact_floor(GetParam()));
  RecordProperty("figures_checked", t.checked);
  RecordProperty("figures_exact", t.exact);
  std::printf("[ rouge    ] %s: %d figures checked, %d exact, %d known-gap mismatches\n",
              GetParam(), t.checked, t.exact, t.known_gap);
}

INSTANTIATE_TEST_SUITE_P(fixtures, rouge_fixture_conformance, ::testing::Values("edge", "random"));

}  // namespace
}  // namespace sitrep::eval
