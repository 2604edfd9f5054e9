#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "guarantor/core/date.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/verify/adapters.hpp"
#include "verify_test_data.hpp"

namespace guarantor::verify {
namespace {

// Finds the rejection at `line` of `file` and checks its reason mentions `reason_part`.
void expect_rejected(const AdapterResult& result, const std::string& where_suffix, const std::string& reason_part) {
  const auto it = std::find_if(result.rejected.begin(), result.rejected.end(), [&](const Rejection& r) {
    return r.where.size() >= where_suffix.size() && r.where.compare(r.where.size() - where_suffix.size(), where_suffix.size(), where_suffix) == 0;
  });
  ASSERT_NE(it, result.rejected.end()) << "no rejection at " << where_suffix;
  EXPECT_NE(it->reason.find(reason_part), std::string::npos) << it->where << ": " << it->reason;
}

TEST(GuarantorCsv, ReadsGoodRowsAndRejectsBadOnesWithLineAndReason) {
  const AdapterResult result = read_report_file(FIXTURES / "reports_guarantor.csv");
  EXPECT_EQ(result.format, "guarantor_csv");
  EXPECT_EQ(result.rows, 9u);
  ASSERT_EQ(result.reports.size(), 3u);
  EXPECT_EQ(result.rejected.size(), 6u);
  EXPECT_EQ(result.reports[0].id, "guarantor_csv:g1");
  EXPECT_EQ(result.reports[0].target_kind, TargetKind::PowerGenerationTransmission);
  EXPECT_EQ(result.reports[0].claimant, "UA");
  EXPECT_EQ(result.reports[0].time_uncertainty_s, 0);
  EXPECT_EQ(result.reports[1].place_name, "Харків");
  EXPECT_FALSE(result.reports[1].position);
  expect_rejected(result, "reports_guarantor.csv:5", "date: got \"2025-03-32\"");
  expect_rejected(result, "reports_guarantor.csv:6", "category: got \"bombardment\"");
  expect_rejected(result, "reports_guarantor.csv:7", "only one of lon and lat");
  expect_rejected(result, "reports_guarantor.csv:8", "outlet is empty");
  expect_rejected(result, "reports_guarantor.csv:9", "column lon: got \"200\"; expected a number in -180..180");
  expect_rejected(result, "reports_guarantor.csv:10", "row has 12 fields; the header has 15");
}

TEST(GuarantorCsv, ShortRowIsRejectedNotRead) {
  std::istringstream in("id,date,outlet,category\nx1,2025-03-20,BBC\n");
  const AdapterResult result = read_guarantor_csv(in, "short.csv");
  EXPECT_TRUE(result.reports.empty());
  expect_rejected(result, "short.csv:2", "row has 3 fields; the header has 4");
}

TEST(GuarantorCsv, MissingColumnsAreNamedTogether) {
  std::istringstream in("id,date\nx,2025-03-20\n");
  try {
    (void)read_guarantor_csv(in, "cols.csv");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::Schema);
    const std::string text = e.diagnostics().front().to_string();
    EXPECT_NE(text.find("outlet"), std::string::npos) << text;
    EXPECT_NE(text.find("category"), std::string::npos) << text;
  }
}

TEST(GuarantorJson, ReadsReportsAndNamesBadElementsByPointer) {
  const AdapterResult result = read_report_file(FIXTURES / "reports_guarantor.json");
  EXPECT_EQ(result.rows, 5u);
  ASSERT_EQ(result.reports.size(), 2u);
  EXPECT_EQ(result.reports[0].outlets, std::vector<std::string>{"BBC"});
  expect_rejected(result, "/reports/2", "lon and lat must both be numbers");
  expect_rejected(result, "/reports/3", "date: got \"\"");
  expect_rejected(result, "/reports/4", "expected an object");
}

TEST(GuarantorGeojson, ReadsPointsAndNullGeometry) {
  const AdapterResult result = read_report_file(FIXTURES / "reports.geojson");
  ASSERT_EQ(result.reports.size(), 2u);
  EXPECT_EQ(result.reports[0].category, EventCategory::NavalActivity);
  ASSERT_TRUE(result.reports[0].position);
  EXPECT_DOUBLE_EQ(result.reports[0].position->lon, 31.0);
  EXPECT_FALSE(result.reports[1].position);
  expect_rejected(result, "/features/1", "expected a GeoJSON Point");
}

TEST(Acled, MapsColumnsAndRejectsBadRows) {
  const AdapterResult result = read_report_file(FIXTURES / "acled_sample.csv");
  EXPECT_EQ(result.format, "acled");
  ASSERT_EQ(result.reports.size(), 4u);
  const Report& strike = result.reports[0];
  EXPECT_EQ(strike.category, EventCategory::Strike);
  EXPECT_EQ(strike.target_kind, TargetKind::PowerGenerationTransmission);
  EXPECT_EQ(strike.weapon_class, WeaponClass::Drone);
  EXPECT_EQ(strike.claimed_actor, "RU");
  EXPECT_EQ(strike.outlets.size(), 2u);
  EXPECT_EQ(result.reports[1].category, EventCategory::GroundClash);
  EXPECT_EQ(result.reports[1].location_uncertainty_m, 15000);
  EXPECT_EQ(format_date(result.reports[2].time_s), "2025-03-21");  // "21 March 2025"
  EXPECT_EQ(result.reports[2].target_kind, TargetKind::Civilian);
  EXPECT_EQ(result.reports[2].weapon_class, WeaponClass::Artillery100mmPlus);
  EXPECT_EQ(result.reports[3].category, EventCategory::NavalActivity);
  expect_rejected(result, "acled_sample.csv:5", "only one of longitude and latitude");
  expect_rejected(result, "acled_sample.csv:6", "time_precision: got \"4\"; expected a whole number in 1..3");
}

TEST(Ucdp, ReadsSpreadsheetDatesAndRejectsBadRows) {
  const AdapterResult result = read_report_file(FIXTURES / "ucdp_sample.csv");
  EXPECT_EQ(result.format, "ucdp");
  ASSERT_EQ(result.reports.size(), 3u);
  EXPECT_EQ(format_date(result.reports[0].time_s), "2022-09-30");
  EXPECT_EQ(result.reports[0].category, EventCategory::Strike);
  EXPECT_EQ(result.reports[0].fatalities, 25);
  EXPECT_EQ(result.reports[0].place_name, "Zaporizhzhia");
  EXPECT_TRUE(result.reports[0].claimed_actor.empty()) << "UCDP does not say who initiated an event";
  // Row 2 has no ISO columns: the m/d/y text spans 10..12 September.
  EXPECT_EQ(format_date(result.reports[1].time_s), "2022-09-10");
  EXPECT_EQ(result.reports[1].time_uncertainty_s, 3 * SECONDS_PER_DAY - 1);
  EXPECT_EQ(result.reports[1].location_uncertainty_m, 25000);
  EXPECT_FALSE(result.reports[2].position) << "where_prec 6 is a country centroid";
  expect_rejected(result, "ucdp_sample.csv:4", "date_end 2022-09-12 is before date_start 2022-09-14");
  expect_rejected(result, "ucdp_sample.csv:5", "type_of_violence: got \"9\"");
}

TEST(Ucdp, SharedSampleReadsEveryRow) {
  const std::filesystem::path sample =
      std::filesystem::path(GUARANTOR_TEST_REFERENCE_DIR) / "ucdp_ged_ukraine_post_2022-02-24_peacerep_2023-05-03.csv";
  ASSERT_TRUE(std::filesystem::exists(sample)) << "shipped reference data missing: " << sample;
  const AdapterResult result = read_report_file(sample);
  EXPECT_EQ(result.rows, 894u);  // SOURCES.md: 894 rows from 2022-02-24
  for (const auto& rejection : result.rejected) ADD_FAILURE() << rejection.where << ": " << rejection.reason;
  EXPECT_EQ(result.reports.size(), 894u);
  for (const auto& report : result.reports) EXPECT_GE(report.time_s, 19047 * SECONDS_PER_DAY) << report.id;  // 2022-02-24
  int fatalities = 0;
  for (const auto& report : result.reports) fatalities += std::max(report.fatalities, 0);
  EXPECT_EQ(fatalities, 10598);  // SOURCES.md: sum of best
}

TEST(Viina, JoinsLabelsAndRejectsUnmatchedOrBadRows) {
  const AdapterResult result = read_report_file(FIXTURES / "viina_event_info_sample.csv");
  EXPECT_EQ(result.format, "viina");
  ASSERT_EQ(result.reports.size(), 2u);
  EXPECT_EQ(result.reports[0].category, EventCategory::Strike);
  EXPECT_EQ(result.reports[0].weapon_class, WeaponClass::Drone);
  EXPECT_EQ(result.reports[0].target_kind, TargetKind::PowerGenerationTransmission);
  EXPECT_EQ(result.reports[0].claimed_actor, "RU");
  EXPECT_EQ(result.reports[0].time_uncertainty_s, 0);
  EXPECT_EQ(result.reports[1].weapon_class, WeaponClass::LongRangeRocketMissile);  // "Ракетний удар"
  EXPECT_EQ(result.reports[1].location_uncertainty_m, 150000);
  expect_rejected(result, "viina_event_info_sample.csv:4", "date: got \"2025-13-01\"");
  expect_rejected(result, "viina_event_info_sample.csv:5", "has no row in");
  expect_rejected(result, "viina_event_labels_sample.csv:5", "a_rus_b: got \"2\"; expected a whole number in 0..1");
}

TEST(Detect, UnknownFormatIsAUsageError) {
  const auto path = std::filesystem::temp_directory_path() / "verify_unknown_format.csv";
  std::ofstream(path) << "a,b,c\n1,2,3\n";
  EXPECT_THROW((void)read_report_file(path), Error);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace guarantor::verify
