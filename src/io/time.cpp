#include "sitrep/io/time.hpp"

#include <cstddef>

namespace sitrep::io {

std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) noexcept {
  // Count in "March years" so that the leap day is the last day of its year: March is month 0 and
  // February of the civil year y belongs to March year y - 1. Then 400-year eras repeat exactly
  // (146097 days) and the days before a month follow the line (153 * m + 2) / 5.
  const std::int64_t y = month <= 2 ? year - 1 : year;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t year_of_era = y - era * 400;                          // [0, 399]
  const std::int64_t march_month = month > 2 ? month - 3 : month + 9;      // [0, 11]
  const std::int64_t day_of_year = (153 * march_month + 2) / 5 + day - 1;  // [0, 365]
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;  // [0, 146096]
  // 719468 days separate 0000-03-01 (day 0 of era 0) from 1970-01-01.
  return era * 146097 + day_of_era - 719468;
}

namespace {

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Reads exactly `n` digits at `pos`; false if any is missing.
bool take_digits(std::string_view s, std::size_t& pos, std::size_t n, int& out) noexcept {
  if (pos + n > s.size()) return false;
  int value = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = s[pos + i];
    if (!is_digit(c)) return false;
    value = value * 10 + (c - '0');
  }
  pos += n;
  out = value;
  return true;
}

bool take(std::string_view s, std::size_t& pos, char c) noexcept {
  if (pos < s.size() && s[pos] == c) {
    ++pos;
    return true;
  }
  return false;
}

bool is_leap(int year) noexcept { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) noexcept {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

}  // namespace

std::optional<std::int64_t> parse_iso8601(std::string_view s) noexcept {
  std::size_t pos = 0;
  int year = 0, month = 0, day = 0;
  if (!take_digits(s, pos, 4, year) || !take(s, pos, '-') || !take_digits(s, pos, 2, month) ||
      !take(s, pos, '-') || !take_digits(s, pos, 2, day)) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
  std::int64_t seconds =
      days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400;
  if (pos == s.size()) return seconds;

  if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return std::nullopt;
  ++pos;
  int hour = 0, minute = 0, second = 0;
  if (!take_digits(s, pos, 2, hour) || !take(s, pos, ':') || !take_digits(s, pos, 2, minute)) {
    return std::nullopt;
  }
  if (take(s, pos, ':')) {
    if (!take_digits(s, pos, 2, second)) return std::nullopt;
    if (take(s, pos, '.') || take(s, pos, ',')) {
      const std::size_t first = pos;
      while (pos < s.size() && is_digit(s[pos])) ++pos;
      if (pos == first) return std::nullopt;  // "09:41:00." has no fraction
    }
  }
  if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
  seconds += hour * 3600 + minute * 60 + second;
  if (pos == s.size()) return seconds;  // no offset: UTC

  if (s[pos] == 'Z' || s[pos] == 'z') {
    ++pos;
  } else if (s[pos] == '+' || s[pos] == '-') {
    const int sign = s[pos] == '+' ? 1 : -1;
    ++pos;
    int offset_hours = 0, offset_minutes = 0;
    if (!take_digits(s, pos, 2, offset_hours)) return std::nullopt;
    if (pos < s.size()) {
      take(s, pos, ':');
      if (!take_digits(s, pos, 2, offset_minutes)) return std::nullopt;
    }
    if (offset_hours > 23 || offset_minutes > 59) return std::nullopt;
    // Local time = UTC + offset, so UTC = local - offset.
    seconds -= sign * (offset_hours * 3600 + offset_minutes * 60);
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  return seconds;
}

}  // namespace sitrep::io
