// B-cubed and adjusted Rand index on clusterings small enough to score by hand.
#include "sitrep/eval/bcubed.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "../test_names.hpp"

namespace sitrep::eval {
namespace {

using strings = std::vector<std::string>;

struct bcubed_case {
  const char* name;
  strings found;
  strings gold;
  double precision, recall, f1, ari;
};

// Each row worked out by hand (see the comments) before the code ran.
const bcubed_case kCases[] = {
    // Identical up to renaming: everything 1.
    {"renamed", {"x", "x", "y"}, {"a", "a", "b"}, 1.0, 1.0, 1.0, 1.0},
    // The header's example: cells (x,a)=2 (x,b)=1 (y,b)=1. P = (2/3+2/3+1/3+1)/4 = 2/3,
    // R = (1+1+1/2+1/2)/4 = 3/4. ARI: index 1, expected 3*2/6 = 1, max 5/2 -> 0.
    {"header", {"x", "x", "x", "y"}, {"a", "a", "b", "b"}, 2.0 / 3, 0.75,
     2 * (2.0 / 3) * 0.75 / (2.0 / 3 + 0.75), 0.0},
    // All in one: P = 1/2, R = 1; ARI: index 2, expected 6*2/6 = 2, max 4 -> 0.
    {"one_cluster", {"x", "x", "x", "x"}, {"a", "a", "b", "b"}, 0.5, 1.0, 2.0 / 3, 0.0},
    // All alone: P = 1, R = 1/2; ARI: index 0, expected 0, max 1 -> 0.
    {"singletons", {"1", "2", "3", "4"}, {"a", "a", "b", "b"}, 1.0, 0.5, 2.0 / 3, 0.0},
    // Cells (1,a)=2 (2,a)=1 (2,b)=2. P = (4/2 + 1/3 + 4/3)/5 = 11/15, R = (4/3 + 1/3 + 4/2)/5
    // = 11/15. ARI: index 1+0+1 = 2, sums 4 and 4, expected 16/10, max 4 -> 0.4/2.4 = 1/6.
    {"five", {"1", "1", "2", "2", "2"}, {"a", "a", "a", "b", "b"}, 11.0 / 15, 11.0 / 15,
     11.0 / 15, 1.0 / 6},
    // Worse than chance: gold pairs split, found pairs across. Cells all 1. P = R = 1/2.
    // ARI: index 0, sums 2 and 2, expected 4/6, max 2 -> -(2/3)/(4/3) = -1/2.
    {"crossed", {"x", "y", "x", "y"}, {"a", "a", "b", "b"}, 0.5, 0.5, 0.5, -0.5},
    // Nothing to score.
    {"empty", {}, {}, 1.0, 1.0, 1.0, 1.0},
};

void PrintTo(const bcubed_case& c, std::ostream* os) { *os << c.name; }

class eval_bcubed_table : public ::testing::TestWithParam<bcubed_case> {};

TEST_P(eval_bcubed_table, matches_the_hand_computed_scores) {
  const auto& c = GetParam();
  auto s = bcubed(std::span<const std::string>(c.found), std::span<const std::string>(c.gold));
  ASSERT_TRUE(s.ok()) << s.error().message();
  EXPECT_NEAR(s->precision, c.precision, 1e-12);
  EXPECT_NEAR(s->recall, c.recall, 1e-12);
  EXPECT_NEAR(s->f1, c.f1, 1e-12);
  EXPECT_NEAR(s->ari, c.ari, 1e-12);
  EXPECT_EQ(s->records, c.found.size());
}

INSTANTIATE_TEST_SUITE_P(hand, eval_bcubed_table, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return test_support::test_name(info.param.name); });

TEST(eval_bcubed, integer_labels_score_as_strings_do) {
  const std::vector<std::int64_t> found = {1, 1, 2, 2, 2}, gold = {7, 7, 7, 9, 9};
  auto s = bcubed(std::span<const std::int64_t>(found), std::span<const std::int64_t>(gold));
  ASSERT_TRUE(s.ok());
  EXPECT_NEAR(s->precision, 11.0 / 15, 1e-12);
  EXPECT_NEAR(s->ari, 1.0 / 6, 1e-12);
  EXPECT_EQ(s->found_clusters, 2u);
  EXPECT_EQ(s->gold_clusters, 2u);
}

TEST(eval_bcubed, unequal_lengths_are_refused) {
  const strings found = {"x"}, gold = {"a", "b"};
  auto s = bcubed(std::span<const std::string>(found), std::span<const std::string>(gold));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message().find("1 found labels but 2 gold"), std::string::npos);
}

}  // namespace
}  // namespace sitrep::eval
