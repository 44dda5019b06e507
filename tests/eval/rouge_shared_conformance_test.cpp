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
  testing::check_case(dir, GetParam());
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
