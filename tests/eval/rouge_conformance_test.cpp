// Every figure the reference ROUGE-1.5.5 script printed for the project's own fixtures
// (tests/data/rouge/{edge,random}) must be reproduced to the last digit.
#include <gtest/gtest.h>

#include <ostream>

#include "../test_names.hpp"

#include "conformance.hpp"

namespace sitrep::eval {
namespace {

class rouge_fixture_conformance : public ::testing::TestWithParam<const char*> {};

TEST_P(rouge_fixture_conformance, ReproducesEveryFigure) {
  const std::string dir = std::string(SITREP_TEST_DATA_DIR) + "/rouge/" + GetParam();
  testing::check_case(dir, GetParam());
}

INSTANTIATE_TEST_SUITE_P(fixtures, rouge_fixture_conformance, ::testing::Values("edge", "random"),
                         [](const auto& info) { return sitrep::test_support::test_name(info.param); });

}  // namespace
}  // namespace sitrep::eval
