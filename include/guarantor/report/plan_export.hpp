#pragma once
// The plan as GeoJSON (RFC 7946) and KML, and the public sizing anchors the plan report places
// the plan among.
#include <filesystem>
#include <string>
#include <vector>

#include "guarantor/force/figures.hpp"
#include "guarantor/model/scenario.hpp"
#include "guarantor/planner/plan.hpp"

namespace guarantor::report {

/// A published force size to compare the plan with (never an objective).
struct SizingAnchor {
  std::string id;
  std::string label;
  double personnel = 0;      ///< absolute size; 0 for a ratio anchor
  double per_thousand = 0;   ///< ratio anchors: personnel per 1,000 inhabitants of the planned area
  std::string source;
};

/// Reads sizing_anchors.json. Throws guarantor::Error (FileNotFound, Syntax, Schema) naming the
/// file and the JSON pointer of the problem.
std::vector<SizingAnchor> load_sizing_anchors(const std::filesystem::path& path);

/// A FeatureCollection: hubs, positions (with footprint radius), assigned units, rejected
/// candidate sites; [lon, lat]; every feature has "kind" and its ids in properties.
std::string plan_to_geojson(const planner::Plan& plan, const model::Scenario& scenario);

/// A KML 2.2 document with folders for hubs, units and rejected sites; names escaped.
std::string plan_to_kml(const planner::Plan& plan, const model::Scenario& scenario);

}  // namespace guarantor::report
