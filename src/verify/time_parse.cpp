#include "guarantor/verify/time_parse.hpp"

#include <array>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

namespace guarantor::verify {
namespace {

constexpr UnixSeconds SECONDS_PER_HOUR = 3600;
constexpr UnixSeconds SECONDS_PER_MINUTE = 60;
constexpr int HOURS_PER_HALF_DAY = 12;

// Reads exactly `width` digits at `pos`; fails on anything else.
bool read_digits(std::string_view text, std::size_t pos, std::size_t width, int& out) {
  if (pos + width > text.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

// Reads 1..max_width digits at `pos`, advancing it.
bool read_number(std::string_view text, std::size_t& pos, std::size_t max_width, int& out) {
  const std::size_t start = pos;
  out = 0;
  while (pos < text.size() && pos - start < max_width && std::isdigit(static_cast<unsigned char>(text[pos]))) {
    out = out * 10 + (text[pos] - '0');
    ++pos;
  }
  return pos > start;
}

bool valid_date(int year, int month, int day) {
  constexpr std::array<int, 12> DAYS_IN_MONTH{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  // Event data starts well after 1900; the upper bound only rejects garbage.
  constexpr int MIN_YEAR = 1900;
  constexpr int MAX_YEAR = 2200;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  if (day > DAYS_IN_MONTH[static_cast<std::size_t>(month - 1)]) return false;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return !(month == 2 && day == 29 && !leap);
}

UnixSeconds day_start(int year, int month, int day) {
  return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * SECONDS_PER_DAY;
}

// Parses "HH:MM[:SS]" at pos; returns seconds into the day.
std::optional<UnixSeconds> parse_clock(std::string_view text, std::size_t& pos) {
  int hour = 0, minute = 0, second = 0;
  if (!read_number(text, pos, 2, hour) || pos >= text.size() || text[pos] != ':') return std::nullopt;
  ++pos;
  if (!read_digits(text, pos, 2, minute)) return std::nullopt;
  pos += 2;
  if (pos < text.size() && text[pos] == ':') {
    ++pos;
    if (!read_digits(text, pos, 2, second)) return std::nullopt;
    pos += 2;
    // Fractional seconds (".000") carry nothing event data needs.
    if (pos < text.size() && text[pos] == '.') {
      ++pos;
      while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
    }
  }
  if (hour > 23 || minute > 59 || second > 60) return std::nullopt;
  return hour * SECONDS_PER_HOUR + minute * SECONDS_PER_MINUTE + second;
}

std::optional<int> month_from_name(std::string_view name) {
  constexpr std::array<std::string_view, 12> MONTHS{"january", "february", "march",     "april",   "may",      "june",
                                                    "july",    "august",   "september", "october", "november", "december"};
  std::string lower;
  for (char c : name) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  for (std::size_t i = 0; i < MONTHS.size(); ++i) {
    // Full names and the three-letter abbreviations ACLED exports have used.
    if (lower == MONTHS[i] || (lower.size() == 3 && MONTHS[i].substr(0, 3) == lower))
      return static_cast<int>(i + 1);
  }
  return std::nullopt;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

}  // namespace

std::int64_t days_from_civil(int year, unsigned month, unsigned day) noexcept {
  year -= month <= 2;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<ParsedTime> parse_iso_like(std::string_view text) {
  text = trim(text);
  int year = 0, month = 0, day = 0;
  if (text.size() == 8 && read_digits(text, 0, 4, year) && read_digits(text, 4, 2, month) &&
      read_digits(text, 6, 2, day)) {
    if (!valid_date(year, month, day)) return std::nullopt;
    return ParsedTime{day_start(year, month, day), SECONDS_PER_DAY - 1};
  }
  if (text.size() >= 10 && read_digits(text, 0, 4, year) && text[4] == '-' && read_digits(text, 5, 2, month) &&
      text[7] == '-' && read_digits(text, 8, 2, day)) {
    if (!valid_date(year, month, day)) return std::nullopt;
    if (text.size() == 10) return ParsedTime{day_start(year, month, day), SECONDS_PER_DAY - 1};
    if (text[10] != 'T' && text[10] != ' ') return std::nullopt;
    std::size_t pos = 11;
    const auto clock = parse_clock(text, pos);
    if (!clock) return std::nullopt;
    const UnixSeconds local = day_start(year, month, day) + *clock;
    if (pos == text.size()) return ParsedTime{local, 0, true};  // no zone: the caller decides which
    if (text[pos] == 'Z' && pos + 1 == text.size()) return ParsedTime{local, 0};
    // A UTC offset, "+03:00" or "+0300" (ISO 8601): local time minus the offset is UTC.
    int offset_hours = 0, offset_minutes = 0;
    const char sign = text[pos];
    if ((sign != '+' && sign != '-') || !read_digits(text, pos + 1, 2, offset_hours)) return std::nullopt;
    std::size_t minutes_at = pos + 3;
    if (minutes_at < text.size() && text[minutes_at] == ':') ++minutes_at;
    if (!read_digits(text, minutes_at, 2, offset_minutes) || minutes_at + 2 != text.size()) return std::nullopt;
    constexpr int MAX_OFFSET_HOURS = 14;  // UTC+14 (Kiribati) is the widest offset in use
    if (offset_hours > MAX_OFFSET_HOURS || offset_minutes > 59) return std::nullopt;
    const UnixSeconds offset = offset_hours * SECONDS_PER_HOUR + offset_minutes * SECONDS_PER_MINUTE;
    return ParsedTime{sign == '+' ? local - offset : local + offset, 0};
  }
  // "15 March 2025" (ACLED exports before 2023).
  std::size_t pos = 0;
  if (!read_number(text, pos, 2, day) || pos >= text.size() || text[pos] != ' ') return std::nullopt;
  const std::size_t month_end = text.find(' ', pos + 1);
  if (month_end == std::string_view::npos) return std::nullopt;
  const auto month_number = month_from_name(text.substr(pos + 1, month_end - pos - 1));
  std::size_t year_pos = month_end + 1;
  if (!month_number || !read_number(text, year_pos, 4, year) || year_pos != text.size()) return std::nullopt;
  if (!valid_date(year, *month_number, day)) return std::nullopt;
  return ParsedTime{day_start(year, *month_number, day), SECONDS_PER_DAY - 1};
}

std::optional<ParsedTime> parse_us_date(std::string_view text) {
  text = trim(text);
  int month = 0, day = 0, year = 0;
  std::size_t pos = 0;
  if (!read_number(text, pos, 2, month) || pos >= text.size() || text[pos] != '/') return std::nullopt;
  ++pos;
  if (!read_number(text, pos, 2, day) || pos >= text.size() || text[pos] != '/') return std::nullopt;
  ++pos;
  if (!read_number(text, pos, 4, year) || !valid_date(year, month, day)) return std::nullopt;
  if (pos == text.size()) return ParsedTime{day_start(year, month, day), SECONDS_PER_DAY - 1};
  if (text[pos] != ' ') return std::nullopt;
  ++pos;
  auto clock = parse_clock(text, pos);
  if (!clock) return std::nullopt;
  const std::string_view rest = trim(text.substr(pos));
  if (rest == "AM" || rest == "PM") {
    // 12-hour clock: 12:xx AM is just after midnight, 12:xx PM just after noon.
    const UnixSeconds hour = *clock / SECONDS_PER_HOUR;
    if (hour < 1 || hour > HOURS_PER_HALF_DAY) return std::nullopt;
    if (hour == HOURS_PER_HALF_DAY) *clock -= HOURS_PER_HALF_DAY * SECONDS_PER_HOUR;
    if (rest == "PM") *clock += HOURS_PER_HALF_DAY * SECONDS_PER_HOUR;
  } else if (!rest.empty()) {
    return std::nullopt;
  }
  // These columns only ever carry midnight: the source records dates, not times.
  return ParsedTime{day_start(year, month, day) + *clock, SECONDS_PER_DAY - 1};
}

std::string format_date(UnixSeconds time_s) {
  std::int64_t z = (time_s >= 0 ? time_s : time_s - (SECONDS_PER_DAY - 1)) / SECONDS_PER_DAY + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2);
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

std::string format_datetime(UnixSeconds time_s) {
  UnixSeconds in_day = time_s % SECONDS_PER_DAY;
  if (in_day < 0) in_day += SECONDS_PER_DAY;
  return fmt::format("{}T{:02}:{:02}:{:02}Z", format_date(time_s), in_day / SECONDS_PER_HOUR,
                     (in_day % SECONDS_PER_HOUR) / SECONDS_PER_MINUTE, in_day % SECONDS_PER_MINUTE);
}

}  // namespace guarantor::verify
