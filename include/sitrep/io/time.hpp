// sitrep/io/time.hpp — ISO-8601 timestamps as written in news feeds, to seconds since the epoch.
//
//   std::optional<std::int64_t> t = sitrep::io::parse_iso8601("2015-11-20T09:41:00Z");
//   // *t == 1448012460
//   sitrep::io::parse_iso8601("yesterday");  // std::nullopt: not an error, just unknown
//
// Accepted forms (RFC 3339 and the common ISO-8601 profile of feeds):
//   2015-11-20                       date only: midnight UTC
//   2015-11-20T09:41                 minutes, no seconds
//   2015-11-20T09:41:00              seconds; no offset means UTC
//   2015-11-20T09:41:00.250Z         fractional seconds (`.` or `,`, any number of digits),
//                                    truncated toward the earlier second
//   2015-11-20T09:41:00+01:00        offsets +hh:mm, +hhmm, +hh, -hh:mm, Z; the result is UTC
// `T` may also be `t` or a single space and `Z` may be `z`. The year has four digits; months,
// days (leap years included), hours 00-23, minutes 00-59 and seconds 00-60 are range-checked
// (a leap second 60 counts as the first second of the next minute). Anything else, including
// surrounding whitespace, gives std::nullopt.
//
// The conversion is plain arithmetic on the proleptic Gregorian calendar: it uses no locale, no
// time zone database and no global state, so it is thread-safe and gives the same answer
// everywhere.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace sitrep::io {

/// Seconds since 1970-01-01T00:00:00Z for `text` in one of the forms above, else std::nullopt.
std::optional<std::int64_t> parse_iso8601(std::string_view text) noexcept;

/// Days since 1970-01-01 of a proleptic Gregorian date (month 1-12, day 1-31); negative before
/// 1970. The caller checks the ranges; `parse_iso8601` does.
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) noexcept;

}  // namespace sitrep::io
