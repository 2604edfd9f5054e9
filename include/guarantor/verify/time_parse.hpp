#pragma once
// Dates and times as they appear in event data sets, converted to UTC seconds.
#include <optional>
#include <string>
#include <string_view>

#include "guarantor/verify/report.hpp"

namespace guarantor::verify {

/// A parsed instant and how long the stated span is (a bare date spans a whole day).
struct ParsedTime {
  UnixSeconds time_s = 0;
  UnixSeconds uncertainty_s = 0;
  /// A clock time with neither "Z" nor an offset: time_s holds the wall-clock reading as if it
  /// were UTC, and the caller must convert it from the reporting time zone (or refuse it).
  bool local = false;
};

/// Seconds in a day; a date without a time covers [00:00, 24:00).
inline constexpr UnixSeconds SECONDS_PER_DAY = 86400;

/// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil).
std::int64_t days_from_civil(int year, unsigned month, unsigned day) noexcept;

/// Parses "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM|-HH:MM]", "YYYY-MM-DD HH:MM[:SS]",
/// "YYYYMMDD" and ACLED's "D Month YYYY"; nullopt on anything else or an impossible date.
/// A clock time without a zone is returned with `local` set.
std::optional<ParsedTime> parse_iso_like(std::string_view text);

/// Parses the month/day/year forms UCDP GED rows carry after spreadsheet round trips:
/// "9/30/2022 12:00:00 AM" and "09/01/2022 00:00" (see data/events SOURCES.md).
std::optional<ParsedTime> parse_us_date(std::string_view text);

/// "YYYY-MM-DD" of an instant (UTC), for output and daily aggregation.
std::string format_date(UnixSeconds time_s);

/// "YYYY-MM-DDTHH:MM:SSZ" of an instant (UTC).
std::string format_datetime(UnixSeconds time_s);

}  // namespace guarantor::verify
