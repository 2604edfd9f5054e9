// The one date and time library: calendar dates, ISO 8601 timestamps with zones, and the date
// forms of event data sets.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "guarantor/core/date.hpp"

namespace guarantor {
namespace {

TEST(Date, RefusesImpossibleDatesWithAClearMessage) {
  EXPECT_FALSE(parse_iso_date("2026-13-01"));
  EXPECT_FALSE(parse_iso_date("2026-02-30"));
  EXPECT_FALSE(parse_iso_date("2026-00-10"));
  EXPECT_FALSE(parse_iso_date("2026-04-31"));
  EXPECT_FALSE(parse_iso_date("soon"));
  EXPECT_FALSE(parse_iso_date("2026-+1-01"));
  EXPECT_EQ(iso_date_problem("2026-13-01"),
            "got \"2026-13-01\": month 13 is not 1..12; expected a calendar date YYYY-MM-DD");
  EXPECT_EQ(iso_date_problem("2026-02-30"),
            "got \"2026-02-30\": February 2026 has 28 days; expected a calendar date YYYY-MM-DD");
  EXPECT_EQ(iso_date_problem("soon"), "got \"soon\"; expected a calendar date YYYY-MM-DD");
  EXPECT_EQ(iso_date_problem("2026-02-28"), "");
  EXPECT_FALSE(parse_timestamp("2026-13-01"));
  EXPECT_FALSE(parse_timestamp("2026-02-30T10:00:00Z"));
  EXPECT_FALSE(parse_timestamp("2026-02-10T24:00:00Z"));
  EXPECT_FALSE(parse_timestamp("31 February 2025"));
  EXPECT_FALSE(parse_us_date("2/30/2022"));
}

TEST(Date, LeapYears) {
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_FALSE(is_leap_year(2025));
  EXPECT_FALSE(is_leap_year(1900));  // a century not divisible by 400
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_TRUE(parse_iso_date("2024-02-29"));
  EXPECT_TRUE(parse_iso_date("2000-02-29"));
  EXPECT_FALSE(parse_iso_date("2025-02-29"));
  EXPECT_FALSE(parse_iso_date("2100-02-29"));
  EXPECT_EQ(iso_date_problem("2100-02-29"),
            "got \"2100-02-29\": February 2100 has 28 days; expected a calendar date YYYY-MM-DD");
  EXPECT_TRUE(parse_timestamp("2024-02-29T12:00:00Z"));
  EXPECT_EQ(*parse_iso_date("2024-03-01") - *parse_iso_date("2024-02-28"), 2);
  EXPECT_EQ(*parse_iso_date("2025-03-01") - *parse_iso_date("2025-02-28"), 1);
}

TEST(Date, DaysRoundTripAcrossEras) {
  EXPECT_EQ(*parse_iso_date("1970-01-01"), 0);
  EXPECT_EQ(*parse_iso_date("1969-12-31"), -1);
  for (long days = -800000; days <= 800000; days += 997) {
    const CivilDate date = civil_from_days(days);
    EXPECT_EQ(days_from_civil(date.year, date.month, date.day), days);
    if (date.year >= 1000 && date.year <= 9999) {
      EXPECT_EQ(parse_iso_date(format_iso_date(days)), days);
    }
  }
  EXPECT_EQ(format_date(-1), "1969-12-31");
  EXPECT_EQ(format_datetime(-1), "1969-12-31T23:59:59Z");
}

// Dates and times are written digit by digit; the text is the one fmt's "{:04}-{:02}-{:02}" and
// "T{:02}:{:02}:{:02}Z" give, for every era (years before 0 and after 9999 included).
TEST(Date, WrittenAsFmtWritesThem) {
  for (UnixSeconds time_s = -400'000'000'000; time_s <= 400'000'000'000; time_s += 9'876'543'211) {
    const UnixSeconds days = (time_s >= 0 ? time_s : time_s - (SECONDS_PER_DAY - 1)) / SECONDS_PER_DAY;
    const CivilDate date = civil_from_days(static_cast<long>(days));
    const std::string expected_date = fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
    const UnixSeconds in_day = time_s - days * SECONDS_PER_DAY;
    EXPECT_EQ(format_date(time_s), expected_date) << time_s;
    EXPECT_EQ(format_datetime(time_s),
              fmt::format("{}T{:02}:{:02}:{:02}Z", expected_date, in_day / 3600, in_day % 3600 / 60, in_day % 60))
        << time_s;
  }
  EXPECT_EQ(format_datetime(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_datetime(253402300799), "9999-12-31T23:59:59Z");
  EXPECT_EQ(format_date(253402300800), "10000-01-01");
}

TEST(Date, TimestampsWithZoneOffsets) {
  const UnixSeconds noon = days_from_civil(2025, 3, 18) * SECONDS_PER_DAY + 12 * 3600;
  EXPECT_EQ(parse_timestamp("2025-03-18T12:00:00Z")->time_s, noon);
  EXPECT_EQ(parse_timestamp("2025-03-18T15:00:00+03:00")->time_s, noon);
  EXPECT_EQ(parse_timestamp("2025-03-18T15:00+0300")->time_s, noon);
  EXPECT_EQ(parse_timestamp("2025-03-18T07:30:00-04:30")->time_s, noon);
  EXPECT_EQ(parse_timestamp("2025-03-19T02:00:00+14:00")->time_s, noon);
  EXPECT_FALSE(parse_timestamp("2025-03-18T12:00:00+15:00"));
  EXPECT_FALSE(parse_timestamp("2025-03-18T12:00:00+03:60"));
  EXPECT_FALSE(parse_timestamp("2025-03-18T12:00:00 Z"));
  // Crossing midnight and a month end with an offset.
  EXPECT_EQ(format_datetime(parse_timestamp("2025-03-01T01:00:00+03:00")->time_s), "2025-02-28T22:00:00Z");
  const auto zoned = parse_timestamp("2025-03-18T12:00:00Z");
  EXPECT_FALSE(zoned->local);
  EXPECT_EQ(zoned->uncertainty_s, 0);
}

TEST(Date, ZoneLessClockTimesAreMarkedLocal) {
  const auto local = parse_timestamp("2025-03-18 14:30");
  ASSERT_TRUE(local);
  EXPECT_TRUE(local->local);
  EXPECT_EQ(format_datetime(local->time_s), "2025-03-18T14:30:00Z");  // the wall reading, not yet converted
  const auto day = parse_timestamp("2025-03-18");
  EXPECT_FALSE(day->local);
  EXPECT_EQ(day->uncertainty_s, SECONDS_PER_DAY - 1);
}

TEST(Date, EventDataForms) {
  EXPECT_EQ(format_date(parse_timestamp("20220930")->time_s), "2022-09-30");
  EXPECT_EQ(format_date(parse_timestamp("15 March 2025")->time_s), "2025-03-15");
  EXPECT_EQ(format_date(parse_timestamp("15 Mar 2025")->time_s), "2025-03-15");
  EXPECT_EQ(format_date(parse_timestamp("2022-09-01 00:00:00.000")->time_s), "2022-09-01");
  EXPECT_EQ(format_datetime(parse_us_date("9/30/2022 12:00:00 AM")->time_s), "2022-09-30T00:00:00Z");
  EXPECT_EQ(format_datetime(parse_us_date("9/30/2022 12:00:00 PM")->time_s), "2022-09-30T12:00:00Z");
  EXPECT_EQ(format_date(parse_us_date("09/01/2022 00:00")->time_s), "2022-09-01");
  EXPECT_FALSE(parse_timestamp("1899-12-31"));  // event data starts well after 1900
}

}  // namespace
}  // namespace guarantor
