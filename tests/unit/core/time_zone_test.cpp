// Named time zones read from the tz database: offsets, summer time in Europe/Kyiv (the default
// zone of reports without one), the hour skipped in spring and the hour repeated in autumn.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "guarantor/core/error.hpp"
#include "guarantor/core/time_zone.hpp"

namespace guarantor {
namespace {

// The wall-clock reading y-m-d h:m as seconds (as if it were UTC).
UnixSeconds wall(int y, unsigned m, unsigned d, int hour, int minute) {
  return days_from_civil(y, m, d) * SECONDS_PER_DAY + hour * 3600 + minute * 60;
}

const TimeZone& kyiv() {
  static const TimeZone zone = TimeZone::load("Europe/Kyiv");
  return zone;
}

TEST(TimeZone, KyivWinterAndSummerOffsets) {
  EXPECT_EQ(kyiv().offset_at(wall(2025, 1, 15, 12, 0)), 2 * 3600);  // EET
  EXPECT_EQ(kyiv().offset_at(wall(2025, 7, 15, 12, 0)), 3 * 3600);  // EEST
  EXPECT_EQ(format_datetime(kyiv().to_utc(wall(2025, 1, 15, 12, 0))), "2025-01-15T10:00:00Z");
  EXPECT_EQ(format_datetime(kyiv().to_utc(wall(2025, 7, 15, 12, 0))), "2025-07-15T09:00:00Z");
}

TEST(TimeZone, KyivSpringForwardSkipsAnHour) {
  // 30 March 2025: clocks go from 03:00 EET to 04:00 EEST (01:00Z).
  EXPECT_EQ(format_datetime(kyiv().to_utc(wall(2025, 3, 30, 2, 59))), "2025-03-30T00:59:00Z");
  EXPECT_EQ(format_datetime(kyiv().to_utc(wall(2025, 3, 30, 4, 0))), "2025-03-30T01:00:00Z");
  // 03:30 never happens: read with the winter offset, it is 04:30 summer time.
  EXPECT_EQ(format_datetime(kyiv().to_utc(wall(2025, 3, 30, 3, 30))), "2025-03-30T01:30:00Z");
  EXPECT_EQ(kyiv().offset_at(wall(2025, 3, 30, 0, 59)), 2 * 3600);
  EXPECT_EQ(kyiv().offset_at(wall(2025, 3, 30, 1, 0)), 3 * 3600);
}

TEST(TimeZone, KyivFallBackRepeatsAnHourAndTakesTheEarlier) {
  // 26 October 2025: clocks go from 04:00 EEST back to 03:00 EET (01:00Z); 03:30 happens twice.
  EXPECT_EQ(format_datetime(kyiv().to_utc(wall(2025, 10, 26, 3, 30))), "2025-10-26T00:30:00Z");
  EXPECT_EQ(format_datetime(kyiv().to_utc(wall(2025, 10, 26, 4, 30))), "2025-10-26T02:30:00Z");
  EXPECT_EQ(format_datetime(kyiv().to_utc(wall(2025, 10, 26, 2, 30))), "2025-10-25T23:30:00Z");
}

TEST(TimeZone, RuleBeyondTheLastTransition) {
  // Far beyond any listed transition the zone's POSIX rule (EET-2EEST,M3.5.0/3,M10.5.0/4) decides:
  // in 2090 the last Sunday of March is the 26th.
  EXPECT_EQ(kyiv().offset_at(kyiv().to_utc(wall(2090, 3, 26, 2, 0))), 2 * 3600);
  EXPECT_EQ(kyiv().offset_at(kyiv().to_utc(wall(2090, 3, 26, 5, 0))), 3 * 3600);
  EXPECT_EQ(format_datetime(kyiv().to_utc(wall(2090, 7, 1, 12, 0))), "2090-07-01T09:00:00Z");
  EXPECT_EQ(format_datetime(kyiv().to_utc(wall(2090, 12, 1, 12, 0))), "2090-12-01T10:00:00Z");
}

TEST(TimeZone, OtherZonesAndUtc) {
  EXPECT_EQ(TimeZone::load("UTC").to_utc(wall(2025, 7, 1, 12, 0)), wall(2025, 7, 1, 12, 0));
  const TimeZone moscow = TimeZone::load("Europe/Moscow");  // UTC+3 all year since 2014
  EXPECT_EQ(format_datetime(moscow.to_utc(wall(2025, 1, 15, 12, 0))), "2025-01-15T09:00:00Z");
  EXPECT_EQ(format_datetime(moscow.to_utc(wall(2025, 7, 15, 12, 0))), "2025-07-15T09:00:00Z");
  // Southern hemisphere: summer time wraps the new year.
  const TimeZone sydney = TimeZone::load("Australia/Sydney");
  EXPECT_EQ(sydney.offset_at(wall(2090, 1, 15, 0, 0)), 11 * 3600);
  EXPECT_EQ(sydney.offset_at(wall(2090, 7, 15, 0, 0)), 10 * 3600);
}

TEST(TimeZone, FixedOffsetsAndSpecs) {
  EXPECT_EQ(TimeZone::from_spec("+05:30").offset_at(0), 19800);
  EXPECT_EQ(TimeZone::from_spec("-03:00").to_utc(wall(2025, 1, 1, 21, 0)), wall(2025, 1, 2, 0, 0));
  EXPECT_EQ(TimeZone::from_spec("Z").offset_at(0), 0);
  EXPECT_EQ(TimeZone::from_spec("Europe/Kyiv").offset_at(wall(2025, 7, 15, 12, 0)), 3 * 3600);
  EXPECT_EQ(TimeZone::fixed(-12600).name(), "-03:30");
  for (const char* bad : {"+25:00", "+03:60", "+3:00x", "+14:01"})
    EXPECT_THROW((void)TimeZone::from_spec(bad), Error) << bad;
}

TEST(TimeZone, UnknownOrEscapingNamesAreRefused) {
  for (const char* name : {"Europe/Atlantis", "", "../../etc/passwd", "/etc/passwd", "Europe"}) {
    try {
      (void)TimeZone::load(name);
      ADD_FAILURE() << name << " was accepted";
    } catch (const Error& error) {
      EXPECT_EQ(error.code(), ErrorCode::Usage) << name;
      EXPECT_NE(
          error.diagnostics().front().message.find("unknown time zone; expected an IANA name such as Europe/Kyiv"),
          std::string::npos)
          << error.diagnostics().front().message;
    }
  }
}

TEST(TimeZone, AFileThatIsNotTzifIsASyntaxError) {
  const auto dir = std::filesystem::temp_directory_path() / "guarantor_time_zone_test";
  std::filesystem::create_directories(dir / "Test");
  std::ofstream(dir / "Test" / "Broken") << "not a zone";
  ::setenv("TZDIR", dir.c_str(), 1);
  try {
    (void)TimeZone::load("Test/Broken");
    ADD_FAILURE() << "a broken zone file was accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Syntax);
    EXPECT_NE(error.diagnostics().front().message.find("not a usable TZif time zone file"), std::string::npos)
        << error.diagnostics().front().message;
  }
  ::unsetenv("TZDIR");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace guarantor
