#pragma once
// Polygon geometry from GeoJSON (RFC 7946) and TopoJSON (topojson-specification 1.0) objects.
#include <set>
#include <string>

#include "guarantor/geo/polygon.hpp"
#include "json_fields.hpp"

namespace guarantor::io::detail {

/// A GeoJSON Polygon or MultiPolygon geometry object. Problems go to the reader's sink.
geo::MultiPolygon read_geojson_polygons(const Json& geometry, const std::string& pointer, FieldReader& reader);

/// One polygonal object of a TopoJSON topology, with its id and properties.
struct TopoFeature {
  std::string id;
  Json properties;
  geo::MultiPolygon area;
};

/// Decodes the Polygon / MultiPolygon geometries of `object_name` (a GeometryCollection) whose
/// id is in `wanted_ids` (all when empty), applying the quantisation transform and arc deltas.
std::vector<TopoFeature> read_topojson_polygons(const Json& topology, const std::string& object_name,
                                                FieldReader& reader, const std::set<std::string>& wanted_ids = {});

}  // namespace guarantor::io::detail
