// Readers for the theatre files: countries (TopoJSON outlines + metadata), regions (GeoJSON),
// populated places (GeoNames), sites and dated areas.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "guarantor/core/date.hpp"
#include "guarantor/core/sha256.hpp"
#include "guarantor/io/geojson_geometry.hpp"
#include "guarantor/io/geonames.hpp"
#include "loaders.hpp"
#include "outline_cache.hpp"

namespace guarantor::io::detail {

namespace {
constexpr std::string_view COUNTRY_ROLES = "host, neighbour_nato, neighbour_other, adversary";
constexpr std::string_view SITE_KINDS = "energy, airfield, port, border_crossing, rail_junction, candidate_hub";
constexpr std::string_view SITE_STATUSES = "operating, damaged, destroyed, occupied, closed";
// No facility capacity in any unit we use (MW, aircraft, personnel, trains/day) comes near this.
constexpr double MAX_CAPACITY = 1e7;
constexpr long long MAX_RUNWAY_M = 6000;

bool bbox_within(const geo::BoundingBox& inner, const geo::BoundingBox& outer) {
  return inner.min_lon >= outer.min_lon && inner.max_lon <= outer.max_lon && inner.min_lat >= outer.min_lat &&
         inner.max_lat <= outer.max_lat;
}

// Moves the parts of one country inside a bounding box to another (Crimea, see countries.json).
void apply_reassignments(const Json& root, FieldReader& reader, std::vector<model::Country>& countries,
                         std::vector<std::string>& attributions) {
  const Json* rules = reader.array(root, "reassign_parts", "", false);
  if (rules == nullptr) return;
  for (std::size_t i = 0; i < rules->size(); ++i) {
    const std::string pointer = fmt::format("/reassign_parts/{}", i);
    const Json* rule = reader.object((*rules)[i], pointer);
    if (rule == nullptr) continue;
    const std::string from = reader.string(*rule, "from", pointer);
    const std::string to = reader.string(*rule, "to", pointer);
    const std::string reason = reader.string(*rule, "reason", pointer);
    reader.string(*rule, "source", pointer);
    const Json* bbox_json = reader.array(*rule, "bbox", pointer);
    if (bbox_json == nullptr) continue;
    if (bbox_json->size() != 4 || !std::all_of(bbox_json->begin(), bbox_json->end(), [](const Json& v) { return v.is_number(); })) {
      reader.fail(ErrorCode::Schema, pointer + "/bbox", fmt::format("got {}; expected [min_lon, min_lat, max_lon, max_lat]", describe(*bbox_json)));
      continue;
    }
    const geo::BoundingBox box{(*bbox_json)[0].get<double>(), (*bbox_json)[1].get<double>(),
                               (*bbox_json)[2].get<double>(), (*bbox_json)[3].get<double>()};
    auto find = [&](const std::string& iso2) -> model::Country* {
      for (auto& c : countries)
        if (c.iso2 == iso2) return &c;
      return nullptr;
    };
    model::Country* source_country = find(from);
    model::Country* target_country = find(to);
    if (source_country == nullptr || target_country == nullptr) {
      reader.fail(ErrorCode::Reference, pointer, fmt::format("\"{}\" or \"{}\" is not a listed country; expected iso2 codes from /countries", from, to));
      continue;
    }
    std::vector<geo::Polygon> kept, moved;
    for (const auto& part : source_country->area.parts()) {
      geo::MultiPolygon single({part});
      (bbox_within(single.bounds(), box) ? moved : kept).push_back(part);
    }
    if (moved.empty()) {
      reader.fail(ErrorCode::Consistency, pointer + "/bbox",
                  fmt::format("no polygon part of {} lies inside the box; expected at least one to move", from));
      continue;
    }
    const std::size_t moved_count = moved.size();
    source_country->area = geo::MultiPolygon(std::move(kept));
    target_country->area.append(geo::MultiPolygon(std::move(moved)));
    attributions.push_back(fmt::format("{} ({} outline part(s) drawn as {} rather than {}).", reason, moved_count,
                                       to, from));
  }
}
}  // namespace

void read_countries(const JsonFile& file, const FileContext& context, FieldReader& reader, model::Theatre& theatre,
                    std::vector<model::SourceFile>& provenance) {
  const Json& root = file.root;
  if (reader.object(root, "") == nullptr) return;
  const Json* list = reader.array(root, "countries", "");
  if (list == nullptr) return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string pointer = fmt::format("/countries/{}", i);
    const Json* entry = reader.object((*list)[i], pointer);
    if (entry == nullptr) continue;
    model::Country country;
    country.iso2 = reader.string(*entry, "iso2", pointer);
    country.iso_n3 = reader.string(*entry, "iso_n3", pointer);
    country.name = reader.string(*entry, "name", pointer);
    country.role = reader.enumeration(*entry, "role", pointer, model::country_role_from_string, COUNTRY_ROLES,
                                      model::CountryRole::NeighbourOther);
    country.nato = reader.boolean(*entry, "nato", pointer);
    country.eu = reader.boolean(*entry, "eu", pointer);
    country.rail_gauge_mm = reader.string(*entry, "rail_gauge_mm", pointer);
    if (!country.rail_gauge_mm.empty() && country.rail_gauge_mm != "1520" && country.rail_gauge_mm != "1435") {
      reader.fail(ErrorCode::Schema, pointer + "/rail_gauge_mm",
                  fmt::format("got \"{}\"; expected \"1520\" or \"1435\"", excerpt(country.rail_gauge_mm)));
    }
    country.source = reader.string(*entry, "source", pointer);
    theatre.countries.push_back(std::move(country));
  }

  const Json* outlines = reader.member_object(root, "outlines", "");
  if (outlines == nullptr) return;
  const std::string outline_ref = reader.string(*outlines, "file", "/outlines");
  const std::string object_name = reader.string(*outlines, "object", "/outlines");
  const std::string outline_source = reader.string(*outlines, "source", "/outlines");
  if (outline_ref.empty() || object_name.empty()) return;
  std::set<std::string> wanted;
  for (const auto& country : theatre.countries) wanted.insert(country.iso_n3);
  std::filesystem::path outline_path;
  std::shared_ptr<const Outlines> features;
  try {
    outline_path = resolve_data_path(outline_ref, context.path, context.options);
    check_input_file(outline_path, context.options);
    const std::string bytes = read_file_bytes(outline_path);
    const std::string sha256 = sha256_hex(bytes);
    features = remembered_outlines(sha256, object_name, wanted);
    if (features == nullptr) {
      const JsonFile topology = parse_json_text(bytes, outline_path.string());
      FieldReader topo_reader(topology.name, reader.sink());
      const std::size_t problems_before = reader.sink().size();
      features =
          std::make_shared<const Outlines>(read_topojson_polygons(topology.root, object_name, topo_reader, wanted));
      if (reader.sink().size() == problems_before) remember_outlines(sha256, object_name, wanted, features);
    }
    provenance.push_back({"theatre.outlines", outline_path.string(), sha256});
  } catch (const Error& error) {
    for (const auto& d : error.diagnostics())
      reader.sink().add(d.code, d.where, d.message + fmt::format(" (named by {} /outlines/file)", file.name));
    return;
  }
  for (auto& country : theatre.countries) {
    auto it =
        std::find_if(features->begin(), features->end(), [&](const TopoFeature& f) { return f.id == country.iso_n3; });
    if (it == features->end()) {
      reader.fail(ErrorCode::Reference, "/countries",
                  fmt::format("{} (iso_n3 \"{}\") has no outline in {}; expected a geometry with that id",
                              country.iso2, country.iso_n3, outline_ref));
      continue;
    }
    country.area = it->area;
  }
  theatre.attributions.push_back(outline_source);
  apply_reassignments(root, reader, theatre.countries, theatre.attributions);
}

namespace {
// Calls visit(properties, properties_pointer, area) for each Polygon / MultiPolygon feature of a
// GeoJSON FeatureCollection; malformed features are reported and skipped.
template <typename Visit>
void for_each_polygon_feature(const JsonFile& file, FieldReader& reader, Visit visit) {
  const Json& root = file.root;
  if (reader.object(root, "") == nullptr) return;
  const Json* features = reader.array(root, "features", "");
  if (features == nullptr) return;
  for (std::size_t i = 0; i < features->size(); ++i) {
    const std::string pointer = fmt::format("/features/{}", i);
    const Json* feature = reader.object((*features)[i], pointer);
    if (feature == nullptr) continue;
    const Json* properties = reader.member_object(*feature, "properties", pointer);
    const Json* geometry = reader.member_object(*feature, "geometry", pointer);
    if (properties == nullptr || geometry == nullptr) continue;
    visit(*properties, pointer + "/properties", read_geojson_polygons(*geometry, pointer + "/geometry", reader));
  }
}
}  // namespace

void read_regions(const JsonFile& file, FieldReader& reader, model::Theatre& theatre) {
  for_each_polygon_feature(file, reader, [&](const Json& properties, const std::string& pointer, geo::MultiPolygon area) {
    model::Region region;
    region.iso_code = reader.string(properties, "iso3166_2", pointer);
    region.name = reader.string(properties, "name_en", pointer);
    region.name_uk = reader.string(properties, "name_uk", pointer, false);
    region.area = std::move(area);
    theatre.regions.push_back(std::move(region));
  });
  const Json& root = file.root;
  if (root.is_object() && root.contains("source") && root.at("source").is_string())
    theatre.attributions.push_back(root.at("source").get<std::string>());
}

void read_places(const JsonFile& file, const FileContext& context, FieldReader& reader, model::Theatre& theatre) {
  const Json& root = file.root;
  if (reader.object(root, "") == nullptr) return;
  const std::string source = reader.string(root, "source", "");
  const Json* geonames = reader.member_object(root, "geonames", "");
  if (geonames == nullptr) return;
  const std::string ref = reader.string(*geonames, "file", "/geonames");
  GeonamesFilter filter;
  filter.min_population = reader.integer(*geonames, "min_population", "/geonames", 0, 100'000'000, 0);
  if (const Json* countries = reader.array(*geonames, "countries", "/geonames", false)) {
    for (std::size_t i = 0; i < countries->size(); ++i) {
      if ((*countries)[i].is_string()) filter.countries.push_back((*countries)[i].get<std::string>());
      else reader.fail(ErrorCode::Schema, fmt::format("/geonames/countries/{}", i), "expected an ISO 3166-1 alpha-2 string");
    }
  }
  if (ref.empty()) return;
  try {
    const auto places_path = resolve_data_path(ref, context.path, context.options);
    check_input_file(places_path, context.options);
    theatre.places = read_geonames(places_path, filter);
  } catch (const Error& error) {
    for (const auto& d : error.diagnostics()) reader.sink().add(d.code, d.where, d.message);
  }
  theatre.attributions.push_back(source);
}

void read_sites(const JsonFile& file, FieldReader& reader, model::Theatre& theatre) {
  const Json& root = file.root;
  if (reader.object(root, "") == nullptr) return;
  const Json* list = reader.array(root, "sites", "");
  if (list == nullptr) return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string pointer = fmt::format("/sites/{}", i);
    const Json* entry = reader.object((*list)[i], pointer);
    if (entry == nullptr) continue;
    model::Site site;
    site.id = reader.string(*entry, "id", pointer);
    site.name = reader.string(*entry, "name", pointer);
    site.kind = reader.enumeration(*entry, "kind", pointer, model::site_kind_from_string, SITE_KINDS, model::SiteKind::Energy);
    site.subkind = reader.string(*entry, "subkind", pointer, false);
    site.position = reader.position(*entry, "position", pointer);
    site.country = reader.string(*entry, "country", pointer);
    site.status = reader.enumeration(*entry, "status", pointer, model::site_status_from_string, SITE_STATUSES,
                                     model::SiteStatus::Operating);
    site.capacity = reader.number(*entry, "capacity", pointer, 0.0, MAX_CAPACITY, 0.0);
    site.capacity_unit = reader.string(*entry, "capacity_unit", pointer, entry->contains("capacity"));
    site.gauge_change = reader.boolean(*entry, "gauge_change", pointer, false);
    site.runway_m = reader.integer(*entry, "runway_m", pointer, 0, MAX_RUNWAY_M, 0);
    site.source = reader.string(*entry, "source", pointer);
    // Site ids are unique across all site files; the check is here, where the file is known.
    if (!site.id.empty() && theatre.find_site(site.id) != nullptr) {
      reader.fail(ErrorCode::Consistency, pointer + "/id",
                  fmt::format("id \"{}\" is already used by another site; expected every site id to be unique", site.id));
    }
    theatre.sites.push_back(std::move(site));
  }
}

void read_areas(const JsonFile& file, FieldReader& reader, model::Theatre& theatre) {
  for_each_polygon_feature(file, reader, [&](const Json& properties, const std::string& pointer, geo::MultiPolygon area) {
    model::DatedArea dated;
    dated.id = reader.string(properties, "id", pointer);
    dated.kind = reader.string(properties, "kind", pointer);
    // A missing or invalid date is reported by the reader; the load then fails, so the
    // placeholder day never reaches a plan.
    if (const auto as_of = reader.date(properties, "as_of", pointer)) dated.as_of = *as_of;
    dated.source = reader.string(properties, "source", pointer);
    dated.area = std::move(area);
    theatre.attributions.push_back(dated.source);
    theatre.areas.push_back(std::move(dated));
  });
}

}  // namespace guarantor::io::detail
