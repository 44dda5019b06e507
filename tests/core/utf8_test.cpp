#include "sitrep/core/utf8.hpp"

#include <gtest/gtest.h>

#include <ostream>

#include "../test_names.hpp"

#include <string>

namespace sitrep::utf8 {
namespace {

struct invalid_case {
  const char* name;
  std::string text;
  std::size_t first_invalid;
};

void PrintTo(const invalid_case& c, std::ostream* os) { *os << c.name; }

class utf8_first_invalid : public ::testing::TestWithParam<invalid_case> {};

TEST_P(utf8_first_invalid, FindsTheFirstIllFormedByte) {
  EXPECT_EQ(first_invalid(GetParam().text), GetParam().first_invalid);
}

INSTANTIATE_TEST_SUITE_P(
    table, utf8_first_invalid,
    ::testing::Values(invalid_case{"empty", "", 0}, invalid_case{"ascii", "abc", 3},
                      invalid_case{"two_byte", "\xC3\x89t\xC3\xA9", 5},
                      invalid_case{"four_byte", "\xF0\x9F\x90\x98", 4},
                      invalid_case{"latin1", "caf\xE9", 3},
                      invalid_case{"stray_continuation", "a\x80", 1},
                      invalid_case{"overlong", "\xC0\xAF", 0},
                      invalid_case{"overlong_three", "\xE0\x80\xAF", 0},
                      invalid_case{"surrogate", "\xED\xA0\x80", 0},
                      invalid_case{"above_max", "\xF4\x90\x80\x80", 0},
                      invalid_case{"truncated", "ab\xE2\x82", 2},
                      invalid_case{"ff", "\xFF", 0}),
    [](const auto& info) { return std::string(info.param.name); });

struct floor_case {
  const char* name;
  std::string text;
  std::size_t n;
  std::size_t floor;
};

void PrintTo(const floor_case& c, std::ostream* os) { *os << c.name << " at " << c.n; }

class utf8_floor_boundary : public ::testing::TestWithParam<floor_case> {};

TEST_P(utf8_floor_boundary, NeverSplitsACharacter) {
  EXPECT_EQ(floor_boundary(GetParam().text, GetParam().n), GetParam().floor);
}

INSTANTIATE_TEST_SUITE_P(
    table, utf8_floor_boundary,
    ::testing::Values(floor_case{"ascii", "abc", 2, 2}, floor_case{"past_end", "abc", 9, 3},
                      floor_case{"zero", "\xC3\x89", 0, 0},
                      floor_case{"inside_two_byte", "\xC3\x89l", 1, 0},
                      floor_case{"after_two_byte", "\xC3\x89l", 2, 2},
                      floor_case{"inside_four_byte_1", "a\xF0\x9F\x90\x98", 2, 1},
                      floor_case{"inside_four_byte_3", "a\xF0\x9F\x90\x98", 4, 1},
                      floor_case{"after_four_byte", "a\xF0\x9F\x90\x98z", 5, 5},
                      floor_case{"invalid_bytes_are_units", "a\x80\x80\x80\x80", 3, 3}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(utf8, SequenceLengthAndDecode) {
  const std::string s = "a\xC3\x89\xE2\x82\xAC\xF0\x9F\x90\x98";
  EXPECT_EQ(sequence_length(s, 0), 1u);
  EXPECT_EQ(sequence_length(s, 1), 2u);
  EXPECT_EQ(sequence_length(s, 2), 0u);  // a continuation byte starts nothing
  EXPECT_EQ(sequence_length(s, 3), 3u);
  EXPECT_EQ(sequence_length(s, 6), 4u);
  EXPECT_EQ(sequence_length(s, s.size()), 0u);
  EXPECT_EQ(decode(s, 1, 2), 0xC9u);
  EXPECT_EQ(decode(s, 3, 3), 0x20ACu);
  EXPECT_EQ(decode(s, 6, 4), 0x1F418u);
}

}  // namespace
}  // namespace sitrep::utf8
