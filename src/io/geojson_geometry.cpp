#include "guarantor/io/geojson_geometry.hpp"
#include "guarantor/io/json_decode.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace guarantor::io {

namespace {
// A linear ring needs at least four positions, the last equal to the first (RFC 7946 §3.1.6).
constexpr std::size_t MIN_RING_POSITIONS = 4;

bool read_ring(const Json& positions, const std::string& pointer, FieldReader& reader, geo::Ring& ring) {
  if (!positions.is_array() || positions.size() < MIN_RING_POSITIONS) {
    reader.fail(ErrorCode::Schema, pointer,
                fmt::format("got {}; expected a linear ring of at least 4 [lon, lat] positions", describe(positions)));
    return false;
  }
  ring.reserve(positions.size());
  for (std::size_t i = 0; i < positions.size(); ++i) {
    const Json& p = positions[i];
    if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number() ||
        !geo::is_valid({p[0].get<double>(), p[1].get<double>()})) {
      reader.fail(ErrorCode::Schema, fmt::format("{}/{}", pointer, i),
                  fmt::format("got {}; expected [longitude, latitude] in degrees", describe(p)));
      return false;
    }
    ring.push_back(geo::LonLat{p[0].get<double>(), p[1].get<double>()});
  }
  if (ring.front() == ring.back()) ring.pop_back();
  return true;
}

bool read_polygon(const Json& rings, const std::string& pointer, FieldReader& reader, geo::Polygon& polygon) {
  if (!rings.is_array() || rings.empty()) {
    reader.fail(ErrorCode::Schema, pointer, fmt::format("got {}; expected an array of linear rings", describe(rings)));
    return false;
  }
  if (!read_ring(rings[0], pointer + "/0", reader, polygon.outer)) return false;
  for (std::size_t h = 1; h < rings.size(); ++h) {
    geo::Ring hole;
    if (!read_ring(rings[h], fmt::format("{}/{}", pointer, h), reader, hole)) return false;
    polygon.holes.push_back(std::move(hole));
  }
  return true;
}
}  // namespace

std::optional<geo::Polygon> read_geojson_polygon_rings(const Json& rings, const std::string& pointer,
                                                       FieldReader& reader) {
  geo::Polygon polygon;
  if (!read_polygon(rings, pointer, reader, polygon)) return std::nullopt;
  return polygon;
}

geo::MultiPolygon read_geojson_polygons(const Json& geometry, const std::string& pointer, FieldReader& reader) {
  if (reader.object(geometry, pointer) == nullptr) return {};
  const std::string type = reader.string(geometry, "type", pointer);
  const Json* coordinates = reader.array(geometry, "coordinates", pointer);
  if (coordinates == nullptr) return {};
  std::vector<geo::Polygon> parts;
  if (type == "Polygon") {
    geo::Polygon polygon;
    if (read_polygon(*coordinates, pointer + "/coordinates", reader, polygon)) parts.push_back(std::move(polygon));
  } else if (type == "MultiPolygon") {
    for (std::size_t i = 0; i < coordinates->size(); ++i) {
      geo::Polygon polygon;
      if (read_polygon((*coordinates)[i], fmt::format("{}/coordinates/{}", pointer, i), reader, polygon))
        parts.push_back(std::move(polygon));
    }
  } else if (!type.empty()) {
    reader.fail(ErrorCode::Schema, pointer + "/type",
                fmt::format("got \"{}\"; expected Polygon or MultiPolygon", excerpt(type)));
  }
  return geo::MultiPolygon(std::move(parts));
}

namespace {
// RFC 7946 §3.1 geometry types that carry no area: an area file may hold them beside its polygons.
bool is_arealess_geometry(std::string_view type) {
  return type == "Point" || type == "MultiPoint" || type == "LineString" || type == "MultiLineString";
}

void append_area_geometry(const Json& geometry, const std::string& pointer, FieldReader& reader,
                          std::vector<geo::Polygon>& parts) {
  if (geometry.is_object()) {
    const auto type = geometry.find("type");
    if (type != geometry.end() && type->is_string() && is_arealess_geometry(type->get<std::string>())) return;
  }
  const geo::MultiPolygon area = read_geojson_polygons(geometry, pointer, reader);
  parts.insert(parts.end(), area.parts().begin(), area.parts().end());
}
}  // namespace

geo::MultiPolygon read_geojson_area(const Json& root, FieldReader& reader) {
  std::vector<geo::Polygon> parts;
  const std::size_t problems_before = reader.sink().size();
  if (reader.object(root, "") == nullptr) return {};
  const auto type = root.find("type");
  if (type != root.end() && *type == "FeatureCollection") {
    if (const Json* features = reader.array(root, "features", "")) {
      for (std::size_t i = 0; i < features->size(); ++i) {
        const std::string pointer = fmt::format("/features/{}", i);
        const Json* feature = reader.object((*features)[i], pointer);
        if (feature == nullptr) continue;
        // A Feature's geometry may be null (RFC 7946 §3.2): it has no area to add.
        if (const Json* geometry = reader.member_object(*feature, "geometry", pointer, false))
          append_area_geometry(*geometry, pointer + "/geometry", reader, parts);
      }
    }
  } else if (type != root.end() && *type == "Feature") {
    if (const Json* geometry = reader.member_object(root, "geometry", "", false))
      append_area_geometry(*geometry, "/geometry", reader, parts);
  } else {
    append_area_geometry(root, "", reader, parts);
  }
  if (parts.empty() && reader.sink().size() == problems_before)
    reader.fail(ErrorCode::Schema, "", "no Polygon or MultiPolygon found; expected an area as GeoJSON polygons");
  return geo::MultiPolygon(std::move(parts));
}

geo::MultiPolygon load_geojson_area(const std::filesystem::path& path) {
  return decode_json_file(path, read_geojson_area);
}

namespace {
struct Transform {
  double scale_x = 1, scale_y = 1, translate_x = 0, translate_y = 0;
  bool quantized = false;
};

std::vector<geo::Ring> decode_arcs(const Json& arcs, const Transform& transform) {
  std::vector<geo::Ring> decoded;
  decoded.reserve(arcs.size());
  for (const Json& arc : arcs) {
    geo::Ring points;
    double x = 0, y = 0;
    for (const Json& position : arc) {
      if (!position.is_array() || position.size() < 2 || !position[0].is_number() || !position[1].is_number()) {
        points.clear();
        break;
      }
      if (transform.quantized) {
        // Quantised arcs are delta-encoded integers (specification §2.1.2, §2.2.1).
        x += position[0].get<double>();
        y += position[1].get<double>();
        points.push_back({x * transform.scale_x + transform.translate_x, y * transform.scale_y + transform.translate_y});
      } else {
        points.push_back({position[0].get<double>(), position[1].get<double>()});
      }
    }
    decoded.push_back(std::move(points));
  }
  return decoded;
}

enum class Stitch { Ok, Degenerate, Invalid };

// Stitches a ring from arc indexes; a negative index ~i means arc i reversed (specification §2.2.2).
// Quantisation can collapse a tiny island to fewer than three distinct positions: such a ring is
// Degenerate (dropped), unlike a bad arc reference, which is Invalid (reported).
Stitch stitch_ring(const Json& indexes, const std::vector<geo::Ring>& arcs, geo::Ring& ring) {
  if (!indexes.is_array()) return Stitch::Invalid;
  for (const Json& index_json : indexes) {
    if (!index_json.is_number_integer()) return Stitch::Invalid;
    const long long index = index_json.get<long long>();
    const long long arc_index = index >= 0 ? index : ~index;
    if (arc_index < 0 || arc_index >= static_cast<long long>(arcs.size())) return Stitch::Invalid;
    const geo::Ring& arc = arcs[static_cast<std::size_t>(arc_index)];
    if (arc.empty()) return Stitch::Invalid;
    std::vector<geo::LonLat> points(arc.begin(), arc.end());
    if (index < 0) std::reverse(points.begin(), points.end());
    // Consecutive arcs share their joining position; keep it once.
    const std::size_t skip = ring.empty() ? 0 : 1;
    ring.insert(ring.end(), points.begin() + static_cast<std::ptrdiff_t>(std::min(skip, points.size())), points.end());
  }
  if (ring.size() >= 2 && ring.front() == ring.back()) ring.pop_back();
  return ring.size() >= 3 ? Stitch::Ok : Stitch::Degenerate;
}

// Adds the polygon to `parts` unless its outer ring is degenerate; degenerate holes are dropped.
Stitch stitch_polygon(const Json& rings, const std::vector<geo::Ring>& arcs, std::vector<geo::Polygon>& parts) {
  if (!rings.is_array() || rings.empty()) return Stitch::Invalid;
  geo::Polygon polygon;
  const Stitch outer = stitch_ring(rings[0], arcs, polygon.outer);
  if (outer != Stitch::Ok) return outer;
  for (std::size_t h = 1; h < rings.size(); ++h) {
    geo::Ring hole;
    const Stitch result = stitch_ring(rings[h], arcs, hole);
    if (result == Stitch::Invalid) return result;
    if (result == Stitch::Ok) polygon.holes.push_back(std::move(hole));
  }
  parts.push_back(std::move(polygon));
  return Stitch::Ok;
}
}  // namespace

std::vector<TopoFeature> read_topojson_polygons(const Json& topology, const std::string& object_name,
                                                FieldReader& reader, const std::set<std::string>& wanted_ids) {
  std::vector<TopoFeature> features;
  if (reader.object(topology, "") == nullptr) return features;
  Transform transform;
  if (const Json* t = reader.member_object(topology, "transform", "", false)) {
    const Json* scale = reader.array(*t, "scale", "/transform");
    const Json* translate = reader.array(*t, "translate", "/transform");
    if (scale == nullptr || translate == nullptr || scale->size() != 2 || translate->size() != 2 ||
        !(*scale)[0].is_number() || !(*scale)[1].is_number() || !(*translate)[0].is_number() ||
        !(*translate)[1].is_number()) {
      reader.fail(ErrorCode::Schema, "/transform", "expected scale and translate as two numbers each");
      return features;
    }
    transform = {(*scale)[0].get<double>(), (*scale)[1].get<double>(), (*translate)[0].get<double>(),
                 (*translate)[1].get<double>(), true};
  }
  const Json* arcs_json = reader.array(topology, "arcs", "");
  const Json* objects = reader.member_object(topology, "objects", "");
  if (arcs_json == nullptr || objects == nullptr) return features;
  const std::string object_pointer = "/objects/" + object_name;
  const Json* object = reader.member_object(*objects, object_name, "/objects");
  if (object == nullptr) return features;
  const Json* geometries = reader.array(*object, "geometries", object_pointer);
  if (geometries == nullptr) return features;

  const std::vector<geo::Ring> arcs = decode_arcs(*arcs_json, transform);
  for (std::size_t g = 0; g < geometries->size(); ++g) {
    const Json& geometry = (*geometries)[g];
    const std::string pointer = fmt::format("{}/geometries/{}", object_pointer, g);
    if (!geometry.is_object()) continue;
    const auto type_member = geometry.find("type");
    // A type that is not a string is no polygon: skipped like points and lines, never a throw.
    const std::string type =
        type_member != geometry.end() && type_member->is_string() ? type_member->get<std::string>() : "";
    if (type != "Polygon" && type != "MultiPolygon") continue;  // points and lines carry no area
    TopoFeature feature;
    if (geometry.contains("id")) {
      const Json& id = geometry.at("id");
      feature.id = id.is_string() ? id.get<std::string>() : id.dump();
    }
    if (!wanted_ids.empty() && !wanted_ids.contains(feature.id)) continue;
    feature.properties = geometry.value("properties", Json::object());
    const Json* polygon_arcs = reader.array(geometry, "arcs", pointer);
    if (polygon_arcs == nullptr) continue;
    std::vector<geo::Polygon> parts;
    const bool ok = [&] {
      if (type == "Polygon") return stitch_polygon(*polygon_arcs, arcs, parts) != Stitch::Invalid;
      return std::all_of(polygon_arcs->begin(), polygon_arcs->end(), [&](const Json& rings) {
        return stitch_polygon(rings, arcs, parts) != Stitch::Invalid;
      });
    }();
    if (!ok) {
      reader.fail(ErrorCode::Schema, pointer + "/arcs", "arc references do not form closed rings of valid arcs");
      continue;
    }
    feature.area = geo::MultiPolygon(std::move(parts));
    features.push_back(std::move(feature));
  }
  return features;
}

}  // namespace guarantor::io
