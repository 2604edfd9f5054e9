#include "guarantor/core/date.hpp"

#include <array>
#include <charconv>

#include <fmt/format.h>

#include "guarantor/core/printable.hpp"

namespace guarantor {
namespace {

constexpr UnixSeconds SECONDS_PER_HOUR = 3600;
constexpr UnixSeconds SECONDS_PER_MINUTE = 60;
constexpr std::array<std::string_view, 12> MONTH_NAMES{"January",   "February", "March",    "April",
                                                       "May",       "June",     "July",     "August",
                                                       "September", "October",  "November", "December"};

}  // namespace

bool is_leap_year(int year) noexcept { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned days_in_month(int year, unsigned month) noexcept {
  constexpr std::array<unsigned, 12> DAYS{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap_year(year) ? 29 : DAYS[month - 1];
}

std::int64_t days_from_civil(int year, unsigned month, unsigned day) noexcept {
  year -= month <= 2;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

CivilDate civil_from_days(std::int64_t days) noexcept {
  // Hinnant's civil_from_days: eras of 400 years (146,097 days) starting on 1 March.
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2)), month, day};
}

std::string date_problem(int year, int month, int day) {
  if (month < 1 || month > 12) return fmt::format("month {} is not 1..12", month);
  const unsigned last = days_in_month(year, static_cast<unsigned>(month));
  if (day < 1 || static_cast<unsigned>(day) > last)
    return fmt::format("{} {} has {} days", MONTH_NAMES[static_cast<std::size_t>(month - 1)], year, last);
  return {};
}

namespace {
// "YYYY-MM-DD" split into numbers; false when the shape is wrong.
bool split_iso_date(std::string_view text, int& year, int& month, int& day) noexcept {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  const auto parse = [&](std::size_t offset, std::size_t length, int& out) {
    const char* first = text.data() + offset;
    if (*first < '0' || *first > '9') return false;  // from_chars would take a sign
    const auto [ptr, ec] = std::from_chars(first, first + length, out);
    return ec == std::errc() && ptr == first + length;
  };
  return parse(0, 4, year) && parse(5, 2, month) && parse(8, 2, day);
}
}  // namespace

std::optional<long> parse_iso_date(std::string_view text) noexcept {
  int year = 0, month = 0, day = 0;
  if (!split_iso_date(text, year, month, day)) return std::nullopt;
  if (days_in_month(year, static_cast<unsigned>(month)) == 0 || day < 1 ||
      static_cast<unsigned>(day) > days_in_month(year, static_cast<unsigned>(month)))
    return std::nullopt;
  return static_cast<long>(days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

std::optional<Date> Date::from_iso(std::string_view text) noexcept {
  const auto days = parse_iso_date(text);
  if (!days) return std::nullopt;
  return Date(*days);
}

std::string Date::iso() const { return format_iso_date(days_); }

std::string iso_date_problem(std::string_view text) {
  int year = 0, month = 0, day = 0;
  if (!split_iso_date(text, year, month, day))
    return fmt::format("got \"{}\"; expected a calendar date YYYY-MM-DD", excerpt(text));
  const std::string problem = date_problem(year, month, day);
  if (problem.empty()) return {};
  return fmt::format("got \"{}\": {}; expected a calendar date YYYY-MM-DD", excerpt(text), problem);
}

namespace {
// Writes `value` as `width` decimal digits, zero-padded (0 <= value < 10^width).
void put_digits(char* at, unsigned value, int width) {
  for (int index = width - 1; index >= 0; --index) {
    at[index] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}
constexpr int MAX_FOUR_DIGIT_YEAR = 9999;
}  // namespace

std::string format_iso_date(long days_since_epoch) {
  const CivilDate date = civil_from_days(days_since_epoch);
  // The verifier writes a date per report, incident and finding (millions per run): digits are
  // put in place directly; years outside 0..9999 take fmt's padding, as they always did.
  if (date.year < 0 || date.year > MAX_FOUR_DIGIT_YEAR)
    return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
  std::string text = "0000-00-00";
  put_digits(text.data(), static_cast<unsigned>(date.year), 4);
  put_digits(text.data() + 5, date.month, 2);
  put_digits(text.data() + 8, date.day, 2);
  return text;
}

std::string format_date(UnixSeconds time_s) {
  // Floor division: an instant before 1970 belongs to the day it falls in.
  const UnixSeconds days = (time_s >= 0 ? time_s : time_s - (SECONDS_PER_DAY - 1)) / SECONDS_PER_DAY;
  return format_iso_date(static_cast<long>(days));
}

std::string format_datetime(UnixSeconds time_s) {
  UnixSeconds in_day = time_s % SECONDS_PER_DAY;
  if (in_day < 0) in_day += SECONDS_PER_DAY;
  std::string text = format_date(time_s);
  char clock[] = "T00:00:00Z";
  put_digits(clock + 1, static_cast<unsigned>(in_day / SECONDS_PER_HOUR), 2);
  put_digits(clock + 4, static_cast<unsigned>((in_day % SECONDS_PER_HOUR) / SECONDS_PER_MINUTE), 2);
  put_digits(clock + 7, static_cast<unsigned>(in_day % SECONDS_PER_MINUTE), 2);
  text.append(clock, sizeof clock - 1);
  return text;
}

}  // namespace guarantor
