#include "sitrep/core/lines.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sitrep {
namespace {

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> out;
  for_each_line(text, [&](std::string_view line) { out.emplace_back(line); });
  return out;
}

TEST(ForEachLine, SplitsOnNewlinesAndDropsOneCarriageReturn) {
  EXPECT_EQ(lines_of("a\nb\r\n\nc"), (std::vector<std::string>{"a", "b", "", "c"}));
  EXPECT_EQ(lines_of("a\n"), (std::vector<std::string>{"a"}));  // no empty line after the last
  EXPECT_EQ(lines_of("x\r\r\n"), (std::vector<std::string>{"x\r"}));  // only one '\r' goes
  EXPECT_TRUE(lines_of("").empty());
  EXPECT_EQ(lines_of("\n"), (std::vector<std::string>{""}));
}

}  // namespace
}  // namespace sitrep
