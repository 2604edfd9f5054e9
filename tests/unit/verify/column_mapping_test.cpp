// Any delimited feed read through a column-mapping file: the two shipped layouts, time zones,
// and mapping files that explain what is wrong with them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "guarantor/core/date.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/verify/cluster.hpp"
#include "guarantor/verify/column_mapping.hpp"
#include "verify_test_data.hpp"

namespace guarantor::verify {
namespace {

const std::filesystem::path MAPPINGS = std::filesystem::path(GUARANTOR_TEST_DATA_DIR) / "verify" / "mappings";

AdapterResult read(const std::filesystem::path& feed, const std::filesystem::path& mapping) {
  std::ifstream in(feed, std::ios::binary);
  return read_mapped_csv(in, feed.filename().string(), load_column_mapping(mapping));
}

UnixSeconds utc(int y, unsigned m, unsigned d, int hour, int minute = 0) {
  return days_from_civil(y, m, d) * SECONDS_PER_DAY + hour * 3600 + minute * 60;
}

TEST(ColumnMapping, AirDefenceDailySummaries) {
  const AdapterResult result = read(FIXTURES / "air_defence_daily_sample.csv", MAPPINGS / "air_defence_daily.json");
  EXPECT_EQ(result.rows, 7u);
  ASSERT_EQ(result.reports.size(), 6u);
  ASSERT_EQ(result.rejected.size(), 1u);
  EXPECT_EQ(result.rejected[0].where, "air_defence_daily_sample.csv:8");
  EXPECT_NE(result.rejected[0].reason.find("time_start"), std::string::npos) << result.rejected[0].reason;
  const Report& first = result.reports[0];
  EXPECT_EQ(first.id, "air_defence_daily:air_defence_daily_sample.csv:2");
  // 22:00 in Kyiv on 20 March 2025 is winter time (EET, UTC+2): 20:00 UTC; the wave ends at 08:00.
  EXPECT_EQ(first.time_s, utc(2025, 3, 20, 20));
  EXPECT_EQ(first.time_uncertainty_s, 10 * 3600);
  EXPECT_EQ(first.category, EventCategory::Strike);
  EXPECT_EQ(first.weapon_class, WeaponClass::Drone);
  EXPECT_EQ(first.claimant, "UA");
  EXPECT_EQ(first.claimed_actor, "");
  EXPECT_EQ(first.place_name, "Kharkiv oblast");
  EXPECT_FALSE(first.position);
  EXPECT_EQ(first.outlets, (std::vector<std::string>{"Air Force of the Armed Forces of Ukraine"}));
  EXPECT_NE(first.description.find("launched: 42"), std::string::npos) << first.description;
  EXPECT_EQ(result.reports[1].weapon_class, WeaponClass::LongRangeRocketMissile) << "X-101/X-555";
  EXPECT_EQ(result.reports[3].weapon_class, WeaponClass::LongRangeRocketMissile) << "Iskander-M";
  EXPECT_EQ(result.reports[3].place_name, "Харківська область");
}

TEST(ColumnMapping, GdeltEventsWithoutHeaderAreDistinctEvents) {
  const AdapterResult result = read(FIXTURES / "gdelt_events_sample.tsv", MAPPINGS / "gdelt_events_v2.json");
  ASSERT_EQ(result.reports.size(), 4u);
  ASSERT_EQ(result.rejected.size(), 1u);
  EXPECT_NE(result.rejected[0].reason.find("#2"), std::string::npos) << result.rejected[0].reason;
  EXPECT_EQ(result.reports[0].id, "gdelt:1226000001");
  EXPECT_EQ(result.reports[0].format, "mapped_events:gdelt");
  EXPECT_EQ(result.reports[0].category, EventCategory::Strike);
  EXPECT_EQ(result.reports[2].category, EventCategory::GroundClash);
  EXPECT_EQ(result.reports[3].category, EventCategory::Other);
  ASSERT_TRUE(result.reports[0].position);
  EXPECT_DOUBLE_EQ(result.reports[0].position->lon, 36.2527);
  EXPECT_EQ(result.reports[0].location_uncertainty_m, 25000);
  EXPECT_EQ(result.reports[0].claimed_actor, "RU");
  // Two GDELT events at one place and day stay two incidents.
  const ClusterResult clusters = cluster_reports({result.reports[0], result.reports[1]}, ClusterParams{});
  EXPECT_EQ(clusters.incidents.size(), 2u);
}

TEST(ColumnMapping, TimeZones) {
  EXPECT_EQ(zone_offset_s("Europe/Kyiv", utc(2025, 1, 15, 12)), 7200);
  EXPECT_EQ(zone_offset_s("Europe/Kyiv", utc(2025, 7, 15, 12)), 10800);
  // Summer time starts at 01:00 UTC on 30 March 2025 (03:00 -> 04:00 local).
  EXPECT_EQ(zone_offset_s("Europe/Kyiv", utc(2025, 3, 30, 2, 59)), 7200);
  EXPECT_EQ(zone_offset_s("Europe/Kyiv", utc(2025, 3, 30, 4, 0)), 10800);
  EXPECT_EQ(zone_offset_s("Europe/Moscow", utc(2025, 7, 1, 0)), 10800);
  EXPECT_EQ(zone_offset_s("+05:30", 0), 19800);
  EXPECT_EQ(zone_offset_s("-03:00", 0), -10800);
  EXPECT_FALSE(zone_offset_s("Mars/Base", 0));
  EXPECT_FALSE(zone_offset_s("+25:00", 0));
  // Any zone of the tz database, read by the core's date library as --timezone is: a feed from
  // Moldova or Poland needs no converter.
  EXPECT_EQ(zone_offset_s("Europe/Chisinau", utc(2025, 1, 15, 12)), 7200);
  EXPECT_EQ(zone_offset_s("Europe/Warsaw", utc(2025, 7, 15, 12)), 7200);
  EXPECT_EQ(zone_offset_s("Europe/Kiev", utc(2025, 7, 15, 12)), 10800);  // the old spelling, a link
  const ColumnMapping mapping = column_mapping_from_json(nlohmann::json::parse(R"({
    "name": "t", "id": "id", "time": {"date": "when", "timezone": "Europe/Warsaw"}, "location": {"place": "where"}})"),
                                                         "m.json");
  EXPECT_EQ(mapping.zone->name(), "Europe/Warsaw");
}

TEST(ColumnMapping, AnExplicitZoneInTheFeedWins) {
  const auto mapping = column_mapping_from_json(nlohmann::json::parse(R"({
    "name": "t", "id": "id", "time": {"date": "when", "timezone": "Europe/Kyiv"}, "location": {"place": "where"}})"), "m.json");
  std::istringstream feed("id,when,where\na,2025-07-01 12:00,Kyiv\nb,2025-07-01T12:00+00:00,Kyiv\nc,2025-07-01T12:00Z,Kyiv\n");
  const AdapterResult result = read_mapped_csv(feed, "feed.csv", mapping);
  ASSERT_EQ(result.reports.size(), 3u);
  EXPECT_EQ(result.reports[0].time_s, utc(2025, 7, 1, 9));
  EXPECT_EQ(result.reports[1].time_s, utc(2025, 7, 1, 12));
  EXPECT_EQ(result.reports[2].time_s, utc(2025, 7, 1, 12));
}

TEST(ColumnMapping, BadFieldsAreRejectedWithTheirLineAndColumn) {
  const auto mapping = column_mapping_from_json(nlohmann::json::parse(R"({
    "name": "t", "id": "id", "time": {"date": "when", "timezone": "UTC"},
    "location": {"lon": "x", "lat": "y", "uncertainty_m": "u"}, "counts": {"fatalities": "dead"}})"), "m.json");
  std::istringstream feed("id,when,x,y,u,dead\na,2025-07-01,30.5abc,50.4,,\nb,2025-07-01,30.5,50.4,nan,\n"
                          "c,2025-07-01,30.5,50.4,-5,\nd,2025-07-01,30.5,50.4,,-1\ne,2025-07-01,30.5,95,,\n,2025-07-01,30.5,50.4,,\n"
                          "g,2025-07-01,30.5,50.4,2000,3\n");
  const AdapterResult result = read_mapped_csv(feed, "feed.csv", mapping);
  ASSERT_EQ(result.reports.size(), 1u);
  EXPECT_EQ(result.reports[0].location_uncertainty_m, 2000);
  EXPECT_EQ(result.reports[0].fatalities, 3);
  ASSERT_EQ(result.rejected.size(), 6u);
  EXPECT_EQ(result.rejected[0].where, "feed.csv:2");
  EXPECT_NE(result.rejected[0].reason.find("x/y"), std::string::npos) << result.rejected[0].reason;
  EXPECT_NE(result.rejected[1].reason.find("u:"), std::string::npos) << result.rejected[1].reason;
  EXPECT_NE(result.rejected[3].reason.find("dead"), std::string::npos) << result.rejected[3].reason;
  EXPECT_NE(result.rejected[5].reason.find("id"), std::string::npos) << result.rejected[5].reason;
}

TEST(ColumnMapping, BadMappingsNameEveryProblem) {
  try {
    (void)column_mapping_from_json(nlohmann::json::parse(R"({
      "name": "t", "header": false, "id": "event", "time": {"date": "#2"},
      "location": {"lon": "#3"}, "category": {"values": {"Battles": "fight"}}})"), "m.json");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    std::string text;
    for (const auto& diagnostic : error.diagnostics()) text += diagnostic.where + ": " + diagnostic.message + "\n";
    for (const char* pointer : {"/time/timezone", "/location", "/category/values/Battles", "/header"})
      EXPECT_NE(text.find(pointer), std::string::npos) << pointer << " in " << text;
  }
  const auto mapping = column_mapping_from_json(nlohmann::json::parse(R"({
    "name": "t", "id": "id", "time": {"date": "date", "timezone": "UTC"}, "location": {"place": "town"}})"), "m.json");
  std::istringstream feed("id,date\na,2025-01-01\n");
  try {
    (void)read_mapped_csv(feed, "feed.csv", mapping);
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("town"), std::string::npos) << error.what();
  }
}

}  // namespace
}  // namespace guarantor::verify
