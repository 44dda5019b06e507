#include "sitrep/io/time.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string_view>

namespace sitrep::io {
namespace {

struct time_case {
  std::string_view text;
  std::optional<std::int64_t> expected;
};

// Expected values computed independently (Python's calendar.timegm).
constexpr std::int64_t kAttack = 1448012460;  // 2015-11-20T09:41:00Z

const time_case kTimeCases[] = {
    {"2015-11-20T09:41:00Z", kAttack},
    {"2015-11-20t09:41:00z", kAttack},
    {"2015-11-20 09:41:00Z", kAttack},
    {"2015-11-20T09:41:00", kAttack},  // no offset: UTC
    {"2015-11-20T09:41Z", kAttack},    // no seconds
    {"2015-11-20T09:41:00.250Z", kAttack},
    {"2015-11-20T09:41:00,999999999Z", kAttack},
    {"2015-11-20T10:41:00+01:00", kAttack},
    {"2015-11-20T10:41:00+0100", kAttack},
    {"2015-11-20T10:41:00+01", kAttack},
    {"2015-11-20T04:11:00-05:30", kAttack},
    {"2015-11-20T09:41:00-00:00", kAttack},
    {"2015-11-20T10:41:00.5+01:00", kAttack},
    {"2015-11-20", 1447977600},
    {"1970-01-01", 0},
    {"1970-01-01T00:00:00Z", 0},
    {"1969-12-31T23:59:59Z", -1},
    {"2016-02-29T23:59:59Z", 1456790399},
    {"2000-03-01", 951868800},
    {"1900-01-01", -2208988800},
    {"0001-01-01", -62135596800},
    {"9999-12-31T23:59:59Z", 253402300799},
    {"2016-12-31T23:59:60Z", 1483228800},  // leap second: the next minute's first second
    // Not parseable: kept as text by the readers, unix_time empty.
    {"", std::nullopt},
    {"yesterday", std::nullopt},
    {"2015-11-20T", std::nullopt},
    {"2015-11-20T09", std::nullopt},
    {"2015-11-20T09:41:", std::nullopt},
    {"2015-11-20T09:41:00.", std::nullopt},
    {"2015-11-20T09:41:00+", std::nullopt},
    {"2015-11-20T09:41:00+01:", std::nullopt},
    {"2015-11-20T09:41:00+1", std::nullopt},
    {"2015-11-20T09:41:00+24:00", std::nullopt},
    {"2015-11-20T09:41:00Zjunk", std::nullopt},
    {"2015-11-20T09:41:00 ", std::nullopt},
    {" 2015-11-20", std::nullopt},
    {"2015-11-20Z", std::nullopt},
    {"2015-13-01", std::nullopt},
    {"2015-00-01", std::nullopt},
    {"2015-02-29", std::nullopt},  // not a leap year
    {"1900-02-29", std::nullopt},  // century, not a leap year
    {"2015-04-31", std::nullopt},
    {"2015-11-00", std::nullopt},
    {"2015-11-20T24:00:00Z", std::nullopt},
    {"2015-11-20T23:60:00Z", std::nullopt},
    {"2015-11-20T23:59:61Z", std::nullopt},
    {"15-11-20", std::nullopt},
    {"2015/11/20", std::nullopt},
    {"20151120T094100Z", std::nullopt},
    {"2015-1-20", std::nullopt},
};

TEST(io_parse_iso8601, table) {
  for (const auto& c : kTimeCases) {
    EXPECT_EQ(parse_iso8601(c.text), c.expected) << "input: \"" << c.text << "\"";
  }
}

TEST(io_days_from_civil, known_days) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(1970, 1, 2), 1);
  EXPECT_EQ(days_from_civil(1969, 12, 31), -1);
  EXPECT_EQ(days_from_civil(2000, 2, 29), 11016);
  EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
  EXPECT_EQ(days_from_civil(1600, 1, 1), -135140);
}

TEST(io_days_from_civil, consecutive_dates_are_consecutive_days) {
  // Walk every day from 1899 to 2101 by hand and check the count never jumps.
  static constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  std::int64_t expected = days_from_civil(1899, 1, 1);
  for (int year = 1899; year <= 2101; ++year) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    for (unsigned month = 1; month <= 12; ++month) {
      const unsigned days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
      for (unsigned day = 1; day <= days; ++day) {
        ASSERT_EQ(days_from_civil(year, month, day), expected)
            << year << '-' << month << '-' << day;
        ++expected;
      }
    }
  }
}

}  // namespace
}  // namespace sitrep::io
