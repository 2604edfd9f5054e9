// Every adapter reads numbers strictly: a field that is not wholly a finite number in its range
// (NaN, infinity, hexadecimal, trailing junk, a negative count, an uncertainty beyond half the
// Earth) skips its row, which is counted and located by file:line and field.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "guarantor/verify/column_mapping.hpp"
#include "guarantor/verify/pipeline.hpp"
#include "verify_test_data.hpp"

namespace guarantor::verify {
namespace {

std::filesystem::path write_strict_feed(const std::string& name, const std::string& content) {
  const auto dir = std::filesystem::temp_directory_path() / ("verify_strict_numbers_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << content;
  return dir / name;
}

// The rejection at `where`, or a failure naming what was rejected instead.
std::string reason_at(const std::vector<Rejection>& rejected, const std::string& where) {
  for (const auto& rejection : rejected)
    if (rejection.where == where) return rejection.reason;
  std::string all;
  for (const auto& rejection : rejected) all += rejection.where + ": " + rejection.reason + "\n";
  ADD_FAILURE() << "no rejection at " << where << "; rejected:\n" << all;
  return {};
}

TEST(StrictNumbers, GuarantorCsvRowsWithBadNumbersAreSkippedCountedAndLocated) {
  const auto file = write_strict_feed("numbers.csv",
                                      "id,date,outlet,category,place,lon,lat,location_uncertainty_m,fatalities\n"
                                      "ok,2025-03-20,BBC,strike,Kharkiv,36.23,49.99,2000,1\n"
                                      "inf,2025-03-20,BBC,strike,Kharkiv,36.23,49.99,inf,\n"
                                      "far,2025-03-20,BBC,strike,Kharkiv,36.23,49.99,30000000,\n"
                                      "nan,2025-03-20,BBC,strike,Kharkiv,36.23,49.99,nan,\n"
                                      "hex,2025-03-20,BBC,strike,Kharkiv,0x24,49.99,,\n"
                                      "junk,2025-03-20,BBC,strike,Kharkiv,36.23,49.99abc,,\n"
                                      "dead,2025-03-20,BBC,strike,Kharkiv,36.23,49.99,,-2\n"
                                      "half,2025-03-20,BBC,strike,Kharkiv,36.23,49.99,20037508,2\n");
  VerifyRequest request;
  request.report_files = {file};
  request.agreement = DATA / "agreements" / "default_agreement.json";
  const VerifyResult result = run_verify(request);
  EXPECT_EQ(result.reports.size(), 2u);
  EXPECT_EQ(result.counts()["rejected"].get<std::size_t>(), 6u);
  const std::string at = file.string() + ":";
  EXPECT_NE(reason_at(result.rejected, at + "3").find("location_uncertainty_m: got \"inf\""), std::string::npos);
  EXPECT_NE(reason_at(result.rejected, at + "4")
                .find("location_uncertainty_m: got \"30000000\"; expected a number in "
                      "0..20037508"),
            std::string::npos);
  EXPECT_NE(reason_at(result.rejected, at + "5").find("location_uncertainty_m: got \"nan\""), std::string::npos);
  EXPECT_NE(reason_at(result.rejected, at + "6").find("column lon: got \"0x24\""), std::string::npos);
  EXPECT_NE(reason_at(result.rejected, at + "7").find("column lat: got \"49.99abc\""), std::string::npos);
  EXPECT_NE(reason_at(result.rejected, at + "8").find("fatalities: got \"-2\""), std::string::npos);
}

TEST(StrictNumbers, AcledUcdpAndMappedFeedsReadNumbersStrictly) {
  const auto acled = write_strict_feed(
      "acled.csv",
      "event_id_cnty,event_date,event_type,latitude,longitude,geo_precision,time_precision,fatalities\n"
      "UKR1,2025-03-20,Battles,49.99,36.23,1,1,0\n"
      "UKR2,2025-03-20,Battles,49.99,36.23,2.0,1,0\n"
      "UKR3,2025-03-20,Battles,49.99,36.23,1,1,1e2\n"
      "UKR4,2025-03-20,Battles,inf,36.23,1,1,0\n");
  const AdapterResult read = read_report_file(acled);
  EXPECT_EQ(read.reports.size(), 1u);
  EXPECT_EQ(read.rows, 4u);
  EXPECT_NE(reason_at(read.rejected, acled.string() + ":3").find("geo_precision: got \"2.0\""), std::string::npos);
  EXPECT_NE(reason_at(read.rejected, acled.string() + ":4").find("fatalities: got \"1e2\""), std::string::npos);
  EXPECT_NE(reason_at(read.rejected, acled.string() + ":5").find("latitude: got \"inf\""), std::string::npos);

  const auto mapping = column_mapping_from_json(nlohmann::json::parse(R"({
    "name": "t", "id": "id", "time": {"date": "when", "timezone": "UTC"},
    "location": {"lon": "x", "lat": "y", "uncertainty_m": "u"}, "counts": {"fatalities": "dead"}})"),
                                                "m.json");
  std::istringstream feed(
      "id,when,x,y,u,dead\na,2025-07-01,30.5,50.4,25000000,\nb,2025-07-01,30.5,50.4,,+3x\n"
      "c,2025-07-01,30.5,50.4,20037508,4\n");
  const AdapterResult mapped = read_mapped_csv(feed, "feed.csv", mapping);
  ASSERT_EQ(mapped.reports.size(), 1u);
  EXPECT_EQ(mapped.reports[0].location_uncertainty_m, 20037508);
  EXPECT_NE(reason_at(mapped.rejected, "feed.csv:2").find("u: got \"25000000\""), std::string::npos);
  EXPECT_NE(reason_at(mapped.rejected, "feed.csv:3").find("dead: got \"+3x\""), std::string::npos);
}

}  // namespace
}  // namespace guarantor::verify
