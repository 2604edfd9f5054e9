// The workspace's spatial search on both back ends against brute force over the same data: every
// site measured from the line of contact, a drawn line or a point, and every incident tested
// against oblasts, the occupied area and a drawn polygon with the project's geometry. PostGIS
// measures geodesics on the spheroid and the project along its own segments, so sites closer
// to a band's edge than the two can disagree by are not held to either side.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "guarantor/core/date.hpp"
#include "guarantor/geo/geodesic.hpp"
#include "guarantor/store/workspace.hpp"
#include "guarantor/verify/agreement.hpp"
#include "guarantor/verify/outputs.hpp"
#include "guarantor/verify/pipeline.hpp"
#include "imported_workspace.hpp"

namespace guarantor::store {
namespace {

using testing::Backend;

// Relative agreement of the back ends' distances (PostGIS's geodesic segments against the
// project's), measured below 0.2 % on the default theatre; and an absolute floor in metres.
constexpr double SPATIAL_RELATIVE_TOLERANCE = 0.005;
constexpr double SPATIAL_ABSOLUTE_TOLERANCE_M = 1.0;
constexpr std::uint32_t SPATIAL_SEED = 20260301;

double spatial_tolerance_m(double distance_m) {
  return SPATIAL_RELATIVE_TOLERANCE * distance_m + SPATIAL_ABSOLUTE_TOLERANCE_M;
}

// Brute force: every segment of every line, no screening.
double brute_distance_to_lines(geo::LonLat p, const std::vector<Polyline>& lines) {
  double best = std::numeric_limits<double>::infinity();
  for (const auto& line : lines)
    for (std::size_t i = 0; i + 1 < line.size(); ++i)
      best = std::min(best, geo::distance_to_segment(p, line[i], line[i + 1]).value);
  return best;
}

class SpatialSearchOnBothBackends : public testing::ImportedWorkspace {
protected:
  void SetUp() override {
    testing::ImportedWorkspace::SetUp();
    if (IsSkipped()) return;
    if (!scenario_) scenario_ = std::make_unique<model::Scenario>(workspace_->load(testing::default_load_options()));
  }

  // Checks the store's answer to `search` against `brute` (each site's distance by brute force).
  void expect_sites_match(const SiteSearch& search, const std::function<double(geo::LonLat)>& brute,
                          const std::string& label) {
    const auto hits = workspace_->search_sites(search);
    std::map<std::string, double> expected;  // site -> distance, for sites clearly inside the band
    std::set<std::string> undecided;
    for (const auto& site : scenario_->theatre.sites) {
      if (!search.kinds.empty() &&
          std::find(search.kinds.begin(), search.kinds.end(), model::to_string(site.kind)) == search.kinds.end())
        continue;
      if (!search.countries.empty() &&
          std::find(search.countries.begin(), search.countries.end(), site.country) == search.countries.end())
        continue;
      const double d = brute(site.position);
      const double slack = spatial_tolerance_m(d);
      if (std::fabs(d - search.min_m) <= slack || std::fabs(d - search.max_m) <= slack) undecided.insert(site.id);
      else if (d >= search.min_m && d <= search.max_m) expected[site.id] = d;
    }
    ASSERT_FALSE(expected.empty()) << label << ": the band holds no site; the test proves nothing";
    std::set<std::string> found;
    for (std::size_t i = 0; i < hits.size(); ++i) {
      const auto& hit = hits[i];
      found.insert(hit.site_id);
      if (i > 0) {
        EXPECT_LE(hits[i - 1].distance_m, hit.distance_m) << label << ": not nearest first";
      }
      EXPECT_TRUE(expected.contains(hit.site_id) || undecided.contains(hit.site_id))
          << label << ": " << hit.site_id << " at " << hit.distance_m << " m is outside the band";
      const auto* site = scenario_->theatre.find_site(hit.site_id);
      ASSERT_NE(site, nullptr) << hit.site_id;
      const double d = brute(site->position);
      EXPECT_NEAR(hit.distance_m, d, spatial_tolerance_m(d)) << label << ": " << hit.site_id;
      EXPECT_EQ(hit.kind, model::to_string(site->kind));
      EXPECT_EQ(hit.country, site->country);
    }
    for (const auto& [id, d] : expected) {
      EXPECT_TRUE(found.contains(id)) << label << ": " << id << " at " << d << " m missed";
    }
  }

  static inline std::unique_ptr<model::Scenario> scenario_;
};

TEST_P(SpatialSearchOnBothBackends, SitesMatchBruteForceFromTheLineOfContactALineAndAPoint) {
  const auto* occupied = scenario_->theatre.occupied_area();
  ASSERT_NE(occupied, nullptr);
  const auto contact = [&](geo::LonLat p) { return occupied->area.distance_to_boundary(p).value; };

  SiteSearch near_front;
  near_front.lines = boundary_lines(occupied->area);
  near_front.max_m = 60'000;
  expect_sites_match(near_front, contact, "0-60 km of the line of contact");

  SiteSearch airfields_behind = near_front;
  airfields_behind.min_m = 100'000;
  airfields_behind.max_m = 400'000;
  airfields_behind.kinds = {"airfield", "port"};
  expect_sites_match(airfields_behind, contact, "airfields and ports 100-400 km from the line of contact");

  SiteSearch along_road;
  along_road.lines = {{{24.03, 49.84}, {30.52, 50.45}, {36.23, 49.99}}, {{30.72, 46.48}, {32.06, 49.44}}};
  along_road.min_m = 20'000;
  along_road.max_m = 150'000;
  expect_sites_match(
      along_road, [&](geo::LonLat p) { return brute_distance_to_lines(p, along_road.lines); },
      "20-150 km from two drawn lines");

  SiteSearch around_rzeszow;
  around_rzeszow.point = geo::LonLat{22.0, 50.04};
  around_rzeszow.max_m = 250'000;
  around_rzeszow.countries = {"PL", "SK"};
  expect_sites_match(
      around_rzeszow, [&](geo::LonLat p) { return geo::geodesic_distance(p, *around_rzeszow.point).value; },
      "Polish and Slovak sites within 250 km of Rzeszow");

  SiteSearch inverted;
  inverted.point = geo::LonLat{30.0, 50.0};
  inverted.min_m = 10;
  inverted.max_m = 5;
  EXPECT_THROW((void)workspace_->search_sites(inverted), Error);
}

// Findings of `count` incidents at random positions over the theatre, one in eight located only
// to an oblast (said in a reason, as the verifier words it, or in an "area" member), each judged
// by one or two findings.
std::string random_findings(std::size_t count, const std::vector<model::Region>& regions) {
  std::mt19937 random(SPATIAL_SEED);
  std::uniform_real_distribution<double> lon(21.0, 41.0), lat(44.0, 53.0);
  nlohmann::json findings = nlohmann::json::array();
  for (std::size_t i = 0; i < count; ++i) {
    nlohmann::json finding = {{"incident", fmt::format("I{}", i + 1)},
                              {"position", {lon(random), lat(random)}},
                              {"date", "2026-03-01"},
                              {"country", "UA"},
                              {"outcome", "no_violation"},
                              {"provision", "P1"},
                              {"reasons", nlohmann::json::array({"inside the window"})}};
    if (i % 8 == 3) {
      const auto& region = regions[i % regions.size()];
      if (i % 16 == 3)
        finding["reasons"].push_back(
            fmt::format("location too coarse to judge: located only to area {} (+/- 80 km); x", region.iso_code));
      else finding["area"] = region.iso_code;
    }
    findings.push_back(finding);
    if (i % 3 == 0) {
      finding["provision"] = "P2";
      finding["outcome"] = "violation";
      findings.push_back(finding);
    }
  }
  return nlohmann::json{{"agreement", "test"}, {"counts", {{"findings", findings.size()}}}, {"findings", findings}}
      .dump();
}

// A verify run's findings document: an incident located only to Kharkiv oblast and judged only on
// provisions without a zone (the energy moratorium) carries no "too coarse" reason, and is still
// flagged by its area; one located at a place is not.
TEST(IncidentPositionsOfAVerifyRun, EveryAreaLocatedIncidentIsFlagged) {
  verify::Report by_area;
  by_area.id = "g:area";
  by_area.format = "guarantor_csv";
  by_area.outlets = {"Reuters"};
  by_area.category = verify::EventCategory::Strike;
  by_area.target_kind = verify::TargetKind::PowerGenerationTransmission;
  by_area.time_s = days_from_civil(2025, 3, 20) * SECONDS_PER_DAY;
  by_area.position = geo::LonLat{36.6, 49.5};
  by_area.location_uncertainty_m = 150'000;
  by_area.precision = verify::GeoPrecision::Area;
  by_area.area = "UA-63";
  by_area.area_name = "Kharkiv Oblast";
  verify::Report by_place = by_area;
  by_place.id = "g:place";
  by_place.position = geo::LonLat{32.61458, 46.63542};
  by_place.location_uncertainty_m = 5'000;
  by_place.precision = verify::GeoPrecision::Place;
  by_place.area = "";
  by_place.area_name = "";
  verify::Agreement agreement =
      verify::load_agreement(std::filesystem::path(GUARANTOR_TEST_DATA_DIR) / "agreements" / "default_agreement.json");
  std::erase_if(agreement.provisions, [](const auto& provision) { return provision.id != "energy_moratorium_2025"; });
  ASSERT_EQ(agreement.provisions.size(), 1U);
  const verify::VerifyResult result = verify::verify_reports(
      {by_area, by_place}, {}, agreement, verify::SourceRegistry(), nullptr, nullptr, verify::VerifyParams{}, nullptr);
  std::ostringstream document;
  verify::write_findings_json(result, document, 1);
  const auto incidents = incidents_of_findings(document.str(), "test");
  ASSERT_EQ(incidents.size(), 2U);
  for (const auto& incident : incidents) {
    const bool area = std::abs(incident.position.lon - 36.6) < 1e-9;
    EXPECT_EQ(incident.area, area ? "UA-63" : "") << incident.incident_id;
    EXPECT_EQ(incident.findings, 1) << incident.incident_id;
  }
}

TEST_P(SpatialSearchOnBothBackends, IncidentsMatchBruteForceInOblastsTheOccupiedAreaAndAPolygon) {
  const auto& regions = scenario_->theatre.regions;
  ASSERT_GE(regions.size(), 3U);
  const std::string document = random_findings(600, regions);
  const auto version = workspace_->store_findings_version(document, nlohmann::json::object(), nlohmann::json::object(),
                                                          "job", "monitor");
  const auto all = incidents_of_findings(document, "test");
  ASSERT_EQ(all.size(), 600U);

  // A drawn polygon with a hole, straight edges in lon/lat.
  geo::Polygon drawn{{{26.0, 46.0}, {35.0, 46.5}, {36.0, 51.5}, {27.0, 51.0}},
                     {{{29.0, 48.0}, {32.0, 48.0}, {32.0, 50.0}, {29.0, 50.0}}}};
  std::vector<std::pair<std::string, geo::MultiPolygon>> areas = {
      {"drawn polygon with a hole", geo::MultiPolygon({drawn})},
      {"occupied area", scenario_->theatre.occupied_area()->area}};
  for (std::size_t r = 0; r < regions.size(); r += 6) areas.emplace_back(regions[r].iso_code, regions[r].area);

  for (const auto& [label, area] : areas) {
    std::vector<std::string> expected;
    std::set<std::string> on_edge;  // within a metre of the edge: rounding may put them either side
    for (const auto& incident : all) {
      if (area.distance_to_boundary(incident.position).value < SPATIAL_ABSOLUTE_TOLERANCE_M)
        on_edge.insert(incident.incident_id);
      else if (area.contains(incident.position)) expected.push_back(incident.incident_id);
    }
    ASSERT_FALSE(expected.empty()) << label << ": no incident inside; the test proves nothing";
    std::vector<std::string> found;
    for (const auto& incident : workspace_->search_incidents(version.id, area))
      if (!on_edge.contains(incident.incident_id)) found.push_back(incident.incident_id);
    std::sort(expected.begin(), expected.end());
    std::sort(found.begin(), found.end());
    EXPECT_EQ(found, expected) << label;
  }

  // What each incident carries: its counts and, when located only to an area, that area.
  const auto everywhere = workspace_->search_incidents(
      version.id, geo::MultiPolygon({geo::Polygon{{{-180, -90}, {180, -90}, {180, 90}, {-180, 90}}, {}}}));
  ASSERT_EQ(everywhere.size(), 600U);
  int area_only = 0;
  for (const auto& incident : everywhere) {
    const std::size_t ordinal = std::stoul(incident.incident_id.substr(1)) - 1;
    EXPECT_EQ(incident.findings, ordinal % 3 == 0 ? 2 : 1) << incident.incident_id;
    EXPECT_EQ(incident.violations, ordinal % 3 == 0 ? 1 : 0) << incident.incident_id;
    EXPECT_EQ(incident.area, ordinal % 8 == 3 ? regions[ordinal % regions.size()].iso_code : "")
        << incident.incident_id;
    area_only += incident.area.empty() ? 0 : 1;
  }
  EXPECT_EQ(area_only, 75);
  EXPECT_EQ(everywhere[1].incident_id, "I2") << "I2 comes before I10";
  EXPECT_THROW((void)workspace_->search_incidents(version.id + 1000, geo::MultiPolygon{}), NotFound);
}

TEST_P(SpatialSearchOnBothBackends, AWorkspaceOfTheSchemaBeforeIsFilledWhenMigrated) {
  const auto version =
      workspace_->store_findings_version(random_findings(200, scenario_->theatre.regions), nlohmann::json::object(),
                                         nlohmann::json::object(), "job", "monitor");
  SiteSearch near_front;
  near_front.lines = boundary_lines(scenario_->theatre.occupied_area()->area);
  near_front.max_m = 100'000;
  const auto& occupied = scenario_->theatre.occupied_area()->area;
  const auto sites_before = workspace_->search_sites(near_front);
  const auto incidents_before = workspace_->search_incidents(version.id, occupied);
  ASSERT_FALSE(sites_before.empty());
  ASSERT_FALSE(incidents_before.empty());
  const int latest = workspace_->schema_version();
  workspace_.reset();
  // Back to the schema before the spatial tables, with the sites and findings they derive from.
  ASSERT_EQ(db_->run_sql(fmt::format("DELETE FROM schema_migration WHERE version >= {}", latest)), "");
  ASSERT_EQ(db_->run_sql("DROP TABLE incident_position; DROP TABLE site_position;"), "");
  workspace_ = std::make_unique<Workspace>(db_->location(), testing::fixed_clock);
  EXPECT_EQ(workspace_->migrations_applied(), std::vector<int>{latest});
  const auto sites_after = workspace_->search_sites(near_front);
  ASSERT_EQ(sites_after.size(), sites_before.size());
  for (std::size_t i = 0; i < sites_after.size(); ++i) {
    EXPECT_EQ(sites_after[i].site_id, sites_before[i].site_id);
  }
  const auto incidents_after = workspace_->search_incidents(version.id, occupied);
  ASSERT_EQ(incidents_after.size(), incidents_before.size());
  for (std::size_t i = 0; i < incidents_after.size(); ++i) {
    EXPECT_EQ(incidents_after[i].incident_id, incidents_before[i].incident_id);
    EXPECT_EQ(incidents_after[i].area, incidents_before[i].area);
  }
}

TEST(SpatialFindingsReader, NamesTheFindingWithoutAPosition) {
  const std::string document = R"({"findings": [{"incident": "I1", "position": [30, 50]}, {"incident": "I2"}]})";
  try {
    (void)incidents_of_findings(document, "findings version 7");
    FAIL() << "a finding without a position was read";
  } catch (const Error& error) {
    EXPECT_EQ(error.diagnostics().front().where, "findings version 7 /findings/1/position");
  }
  EXPECT_THROW((void)incidents_of_findings("{\"findings\": [", "findings version 7"), Error);
}

INSTANTIATE_TEST_SUITE_P(Backends, SpatialSearchOnBothBackends, testing::all_backends(), testing::backend_param_name);

}  // namespace
}  // namespace guarantor::store
