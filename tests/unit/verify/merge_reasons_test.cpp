// Each incident says why its reports are one: the report that started it and, for every later
// one, the distance, the gate, the time gap and the rule of its merge; findings.json keeps its
// format.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "guarantor/verify/outputs.hpp"
#include "guarantor/verify/pipeline.hpp"
#include "verify_test_data.hpp"

namespace guarantor::verify {
namespace {

VerifyResult run_merge_feed() {
  const auto dir = std::filesystem::temp_directory_path() / ("verify_merge_reasons_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto file = dir / "merge.csv";
  // Three reports of one strike (about 1 km and a few hours apart), and one far away.
  std::ofstream(file) << "id,date,outlet,claimant,category,target_kind,lon,lat\n"
                         "later,2025-03-20T06:00:00Z,Reuters,UA,strike,power_generation_transmission,36.240,49.990\n"
                         "first,2025-03-20T02:00:00Z,Ukrinform,UA,strike,power_generation_transmission,36.230,49.993\n"
                         "next,2025-03-20T03:30:00Z,BBC,UA,strike,power_generation_transmission,36.235,49.985\n"
                         "alone,2025-03-20T02:00:00Z,BBC,UA,strike,power_generation_transmission,30.52,50.45\n";
  VerifyRequest request;
  request.report_files = {file};
  request.agreement = DATA / "agreements" / "default_agreement.json";
  request.source_registry = DATA / "sources" / "source_registry.json";
  return run_verify(request);
}

TEST(MergeReasons, EveryIncidentNamesItsFirstReportAndWhyEachOtherMerged) {
  const VerifyResult result = run_merge_feed();
  ASSERT_EQ(result.clusters.incidents.size(), 2u);
  std::ostringstream out;
  write_incidents_geojson(result, out);
  const nlohmann::json geojson = nlohmann::json::parse(out.str());
  bool found_three = false;
  for (const auto& feature : geojson["features"]) {
    const auto& properties = feature["properties"];
    const auto& merges = properties["merges"];
    ASSERT_EQ(merges.size() + 1, properties["reports"].size()) << properties.dump();
    if (properties["reports"].size() == 1) {
      EXPECT_EQ(properties["first_report"], "guarantor_csv:alone");
      continue;
    }
    found_three = true;
    EXPECT_EQ(properties["first_report"], "guarantor_csv:first") << "the earliest report started the incident";
    ASSERT_EQ(merges.size(), 2u);
    EXPECT_EQ(merges[0]["report"], "guarantor_csv:next");
    EXPECT_EQ(merges[1]["report"], "guarantor_csv:later");
    for (const auto& merge : merges) {
      EXPECT_EQ(merge["rule"], "distance_gate");
      EXPECT_GT(merge["distance_m"].get<double>(), 300.0);
      EXPECT_LT(merge["distance_m"].get<double>(), 1500.0);
      EXPECT_LE(merge["distance_m"].get<double>(), merge["gate_m"].get<double>());
      EXPECT_EQ(merge["candidates"].get<int>(), 1);
    }
    EXPECT_EQ(merges[0]["time_gap_s"].get<long long>(), 5400) << "03:30 is 1.5 h after 02:00";
    EXPECT_EQ(merges[1]["time_gap_s"].get<long long>(), 9000) << "06:00 is 2.5 h after the span 02:00-03:30";
    EXPECT_EQ(merges[1]["span_s"].get<long long>(), 4 * 3600);
  }
  EXPECT_TRUE(found_three);

  // findings.json keeps its format: merges are told in incidents.geojson and on the page only.
  std::ostringstream findings;
  write_findings_json(result, findings);
  EXPECT_EQ(findings.str().find("\"merges\""), std::string::npos);
  EXPECT_EQ(findings.str().find("\"first_report\""), std::string::npos);
}

}  // namespace
}  // namespace guarantor::verify
