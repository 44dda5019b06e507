#include "sitrep/core/status.hpp"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(Status, DefaultIsOk) {
  status s;
  EXPECT_TRUE(s.is_ok());
  EXPECT_TRUE(s.message().empty());
  EXPECT_STREQ(to_string(s.code()), "ok");
}

TEST(Status, CarriesCodeAndMessage) {
  status s = invalid_input("feed.jsonl:3: bad JSON");
  EXPECT_FALSE(s.is_ok());
  EXPECT_EQ(s.code(), error_code::invalid_input);
  EXPECT_EQ(s.message(), "feed.jsonl:3: bad JSON");
}

TEST(Result, HoldsValueOrError) {
  result<int> good = 42;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 42);
  result<int> bad = not_found("no such language: klingon");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code(), error_code::not_found);
}

}  // namespace
}  // namespace sitrep
