// plan.geojson and plan.kml carry the illustrative label and the data attributions like every
// other output: a map layer opened on its own must not pass illustrative pledges for real ones.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "guarantor/report/plan_export.hpp"

namespace guarantor::report {
namespace {

struct Fixture {
  model::Scenario scenario;
  planner::Plan plan;
  Fixture() {
    scenario.theatre.attributions = {"Natural Earth (public domain)", "GeoNames (CC BY 4.0)"};
    plan.provenance.scenario_name = "sample";
    plan.provenance.illustrative = true;
  }
};

TEST(PlanExport, GeoJsonCarriesTheLabelAndAttribution) {
  Fixture f;
  const auto doc = nlohmann::json::parse(plan_to_geojson(f.plan, f.scenario));
  EXPECT_EQ(doc["type"], "FeatureCollection");
  EXPECT_EQ(doc["illustrative"], true);
  EXPECT_NE(doc["notice"].get<std::string>().find("ILLUSTRATIVE"), std::string::npos);
  ASSERT_EQ(doc["attribution"].size(), 2u);
  EXPECT_EQ(doc["attribution"][1], "GeoNames (CC BY 4.0)");
  f.plan.provenance.illustrative = false;
  const auto real = nlohmann::json::parse(plan_to_geojson(f.plan, f.scenario));
  EXPECT_EQ(real["illustrative"], false);
  EXPECT_FALSE(real.contains("notice"));
}

TEST(PlanExport, KmlCarriesTheLabelAndAttribution) {
  Fixture f;
  const std::string kml = plan_to_kml(f.plan, f.scenario);
  EXPECT_NE(kml.find("<name>ILLUSTRATIVE - sample</name>"), std::string::npos);
  EXPECT_NE(kml.find("not real offers"), std::string::npos);
  EXPECT_NE(kml.find("GeoNames (CC BY 4.0)"), std::string::npos);
  EXPECT_NE(kml.find("<Data name=\"illustrative\"><value>true</value>"), std::string::npos);
}

}  // namespace
}  // namespace guarantor::report
