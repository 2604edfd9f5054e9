// The timestamp forms of event data sets: ISO 8601 with or without a zone, and the date forms
// ACLED and UCDP exports carry. Calendar arithmetic is date.cpp's.
#include <array>
#include <cctype>

#include "guarantor/core/date.hpp"

namespace guarantor {
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
  // Event data starts well after 1900; the upper bound only rejects garbage.
  constexpr int MIN_YEAR = 1900;
  constexpr int MAX_YEAR = 2200;
  return year >= MIN_YEAR && year <= MAX_YEAR && date_problem(year, month, day).empty();
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

std::optional<ParsedTime> parse_timestamp(std::string_view text) {
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

}  // namespace guarantor
