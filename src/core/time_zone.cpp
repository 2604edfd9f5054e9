#include "guarantor/core/time_zone.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/core/printable.hpp"

namespace guarantor {
namespace {

// TZif (RFC 8536): a 44-byte header, a version 1 block of 32-bit data, then (version 2 and
// later) a second header, a block of 64-bit data and a footer holding a POSIX TZ rule.
constexpr std::size_t HEADER_BYTES = 44;
constexpr std::size_t TTINFO_BYTES = 6;  // int32 offset, uint8 is_dst, uint8 abbreviation index
constexpr std::int32_t SECONDS_PER_HOUR = 3600;
constexpr std::int32_t LONGEST_OFFSET_S = 14 * SECONDS_PER_HOUR;  // UTC+14 (Kiribati) is the widest in use
// Real zones change offset at most once within this span: the neighbourhood a wall-clock time's
// candidate offsets are taken from.
constexpr UnixSeconds NEIGHBOURHOOD_S = SECONDS_PER_DAY;

std::int64_t read_big_endian(const std::string& data, std::size_t at, std::size_t bytes) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < bytes; ++i) value = (value << 8) | static_cast<unsigned char>(data[at + i]);
  if (bytes == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(value));  // sign of 32-bit data
  return static_cast<std::int64_t>(value);
}

struct Counts {
  std::size_t isut = 0, isstd = 0, leap = 0, time = 0, type = 0, chars = 0;
  [[nodiscard]] std::size_t block_bytes(std::size_t time_bytes) const {
    return time * time_bytes + time + type * TTINFO_BYTES + chars + leap * (time_bytes + 4) + isstd + isut;
  }
};

Counts read_counts(const std::string& data, std::size_t at) {
  const auto count = [&](std::size_t index) {
    return static_cast<std::size_t>(read_big_endian(data, at + 20 + 4 * index, 4));
  };
  return {count(0), count(1), count(2), count(3), count(4), count(5)};
}

// Day of the week of days since 1970-01-01 (a Thursday), 0 = Sunday.
unsigned weekday_of(std::int64_t days) { return static_cast<unsigned>(((days + 4) % 7 + 7) % 7); }

}  // namespace

std::filesystem::path TimeZone::directory() {
  const char* dir = std::getenv("TZDIR");
  return dir != nullptr && *dir != '\0' ? std::filesystem::path(dir) : std::filesystem::path("/usr/share/zoneinfo");
}

TimeZone TimeZone::fixed(std::int32_t offset_s) {
  TimeZone zone;
  const std::int32_t magnitude = offset_s < 0 ? -offset_s : offset_s;
  zone.name_ = fmt::format("{}{:02}:{:02}", offset_s < 0 ? '-' : '+', magnitude / SECONDS_PER_HOUR,
                           magnitude % SECONDS_PER_HOUR / 60);
  zone.initial_offset_ = offset_s;
  return zone;
}

TimeZone TimeZone::from_spec(const std::string& spec) {
  if (spec == "UTC" || spec == "Z") return fixed(0);
  if (spec.size() == 6 && (spec[0] == '+' || spec[0] == '-') && spec[3] == ':') {
    const auto digit = [&](std::size_t i) { return spec[i] >= '0' && spec[i] <= '9' ? spec[i] - '0' : -1; };
    const int h1 = digit(1), h2 = digit(2), m1 = digit(4), m2 = digit(5);
    const std::int32_t offset = (h1 * 10 + h2) * SECONDS_PER_HOUR + (m1 * 10 + m2) * 60;
    if (h1 >= 0 && h2 >= 0 && m1 >= 0 && m1 <= 5 && m2 >= 0 && offset <= LONGEST_OFFSET_S)
      return fixed(spec[0] == '-' ? -offset : offset);
    throw Error(ErrorCode::Usage, excerpt(spec), "not a UTC offset; expected +HH:MM or -HH:MM of at most 14 hours");
  }
  return load(spec);
}

TimeZone TimeZone::load(const std::string& name) {
  const auto unknown = [&] {
    return Error(
        ErrorCode::Usage, excerpt(name),
        fmt::format("unknown time zone; expected an IANA name such as Europe/Kyiv (from {})", directory().string()));
  };
  // A name is a relative path inside the zone directory, never one that leaves it.
  if (name.empty() || name.front() == '/' || name.find("..") != std::string::npos) throw unknown();
  const std::filesystem::path path = directory() / name;
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) throw unknown();
  std::ifstream in(path, std::ios::binary);
  const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto bad = [&](std::string_view what) {
    return Error(ErrorCode::Syntax, path.string(), fmt::format("not a usable TZif time zone file: {}", what));
  };
  if (data.size() < HEADER_BYTES || data.compare(0, 4, "TZif") != 0) throw bad("no TZif header");
  Counts counts = read_counts(data, 0);
  std::size_t at = HEADER_BYTES;
  std::size_t time_bytes = 4;
  if (data[4] >= '2') {
    // Skip the 32-bit block: the 64-bit one after it covers every instant.
    at += counts.block_bytes(4);
    if (data.size() < at + HEADER_BYTES || data.compare(at, 4, "TZif") != 0) throw bad("no second header");
    counts = read_counts(data, at);
    at += HEADER_BYTES;
    time_bytes = 8;
  }
  if (counts.type == 0 || data.size() < at + counts.block_bytes(time_bytes)) throw bad("truncated data block");
  TimeZone zone;
  zone.name_ = name;
  const std::size_t types_at = at + counts.time * time_bytes;
  const std::size_t infos_at = types_at + counts.time;
  const auto offset_of_type = [&](std::size_t type) {
    if (type >= counts.type) throw bad("a transition names a missing local time type");
    return static_cast<std::int32_t>(read_big_endian(data, infos_at + type * TTINFO_BYTES, 4));
  };
  // Before the first transition, local time type 0 holds (RFC 8536 3.2).
  zone.initial_offset_ = offset_of_type(0);
  for (std::size_t index = 0; index < counts.time; ++index) {
    zone.transitions_.push_back(read_big_endian(data, at + index * time_bytes, time_bytes));
    zone.offsets_after_.push_back(offset_of_type(static_cast<unsigned char>(data[types_at + index])));
  }
  if (!std::is_sorted(zone.transitions_.begin(), zone.transitions_.end())) throw bad("transitions out of order");
  const std::size_t footer_at = at + counts.block_bytes(time_bytes);
  if (time_bytes == 8 && footer_at < data.size() && data[footer_at] == '\n') {
    const std::size_t footer_end = data.find('\n', footer_at + 1);
    if (footer_end != std::string::npos)
      zone.parse_rule(std::string_view(data).substr(footer_at + 1, footer_end - footer_at - 1));
  }
  return zone;
}

void TimeZone::parse_rule(std::string_view text) {
  // POSIX TZ: std offset [dst [offset] [,Mm.w.d[/time],Mm.w.d[/time]]], offsets west-positive.
  std::size_t pos = 0;
  const auto name = [&] {
    if (pos < text.size() && text[pos] == '<') {
      const std::size_t end = text.find('>', pos);
      if (end == std::string_view::npos) return false;
      pos = end + 1;
      return true;
    }
    const std::size_t start = pos;
    while (pos < text.size() && std::isalpha(static_cast<unsigned char>(text[pos]))) ++pos;
    return pos - start >= 3;
  };
  const auto number = [&](int& out) {
    const std::size_t start = pos;
    out = 0;
    while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos])))
      out = out * 10 + (text[pos++] - '0');
    return pos > start;
  };
  // [+-]hh[:mm[:ss]] in seconds.
  const auto clock = [&](std::int32_t& out) {
    int sign = 1;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) sign = text[pos++] == '-' ? -1 : 1;
    int hours = 0, minutes = 0, seconds = 0;
    if (!number(hours)) return false;
    if (pos < text.size() && text[pos] == ':' && (++pos, !number(minutes))) return false;
    if (pos < text.size() && text[pos] == ':' && (++pos, !number(seconds))) return false;
    out = sign * (hours * SECONDS_PER_HOUR + minutes * 60 + seconds);
    return true;
  };
  const auto rule_date = [&](RuleDate& out) {
    int month = 0, week = 0, weekday = 0;
    if (pos >= text.size() || text[pos] != 'M') return false;  // Jn and n forms are not used by tzdata zones we read
    ++pos;
    if (!number(month) || pos >= text.size() || text[pos++] != '.' || !number(week) || pos >= text.size() ||
        text[pos++] != '.' || !number(weekday))
      return false;
    if (month < 1 || month > 12 || week < 1 || week > 5 || weekday > 6) return false;
    out = {static_cast<unsigned>(month), static_cast<unsigned>(week), static_cast<unsigned>(weekday),
           2 * SECONDS_PER_HOUR};
    if (pos < text.size() && text[pos] == '/') {
      ++pos;
      return clock(out.time_s);
    }
    return true;
  };
  std::int32_t std_west = 0;
  if (!name() || !clock(std_west)) return;
  rule_std_ = -std_west;
  rule_has_dst_ = false;
  if (pos < text.size()) {
    if (!name()) return;
    std::int32_t dst_west = std_west - SECONDS_PER_HOUR;
    if (pos < text.size() && text[pos] != ',' && !clock(dst_west)) return;
    rule_dst_ = -dst_west;
    if (pos >= text.size() || text[pos++] != ',' || !rule_date(dst_start_) || pos >= text.size() ||
        text[pos++] != ',' || !rule_date(dst_end_) || pos != text.size())
      return;
    rule_has_dst_ = true;
  }
  has_rule_ = true;
}

UnixSeconds TimeZone::rule_change_utc(int year, const RuleDate& date, std::int32_t offset_before) const {
  const std::int64_t first = days_from_civil(year, date.month, 1);
  std::int64_t day = first + (static_cast<std::int64_t>(date.weekday) - weekday_of(first) + 7) % 7 +
                     7 * (static_cast<std::int64_t>(date.week) - 1);
  while (day >= first + days_in_month(year, date.month)) day -= 7;  // week 5: the last such weekday
  return day * SECONDS_PER_DAY + date.time_s - offset_before;
}

std::int32_t TimeZone::rule_offset_at(UnixSeconds utc) const {
  if (!rule_has_dst_) return rule_std_;
  const UnixSeconds local = utc + rule_std_;
  const int year = civil_from_days(local / SECONDS_PER_DAY - (local % SECONDS_PER_DAY < 0 ? 1 : 0)).year;
  // Daylight time starts at a standard-time reading and ends at a daylight-time reading.
  const UnixSeconds start = rule_change_utc(year, dst_start_, rule_std_);
  const UnixSeconds end = rule_change_utc(year, dst_end_, rule_dst_);
  const bool daylight = start < end ? utc >= start && utc < end : utc >= start || utc < end;  // southern zones wrap
  return daylight ? rule_dst_ : rule_std_;
}

std::int32_t TimeZone::offset_at(UnixSeconds utc) const {
  const auto after = std::upper_bound(transitions_.begin(), transitions_.end(), utc);
  if (after == transitions_.begin()) return transitions_.empty() && has_rule_ ? rule_offset_at(utc) : initial_offset_;
  if (after == transitions_.end() && has_rule_) return rule_offset_at(utc);
  return offsets_after_[static_cast<std::size_t>(after - transitions_.begin()) - 1];
}

UnixSeconds TimeZone::to_utc(UnixSeconds wall) const {
  // The offsets a day either side are the only candidates; a candidate instant is right when
  // the offset in force at it is the one it was computed with.
  const std::int32_t before = offset_at(wall - NEIGHBOURHOOD_S);
  const std::int32_t after = offset_at(wall + NEIGHBOURHOOD_S);
  const UnixSeconds with_before = wall - before, with_after = wall - after;
  const bool before_fits = offset_at(with_before) == before;
  const bool after_fits = offset_at(with_after) == after;
  if (before_fits && after_fits) return std::min(with_before, with_after);  // repeated hour: the earlier
  if (after_fits) return with_after;
  return with_before;  // fits, or the reading falls in a skipped hour: the offset before the change
}

}  // namespace guarantor
