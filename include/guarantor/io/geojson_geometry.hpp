#pragma once
// Polygon geometry from GeoJSON (RFC 7946) and TopoJSON (topojson-specification 1.0) objects.
#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include "guarantor/geo/polygon.hpp"
#include "guarantor/io/json_fields.hpp"

namespace guarantor::io {

/// A GeoJSON Polygon or MultiPolygon geometry object. Problems go to the reader's sink.
geo::MultiPolygon read_geojson_polygons(const Json& geometry, const std::string& pointer, FieldReader& reader);

/// The `coordinates` of a GeoJSON Polygon (an array of linear rings, the first the outer one)
/// found at `pointer`; nullopt when a ring is malformed (reported to the reader's sink).
std::optional<geo::Polygon> read_geojson_polygon_rings(const Json& rings, const std::string& pointer,
                                                       FieldReader& reader);

/// The union of the polygons of a GeoJSON FeatureCollection, Feature or bare geometry (an area
/// file such as the occupied area). Points and lines carry no area and are skipped; any other
/// problem goes to the reader's sink with its pointer, and an area with no polygon at all is one.
geo::MultiPolygon read_geojson_area(const Json& root, FieldReader& reader);

/// Reads an area file with read_geojson_area. Throws Error (FileNotFound, Syntax, or Schema
/// listing every problem as "file:line /pointer").
geo::MultiPolygon load_geojson_area(const std::filesystem::path& path);

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

}  // namespace guarantor::io
