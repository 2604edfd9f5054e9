#pragma once
// A hand-drawn theatre small enough to work every stage out by hand:
//
//   lat 50 +--------- PL ---------+------------ UA (host) ------------+-- occupied --+
//          |                      |                                  |  lon 28..30   |
//   47.5   |  hub.pl (18)         | hub.a (22)  hub.b (25)  hub.near (27.5)          |
//          |                      |  P1 100k     P2 50k              |  P3 200k (29) |
//   46.5   |                      | airfield.ua (23, 46.5)           |               |
//   lat 45 +--------- 14..20 -----+----------- 20..28 ---------------+--------------+
//   XX (neighbour, not NATO) lon 30..32, lat 45..47 with airfield.xx (31, 46).
// Standoff 100 km from the occupied area (lon 28): hub.near (about 38 km) is rejected.
#include "guarantor/model/scenario.hpp"
#include "guarantor/planner/parameters.hpp"

namespace guarantor::planner::test {

/// The scenario above: one AD line (population, target 100 %), one squadron line, hub_count 1.
model::Scenario tiny_scenario();

/// Planning parameters for it (every number set explicitly).
PlannerParameters tiny_parameters();

/// An axis-aligned rectangle as a multipolygon.
geo::MultiPolygon box(double min_lon, double min_lat, double max_lon, double max_lat);

}  // namespace guarantor::planner::test
