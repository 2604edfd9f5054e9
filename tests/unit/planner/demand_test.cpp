// Demand sets: the Dnipro filter on known cities, and the population set's exclusions.
#include <gtest/gtest.h>

#include "guarantor/core/error.hpp"
#include "guarantor/planner/demand.hpp"
#include "tiny_scenario.hpp"

namespace guarantor::planner {
namespace {

TEST(WestOfDnipro, KnownCitiesFallOnTheirBank) {
  const auto params = load_parameters(std::string(GUARANTOR_TEST_DATA_DIR) + "/planning");
  EXPECT_TRUE(west_of_dnipro({24.03, 49.84}, params.dnipro_line));   // Lviv
  EXPECT_TRUE(west_of_dnipro({30.73, 46.48}, params.dnipro_line));   // Odesa
  EXPECT_TRUE(west_of_dnipro({28.47, 49.23}, params.dnipro_line));   // Vinnytsia
  EXPECT_FALSE(west_of_dnipro({36.23, 49.99}, params.dnipro_line));  // Kharkiv
  EXPECT_FALSE(west_of_dnipro({34.55, 49.59}, params.dnipro_line));  // Poltava
  EXPECT_FALSE(west_of_dnipro({31.29, 51.50}, params.dnipro_line));  // Chernihiv, north of the line's start
}

TEST(Demand, PopulationExcludesOccupiedPlaces) {
  const auto scenario = test::tiny_scenario();
  const auto points = population_points(scenario, test::tiny_parameters());
  ASSERT_EQ(points.size(), 2u);  // P3 lies in the occupied area
  EXPECT_DOUBLE_EQ(points[0].weight + points[1].weight, 150000.0);
}

TEST(Demand, UnknownFilterIsASchemaError) {
  const auto scenario = test::tiny_scenario();
  try {
    build_demand(scenario, test::tiny_parameters(), {"population", 1.0, "east_of_volga"}, model::Location::Ukraine, Plan{});
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::Schema);
    EXPECT_EQ(error.where(), "coverage.filter");
  }
}

}  // namespace
}  // namespace guarantor::planner
