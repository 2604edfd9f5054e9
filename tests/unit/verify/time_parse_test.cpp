#include <gtest/gtest.h>

#include "guarantor/verify/time_parse.hpp"

namespace guarantor::verify {
namespace {

TEST(TimeParse, IsoDateSpansTheDay) {
  const auto parsed = parse_iso_like("2025-03-18");
  ASSERT_TRUE(parsed);
  EXPECT_EQ(format_date(parsed->time_s), "2025-03-18");
  EXPECT_EQ(parsed->uncertainty_s, SECONDS_PER_DAY - 1);
  // 2025-03-18 is day 20165 since the epoch.
  EXPECT_EQ(parsed->time_s, 20165 * SECONDS_PER_DAY);
}

TEST(TimeParse, IsoDateTimeAndCompactForms) {
  EXPECT_EQ(format_datetime(parse_iso_like("2025-03-18T23:15:00Z")->time_s), "2025-03-18T23:15:00Z");
  EXPECT_EQ(parse_iso_like("2025-03-18 06:30")->uncertainty_s, 0);
  EXPECT_EQ(format_date(parse_iso_like("20220930")->time_s), "2022-09-30");
  EXPECT_EQ(format_date(parse_iso_like("15 March 2025")->time_s), "2025-03-15");
  EXPECT_EQ(format_date(parse_iso_like("2022-09-01 00:00:00.000")->time_s), "2022-09-01");
}

TEST(TimeParse, RejectsImpossibleDates) {
  EXPECT_FALSE(parse_iso_like("2023-02-29"));
  EXPECT_FALSE(parse_iso_like("2025-13-01"));
  EXPECT_FALSE(parse_iso_like("yesterday"));
  EXPECT_FALSE(parse_iso_like("2025-03-18T25:00"));
  EXPECT_TRUE(parse_iso_like("2024-02-29"));
}

TEST(TimeParse, UcdpSpreadsheetForms) {
  EXPECT_EQ(format_date(parse_us_date("9/30/2022 12:00:00 AM")->time_s), "2022-09-30");
  EXPECT_EQ(format_datetime(parse_us_date("9/30/2022 12:00:00 AM")->time_s), "2022-09-30T00:00:00Z");
  EXPECT_EQ(format_date(parse_us_date("09/01/2022 00:00")->time_s), "2022-09-01");
  EXPECT_FALSE(parse_us_date("30/09/2022 00:00"));
}

}  // namespace
}  // namespace guarantor::verify
