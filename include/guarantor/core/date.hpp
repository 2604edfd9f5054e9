#pragma once
// The project's one date and time library: calendar dates (proleptic Gregorian) as days since
// 1970-01-01, instants as seconds since 1970-01-01T00:00:00Z, and the date and timestamp forms
// scenario files and event data sets carry (ISO 8601 with or without a zone, and the forms of
// ACLED and UCDP exports). Named time zones are in time_zone.hpp.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace guarantor {

/// Seconds since 1970-01-01T00:00:00Z (leap seconds not counted, as in POSIX time).
using UnixSeconds = std::int64_t;

/// Seconds in a day; a date without a time covers [00:00, 24:00).
inline constexpr UnixSeconds SECONDS_PER_DAY = 86400;

/// A day of the proleptic Gregorian calendar.
struct CivilDate {
  int year = 1970;
  unsigned month = 1;  ///< 1..12
  unsigned day = 1;    ///< 1..31
};

/// True for Gregorian leap years (divisible by 4, except centuries not divisible by 400).
bool is_leap_year(int year) noexcept;

/// Days in `month` (1..12) of `year`; 0 for a month outside 1..12.
unsigned days_in_month(int year, unsigned month) noexcept;

/// Days since 1970-01-01 of a date (Hinnant's days_from_civil); the date is not checked.
std::int64_t days_from_civil(int year, unsigned month, unsigned day) noexcept;

/// The date `days` days after 1970-01-01 (negative: before).
CivilDate civil_from_days(std::int64_t days) noexcept;

/// Why year-month-day is not a calendar day, e.g. "month 13 is not 1..12" or "February 2026
/// has 28 days"; "" when it is one.
std::string date_problem(int year, int month, int day);

/// Days since 1970-01-01 of an ISO 8601 date "YYYY-MM-DD", or nullopt when malformed or not a
/// real calendar day (2025-02-30 is refused).
std::optional<long> parse_iso_date(std::string_view text) noexcept;

/// Why `text` is not an ISO 8601 calendar date, as the end of an error message:
/// `got "2026-02-30": February 2026 has 28 days; expected a calendar date YYYY-MM-DD`;
/// "" when parse_iso_date accepts it.
std::string iso_date_problem(std::string_view text);

/// "YYYY-MM-DD" for days since 1970-01-01.
std::string format_iso_date(long days_since_epoch);

/// A calendar day, held as days since 1970-01-01. Built only from a checked ISO 8601 date or a
/// day count, so every Date is a real day; printed back as "YYYY-MM-DD" exactly as read.
class Date {
public:
  /// The date of "YYYY-MM-DD", or nullopt when parse_iso_date refuses it.
  [[nodiscard]] static std::optional<Date> from_iso(std::string_view text) noexcept;
  /// The day `days` days after 1970-01-01 (negative: before).
  [[nodiscard]] static constexpr Date from_days(long days) noexcept { return Date(days); }
  /// Days since 1970-01-01.
  [[nodiscard]] constexpr long days() const noexcept { return days_; }
  /// The day `days` later (earlier when negative).
  [[nodiscard]] constexpr Date plus_days(long days) const noexcept { return Date(days_ + days); }
  /// "YYYY-MM-DD".
  [[nodiscard]] std::string iso() const;
  friend constexpr auto operator<=>(const Date&, const Date&) = default;

private:
  constexpr explicit Date(long days) noexcept : days_(days) {}
  long days_ = 0;
};

/// "YYYY-MM-DD" of an instant (UTC day).
std::string format_date(UnixSeconds time_s);

/// "YYYY-MM-DDTHH:MM:SSZ" of an instant.
std::string format_datetime(UnixSeconds time_s);

/// A parsed instant and how long the stated span is (a bare date spans a whole day).
struct ParsedTime {
  UnixSeconds time_s = 0;
  UnixSeconds uncertainty_s = 0;
  /// A clock time with neither "Z" nor an offset: time_s holds the wall-clock reading as if it
  /// were UTC, and the caller converts it from the reporting time zone (TimeZone::to_utc) or
  /// refuses it.
  bool local = false;
};

/// Parses "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS[.fff]][Z|+HH:MM|+HHMM|-HH:MM]", the same with a
/// space for "T", "YYYYMMDD" and ACLED's "D Month YYYY"; nullopt on anything else or an
/// impossible date or time. A clock time without a zone is returned with `local` set.
std::optional<ParsedTime> parse_timestamp(std::string_view text);

/// Parses the month/day/year forms UCDP GED rows carry after spreadsheet round trips:
/// "9/30/2022 12:00:00 AM" and "09/01/2022 00:00" (the day is the span: the source records
/// dates).
std::optional<ParsedTime> parse_us_date(std::string_view text);

}  // namespace guarantor
