// The scenario-level hub and coverage models against brute force on small random theatres
// (seeded): every pair of sites is tried and the planner must match the best.
#include <gtest/gtest.h>

#include <random>

#include "guarantor/planner/demand.hpp"
#include "guarantor/planner/planner.hpp"
#include "tiny_scenario.hpp"

namespace guarantor::planner {
namespace {

struct RandomTheatre {
  model::Scenario scenario = test::tiny_scenario();
  std::vector<geo::LonLat> hubs;
  std::vector<std::pair<geo::LonLat, double>> places;
};

// 4-6 hub sites and 5-12 places west of the standoff line (lon < 26.5), hub_count 2, and the
// AD line asking for 2 batteries of 120 km reach over the population.
RandomTheatre random_theatre(std::mt19937& rng) {
  RandomTheatre t;
  std::uniform_real_distribution<double> lon(20.5, 26.5), lat(45.5, 49.5);
  std::uniform_int_distribution<int> sites(4, 6), places(5, 12), population(1, 100);
  auto& theatre = t.scenario.theatre;
  std::erase_if(theatre.sites, [](const model::Site& s) { return s.kind == model::SiteKind::CandidateHub; });
  theatre.places.clear();
  const int site_count = sites(rng);
  for (int i = 0; i < site_count; ++i) {
    model::Site s;
    s.id = "hub." + std::to_string(i);
    s.name = s.id;
    s.kind = model::SiteKind::CandidateHub;
    s.position = {lon(rng), lat(rng)};
    s.country = "UA";
    s.capacity = 10000;
    s.capacity_unit = "personnel";
    theatre.sites.push_back(s);
    t.hubs.push_back(s.position);
  }
  const int place_count = places(rng);
  for (int i = 0; i < place_count; ++i) {
    model::PopulatedPlace p;
    p.geonameid = 100 + i;
    p.position = {lon(rng), lat(rng)};
    p.country = "UA";
    p.population = 1000 * population(rng);
    theatre.places.push_back(p);
    t.places.emplace_back(p.position, static_cast<double>(p.population));
  }
  t.scenario.mandate.posture.hub_count = 2;
  t.scenario.mandate.requirements[0].quantity = 2;
  t.scenario.catalogue.capabilities[0].radius_km->value = 120;
  return t;
}

TEST(BruteForce, HubsAndCoverageMatchEnumeration) {
  std::mt19937 rng(20250318);
  for (int trial = 0; trial < 60; ++trial) {
    RandomTheatre t = random_theatre(rng);
    const Plan plan = make_plan(t.scenario, test::tiny_parameters());
    double total = 0;
    for (const auto& [p, w] : t.places) total += w;
    double best_median = std::numeric_limits<double>::infinity(), best_cover = 0;
    for (std::size_t a = 0; a < t.hubs.size(); ++a)
      for (std::size_t b = a + 1; b < t.hubs.size(); ++b) {
        double median = 0, cover = 0;
        for (const auto& [p, w] : t.places) {
          const double da = distance_km(p, t.hubs[a]), db = distance_km(p, t.hubs[b]);
          median += w / total * std::min(da, db);
          if (std::min(da, db) <= 120) cover += w;
        }
        best_median = std::min(best_median, median);
        best_cover = std::max(best_cover, cover);
      }
    const auto* hubs = plan.find_stage("hubs");
    ASSERT_NE(hubs, nullptr);
    EXPECT_NEAR(hubs->stats.objective, best_median, 1e-6 * std::max(1.0, best_median)) << "trial " << trial;
    EXPECT_NEAR(plan.find_line("R-1")->covered_design, best_cover / total, 1e-9) << "trial " << trial;
  }
}

}  // namespace
}  // namespace guarantor::planner
