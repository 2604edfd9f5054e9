// The shipped default scenario: it loads, and its geography matches known facts, cross-checked
// against reference data shipped in tests/data/reference.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "guarantor/geo/geodesic.hpp"
#include "guarantor/io/csv_reader.hpp"
#include "guarantor/io/scenario_loader.hpp"

namespace guarantor::io {
namespace {

const model::Scenario& default_scenario() {
  static const model::Scenario scenario = load_scenario(
      std::filesystem::path(GUARANTOR_TEST_DATA_DIR) / "default" / "scenario.json", LoadOptions{GUARANTOR_TEST_ASSET_DIR});
  return scenario;
}

const model::PopulatedPlace& place(const std::string& name, const std::string& country = "UA") {
  const model::PopulatedPlace* best = nullptr;
  for (const auto& p : default_scenario().theatre.places)
    if (p.name == name && p.country == country && (best == nullptr || p.population > best->population)) best = &p;
  if (best == nullptr) throw std::runtime_error("place not found: " + name);
  return *best;
}

std::string region_of(geo::LonLat p) {
  const auto* region = default_scenario().theatre.region_at(p);
  return region ? region->iso_code : "none";
}

TEST(DefaultScenario, LoadsAndEveryPledgeIsIllustrative) {
  const auto& s = default_scenario();
  EXPECT_GE(s.coalition.nations.size(), 25u);
  EXPECT_FALSE(s.coalition.pledges.empty());
  for (const auto& pledge : s.coalition.pledges) EXPECT_TRUE(pledge.illustrative) << pledge.id;
  EXPECT_FALSE(s.mandate.requirements.empty());
  for (const auto& site : s.theatre.sites) EXPECT_FALSE(site.source.empty()) << site.id;
}

TEST(DefaultScenario, CitiesFallInTheirOblasts) {
  EXPECT_EQ(region_of(place("Kharkiv").position), "UA-63");
  EXPECT_EQ(region_of(place("Lviv").position), "UA-46");
  EXPECT_EQ(region_of(place("Odessa").position), "UA-51");
  EXPECT_EQ(region_of(place("Simferopol").position), "UA-43");
}

TEST(DefaultScenario, CrimeaIsUkrainianTerritoryAndOccupied) {
  const auto& theatre = default_scenario().theatre;
  for (const char* name : {"Simferopol", "Sevastopol", "Kerch"}) {
    const auto& p = place(name);
    ASSERT_NE(theatre.country_at(p.position), nullptr) << name;
    EXPECT_EQ(theatre.country_at(p.position)->iso2, "UA") << name;
    ASSERT_NE(theatre.occupied_area(default_scenario().as_of), nullptr);
    EXPECT_TRUE(theatre.occupied_area(default_scenario().as_of)->area.contains(p.position)) << name;
  }
  EXPECT_EQ(theatre.country_at(place("Kyiv").position)->iso2, "UA");
  EXPECT_FALSE(theatre.occupied_area()->area.contains(place("Kyiv").position));
  EXPECT_FALSE(theatre.occupied_area()->area.contains(place("Kharkiv").position));
}

TEST(DefaultScenario, OccupiedAreaInForceFollowsTheDate) {
  const auto& theatre = default_scenario().theatre;
  EXPECT_EQ(theatre.occupied_area(Date::from_iso("2025-03-18"))->as_of.iso(), "2025-03-18");
  EXPECT_EQ(theatre.occupied_area(Date::from_iso("2025-12-31"))->as_of.iso(), "2025-03-18");
  EXPECT_EQ(theatre.occupied_area(Date::from_iso("2026-09-01"))->as_of.iso(), "2026-08-22");
  EXPECT_EQ(theatre.occupied_area(Date::from_iso("2020-01-01"))->as_of.iso(), "2025-03-18")
      << "before any record: the earliest";
  EXPECT_EQ(theatre.occupied_area()->as_of.iso(), "2026-08-22");
}

// The curated occupied area agrees with the DeepStateMap polygon it was simplified from: the
// areas differ by under 2 % (the reference file's own index gives 112,143 km2 on 2025-03-18).
TEST(DefaultScenario, OccupiedAreaMatchesTheReferencePolygon) {
  const auto& area = default_scenario().theatre.occupied_area(Date::from_iso("2025-03-18"))->area;
  EXPECT_NEAR(area.area_km2(), 112143.0, 112143.0 * 0.02);
}

TEST(DefaultScenario, AllFourNuclearPlantsAreListed) {
  int nuclear = 0;
  for (const auto& site : default_scenario().theatre.sites)
    nuclear += site.kind == model::SiteKind::Energy && site.subkind == "nuclear";
  EXPECT_EQ(nuclear, 4);
}

// Each energy site that names a GPPD id sits within 5 km of that plant in the WRI database.
TEST(DefaultScenario, EnergySitesMatchTheGlobalPowerPlantDatabase) {
  const auto path = std::filesystem::path(GUARANTOR_TEST_REFERENCE_DIR) / "gppd_v1.3.0_ukraine.csv";
  ASSERT_TRUE(std::filesystem::exists(path)) << "shipped reference data missing: " << path;
  std::ifstream input(path);
  CsvReader reader(input, path.filename().string());
  const CsvHeader header(*reader.next());
  std::map<std::string, geo::LonLat> plants;
  while (auto row = reader.next()) {
    plants[row->fields[*header.find("gppd_idnr")]] =
        geo::LonLat{std::stod(row->fields[*header.find("longitude")]), std::stod(row->fields[*header.find("latitude")])};
  }
  int checked = 0;
  for (const auto& site : default_scenario().theatre.sites) {
    for (const auto& [id, position] : plants) {
      if (site.source.find(id) == std::string::npos) continue;
      EXPECT_LT(geo::geodesic_distance(site.position, position).km(), 5.0) << site.id << " vs " << id;
      ++checked;
    }
  }
  EXPECT_GE(checked, 4) << "expected energy sites to cite their GPPD ids";
}

}  // namespace
}  // namespace guarantor::io
