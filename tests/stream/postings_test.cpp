#include "sitrep/stream/postings.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <vector>

namespace sitrep::stream {
namespace {

using ::testing::ElementsAre;
using terms = std::vector<vsm::term_id>;

TEST(postings, lists_each_sentence_once_per_term_in_order) {
  postings p;
  p.add_sentence(0, terms{4, 7, 4});
  p.add_sentence(1, terms{7});
  p.add_sentence(5, terms{});
  p.add_sentence(6, terms{7, 2});
  EXPECT_THAT(p.of(7), ElementsAre(0, 1, 6));
  EXPECT_THAT(p.of(4), ElementsAre(0));
  EXPECT_THAT(p.of(2), ElementsAre(6));
  EXPECT_TRUE(p.of(3).empty());   // inside the table, never seen
  EXPECT_TRUE(p.of(99).empty());  // past the table
  EXPECT_EQ(p.size(), 5u);
  EXPECT_EQ(p.term_count(), 8u);
}

TEST(postings, latest_keeps_the_newest_k) {
  postings p;
  for (std::uint32_t s = 0; s < 10; ++s) p.add_sentence(s, terms{1});
  EXPECT_THAT(p.latest(1, 3), ElementsAre(7, 8, 9));
  EXPECT_EQ(p.latest(1, 100).size(), 10u);
  EXPECT_TRUE(p.latest(1, 0).empty());
  EXPECT_TRUE(p.latest(42, 3).empty());
}

TEST(postings, adding_the_same_sentence_again_lists_it_once) {
  postings p;
  p.add_sentence(3, terms{1});
  p.add_sentence(3, terms{1, 2});
  EXPECT_THAT(p.of(1), ElementsAre(3));
  EXPECT_THAT(p.of(2), ElementsAre(3));
}

}  // namespace
}  // namespace sitrep::stream
