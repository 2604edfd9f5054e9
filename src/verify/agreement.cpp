#include "guarantor/verify/agreement.hpp"

#include <fmt/format.h>

#include "guarantor/core/date.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/io/geojson_geometry.hpp"
#include "guarantor/io/json_decode.hpp"
#include "guarantor/io/json_fields.hpp"

namespace guarantor::verify {
namespace {

using io::FieldReader;
using io::Json;

// Messages name the allowed values so a user can fix a file without reading code.
constexpr std::string_view ZONE_KINDS = "anywhere, polygon or band";
// Input sanity limits, not planning figures: no distance on Earth exceeds half its circumference
// (WGS 84 equator, 40,075 km), and a window of more than a century is a typo, not an agreement.
constexpr double MAX_DISTANCE_M = 20'037'508.0;
constexpr long long MAX_WINDOW_DAYS = 36'525;

Zone read_zone(FieldReader& reader, const Json& provision, const std::string& pointer) {
  Zone zone;
  const Json* object = reader.member_object(provision, "zone", pointer, false);
  if (object == nullptr) return zone;  // anywhere
  const std::string where = pointer + "/zone";
  const std::string kind = reader.string(*object, "kind", where);
  reader.known(where, "coordinates");
  reader.known(where, "line");
  reader.known(where, "distance_m");
  if (kind == "polygon") {
    zone.kind = Zone::Kind::Area;
    if (const Json* coordinates = reader.array(*object, "coordinates", where))
      if (auto polygon = io::read_geojson_polygon_rings(*coordinates, where + "/coordinates", reader))
        zone.area = geo::MultiPolygon({std::move(*polygon)});
  } else if (kind == "band") {
    zone.kind = Zone::Kind::Band;
    zone.distance_m = reader.number(*object, "distance_m", where, 0.0, MAX_DISTANCE_M, 0.0);
    if (object->contains("distance_m") && zone.distance_m <= 0)
      reader.fail(ErrorCode::Schema, where + "/distance_m", "got 0; expected a positive number of metres");
    zone.line_ref = reader.string(*object, "line", where, false);
    if (const Json* coordinates = reader.array(*object, "coordinates", where, false))
      for (std::size_t i = 0; i < coordinates->size(); ++i)
        if (auto p = reader.position_value((*coordinates)[i], fmt::format("{}/coordinates/{}", where, i)))
          zone.line.push_back(*p);
    if (zone.line_ref.empty() && zone.line.size() < 2)
      reader.fail(ErrorCode::Schema, where,
                  "a band needs \"line\" (a named line such as line_of_contact) or \"coordinates\" of a polyline");
  } else if (!kind.empty() && kind != "anywhere") {
    reader.fail(ErrorCode::Schema, where + "/kind", fmt::format("got \"{}\"; expected {}", excerpt(kind), ZONE_KINDS));
  }
  reader.close_object(*object, where);
  return zone;
}

void read_window(FieldReader& reader, const Json& item, const std::string& pointer, Provision& provision) {
  const std::string where = pointer + "/window";
  const Json* window = reader.member_object(item, "window", pointer, false);
  if (window == nullptr) {
    if (!item.contains("window") || item.at("window").is_null())
      reader.fail(ErrorCode::Schema, where,
                  "missing; expected {\"from\": \"YYYY-MM-DD\", \"days\": n} or {\"from\", \"until\"}");
    return;
  }
  const std::string from = reader.string(*window, "from", where);
  if (const auto from_time = parse_timestamp(from)) provision.from_s = from_time->time_s;
  else if (!from.empty())
    reader.fail(ErrorCode::Schema, where + "/from", fmt::format("got \"{}\"; expected YYYY-MM-DD", excerpt(from)));
  const bool has_days = window->contains("days"), has_until = window->contains("until");
  if (has_days && has_until) reader.fail(ErrorCode::Schema, where, "got both days and until; expected one of them");
  if (has_days) {
    const std::size_t problems_before = reader.sink().size();
    const long long days = reader.integer(*window, "days", where, 1, MAX_WINDOW_DAYS);
    if (reader.sink().size() == problems_before) provision.until_s = provision.from_s + days * SECONDS_PER_DAY;
  } else if (has_until) {
    const std::string until = reader.string(*window, "until", where);
    if (const auto until_time = parse_timestamp(until)) provision.until_s = until_time->time_s;  // exclusive
    else if (!until.empty())
      reader.fail(ErrorCode::Schema, where + "/until", fmt::format("got \"{}\"; expected YYYY-MM-DD", excerpt(until)));
  }
  reader.known(where, "days");
  reader.known(where, "until");
  if (provision.until_s && *provision.until_s <= provision.from_s)
    reader.fail(ErrorCode::Consistency, where, "the window ends before it starts");
  reader.close_object(*window, where);
}

void read_weapon_bands(FieldReader& reader, const Json& item, const std::string& pointer, Provision& provision) {
  const Json* bands = reader.array(item, "weapon_bands", pointer, false);
  if (bands == nullptr) return;
  for (std::size_t b = 0; b < bands->size(); ++b) {
    const std::string band_pointer = fmt::format("{}/weapon_bands/{}", pointer, b);
    const Json* band = reader.object((*bands)[b], band_pointer);
    if (band == nullptr) continue;
    const std::string weapon = reader.string(*band, "weapon_class", band_pointer);
    const auto weapon_class = weapon_class_from_string(weapon);
    if (!weapon_class && !weapon.empty())
      reader.fail(ErrorCode::Schema, band_pointer + "/weapon_class", fmt::format("unknown weapon class \"{}\"", excerpt(weapon)));
    const double distance = reader.number(*band, "distance_m", band_pointer, 0.0, MAX_DISTANCE_M);
    if (band->contains("distance_m") && distance <= 0)
      reader.fail(ErrorCode::Schema, band_pointer + "/distance_m", "got 0; expected a positive number of metres");
    if (weapon_class) provision.weapon_bands.push_back({*weapon_class, distance});
    reader.close_object(*band, band_pointer);
  }
}

Provision read_provision(FieldReader& reader, const Json& item, const std::string& pointer) {
  Provision provision;
  provision.id = reader.string(item, "id", pointer);
  provision.title = reader.string(item, "title", pointer);
  const std::vector<std::string> categories = reader.strings(item, "categories", pointer, true);
  for (std::size_t i = 0; i < categories.size(); ++i) {
    if (auto category = event_category_from_string(categories[i])) provision.categories.push_back(*category);
    else reader.fail(ErrorCode::Schema, fmt::format("{}/categories/{}", pointer, i),
                     fmt::format("unknown category \"{}\"", excerpt(categories[i])));
  }
  if (provision.categories.empty() && item.contains("categories"))
    reader.fail(ErrorCode::Schema, pointer + "/categories", "expected at least one event category");
  const std::vector<std::string> targets = reader.strings(item, "target_kinds", pointer);
  for (std::size_t i = 0; i < targets.size(); ++i) {
    if (auto kind = target_kind_from_string(targets[i])) provision.target_kinds.push_back(*kind);
    else reader.fail(ErrorCode::Schema, fmt::format("{}/target_kinds/{}", pointer, i),
                     fmt::format("unknown target kind \"{}\"", excerpt(targets[i])));
  }
  read_weapon_bands(reader, item, pointer, provision);
  provision.zone = read_zone(reader, item, pointer);
  if (!provision.weapon_bands.empty() && provision.zone.kind != Zone::Kind::Band)
    reader.fail(ErrorCode::Consistency, pointer + "/zone", "weapon_bands are distances from a line: the zone must be a band");
  read_window(reader, item, pointer, provision);
  provision.parties = reader.strings(item, "parties", pointer);
  provision.territory = reader.strings(item, "territory", pointer);
  for (std::size_t i = 0; i < provision.territory.size(); ++i) {
    const std::string& code = provision.territory[i];
    if (code.size() != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z')
      reader.fail(ErrorCode::Schema, fmt::format("{}/territory/{}", pointer, i),
                  fmt::format("got \"{}\"; expected an ISO 3166-1 alpha-2 country code", excerpt(code)));
  }
  provision.release_clause = reader.string(item, "release_clause", pointer, false);
  provision.sources = reader.strings(item, "sources", pointer);
  if (provision.sources.empty()) reader.fail(ErrorCode::Schema, pointer + "/sources", "expected at least one source for the provision");
  reader.close_object(item, pointer);
  return provision;
}

Agreement read_agreement(const Json& root, FieldReader& reader) {
  Agreement agreement;
  agreement.document = root;
  if (reader.object(root, "") == nullptr) return agreement;
  agreement.name = reader.string(root, "name", "");
  agreement.description = reader.string(root, "description", "", false);
  if (const Json* provisions = reader.array(root, "provisions", "")) {
    for (std::size_t index = 0; index < provisions->size(); ++index) {
      const std::string pointer = fmt::format("/provisions/{}", index);
      if (const Json* item = reader.object((*provisions)[index], pointer))
        agreement.provisions.push_back(read_provision(reader, *item, pointer));
    }
  }
  reader.close_object(root, "");
  return agreement;
}

}  // namespace

Agreement agreement_from_json(const nlohmann::json& root, const std::string& name) {
  return io::decode_json(root, name, read_agreement);
}

Agreement load_agreement(const std::filesystem::path& path) { return io::decode_json_file(path, read_agreement); }

}  // namespace guarantor::verify
