#pragma once
// Named time zones from the system's tz database (IANA zoneinfo, TZif files), for reading clock
// times that sources give without a zone. Thread-safe and independent of the TZ environment.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "guarantor/core/date.hpp"

namespace guarantor {

class TimeZone {
public:
  /// Loads `name` (an IANA name such as "Europe/Kyiv") from `TZDIR` or /usr/share/zoneinfo.
  /// Throws Error(Usage) naming `name` when it is not a zone there (or tries to leave the
  /// directory), Error(Syntax) when the file is not a TZif file.
  static TimeZone load(const std::string& name);
  /// The directory zones are read from: $TZDIR when set, else /usr/share/zoneinfo.
  static std::filesystem::path directory();
  /// A zone `offset_s` seconds east of UTC all year, named as ISO 8601 writes it ("+05:30").
  static TimeZone fixed(std::int32_t offset_s);
  /// A zone as users write one: "UTC" or "Z", a fixed offset "+HH:MM" / "-HH:MM" (at most 14 h),
  /// or an IANA name (load). Throws as load does.
  static TimeZone from_spec(const std::string& spec);

  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  /// Offset from UTC in seconds in force at the instant `utc` (+10800 for Kyiv summer time).
  [[nodiscard]] std::int32_t offset_at(UnixSeconds utc) const;
  /// The instant of the wall-clock reading `wall` (seconds as if the reading were UTC). In the
  /// hour repeated when clocks go back, the earlier instant (the offset before the change); in
  /// the hour skipped when clocks go forward, the reading is taken with the offset before the
  /// change (02:30 on a spring-forward night at 02:00 reads as 03:30 of the new offset).
  [[nodiscard]] UnixSeconds to_utc(UnixSeconds wall) const;

private:
  std::string name_;
  std::vector<UnixSeconds> transitions_;     ///< instants offsets change, ascending
  std::vector<std::int32_t> offsets_after_;  ///< offset from each transition on
  std::int32_t initial_offset_ = 0;          ///< offset before the first transition
  // Footer rule "EET-2EEST,M3.5.0/3,M10.5.0/4": standard and daylight offsets and when each starts.
  bool has_rule_ = false;
  std::int32_t rule_std_ = 0, rule_dst_ = 0;
  bool rule_has_dst_ = false;
  struct RuleDate {
    unsigned month = 0, week = 0, weekday = 0;  ///< Mm.w.d: w 5 = last
    std::int32_t time_s = 7200;                 ///< local time of the change (default 02:00)
  } dst_start_, dst_end_;
  [[nodiscard]] std::int32_t rule_offset_at(UnixSeconds utc) const;
  [[nodiscard]] UnixSeconds rule_change_utc(int year, const RuleDate& date, std::int32_t offset_before) const;
  void parse_rule(std::string_view text);
};

}  // namespace guarantor
