#include "sitrep/vsm/vocabulary.hpp"

#include <gtest/gtest.h>

namespace sitrep::vsm {
namespace {

TEST(Vocabulary, InternsDenseStableIds) {
  vocabulary v;
  EXPECT_EQ(v.intern("hotel"), 0u);
  EXPECT_EQ(v.intern("bamako"), 1u);
  EXPECT_EQ(v.intern("hotel"), 0u);
  EXPECT_EQ(v.size(), 2u);
  EXPECT_EQ(v.term(1), "bamako");
  for (int i = 0; i < 10000; ++i) v.intern(std::to_string(i));  // growth keeps ids
  EXPECT_EQ(*v.find("bamako"), 1u);
  EXPECT_EQ(v.term(0), "hotel");
  EXPECT_FALSE(v.find("mali").has_value());
}

}  // namespace
}  // namespace sitrep::vsm
