// Guarantor's own report format, as CSV, JSON or GeoJSON. Field names and meaning are the same
// in the three encodings (docs/verifier.md "Report formats").
#include <functional>
#include <istream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "adapter_rows.hpp"
#include "guarantor/core/date.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/io/strict_number.hpp"

namespace guarantor::verify {
namespace {

using Json = nlohmann::json;
using detail::RowError;
using Getter = std::function<std::string(std::string_view)>;

constexpr std::string_view CSV_FORMAT = "guarantor_csv";
constexpr std::string_view JSON_FORMAT = "guarantor_json";

template <typename Enum>
Enum parse_enum(const Getter& get, std::string_view key, std::optional<Enum> (*from_string)(std::string_view),
                Enum fallback, std::string_view allowed) {
  const std::string text = get(key);
  if (text.empty()) return fallback;
  const auto value = from_string(text);
  if (!value) throw RowError{fmt::format("{}: got \"{}\"; expected one of {}", key, text, allowed)};
  return *value;
}

// Fills a report from named fields, whatever the encoding; lon/lat come separately.
Report report_from_fields(const Getter& get, std::string_view format, std::optional<geo::LonLat> position) {
  Report report;
  const std::string id = get("id");
  if (id.empty()) throw RowError{"id is empty; every report needs an id unique within its file"};
  report.id = fmt::format("{}:{}", format, id);
  report.format = std::string(format);
  const std::string date = get("date");
  const auto time = parse_timestamp(date);
  if (!time)
    throw RowError{fmt::format("date: got \"{}\"; expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS] with Z or an offset (+03:00)", date)};
  report.time_s = time->time_s;
  report.time_uncertainty_s = time->uncertainty_s;
  report.local_time = time->local;
  report.outlets = detail::split_list(get("outlet"), ';');
  if (report.outlets.empty()) throw RowError{"outlet is empty; expected who published the report"};
  report.claimant = get("claimant");
  report.claimed_actor = get("claimed_actor");
  const std::string category = get("category");
  if (category.empty()) throw RowError{"category is empty; expected one of strike, naval_activity, heavy_weapons_presence, ground_clash, other"};
  report.category = parse_enum(get, "category", &event_category_from_string, EventCategory::Other,
                               "strike, naval_activity, heavy_weapons_presence, ground_clash, other");
  report.target_kind = parse_enum(get, "target_kind", &target_kind_from_string, TargetKind::Unknown,
                                  "unknown, refinery, oil_gas_pipeline_storage, power_generation_transmission, "
                                  "nuclear_plant, hydro_dam, civilian, military, other");
  report.weapon_class = parse_enum(get, "weapon_class", &weapon_class_from_string, WeaponClass::Unknown,
                                   "unknown, artillery_100mm_plus, mlrs, long_range_rocket_missile, drone, aircraft, "
                                   "small_arms, other");
  report.place_name = get("place");
  report.admin1 = get("admin1");
  report.description = get("description");
  report.position = position;
  // A row naming only its region (admin1) is located to that admin area by the verifier.
  if (!position && report.place_name.empty() && report.admin1.empty())
    throw RowError{"neither lon/lat, place nor admin1 is given; expected a position, a place name or a region"};
  std::string problem;
  if (const std::string uncertainty = get("location_uncertainty_m"); !uncertainty.empty()) {
    const auto metres = io::read_strict_number(uncertainty, detail::UNCERTAINTY_RANGE, problem);
    if (!metres) throw RowError{fmt::format("location_uncertainty_m: {} (metres)", problem)};
    report.location_uncertainty_m = *metres;
  }
  if (const std::string fatalities = get("fatalities"); !fatalities.empty()) {
    const auto count = io::read_strict_number(fatalities, detail::COUNT_RANGE, problem);
    if (!count) throw RowError{fmt::format("fatalities: {}", problem)};
    report.fatalities = static_cast<int>(*count);
  }
  return report;
}

std::string json_text(const Json& object, std::string_view key) {
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number() || it->is_boolean()) return it->dump();
  if (it->is_array()) {
    // "outlet" may be given as a list of names.
    std::string joined;
    for (const Json& part : *it) {
      if (!part.is_string()) throw RowError{fmt::format("{}: expected a string or a list of strings", key)};
      joined += part.get<std::string>() + ";";
    }
    return joined;
  }
  throw RowError{fmt::format("{}: got {}; expected a string or number", key, it->type_name())};
}

std::optional<geo::LonLat> json_position(const Json& object) {
  const bool has_lon = object.contains("lon") && !object["lon"].is_null();
  const bool has_lat = object.contains("lat") && !object["lat"].is_null();
  if (!has_lon && !has_lat) return std::nullopt;
  if (!has_lon || !has_lat || !object["lon"].is_number() || !object["lat"].is_number())
    throw RowError{"lon and lat must both be numbers, or both be absent"};
  const geo::UncheckedLonLat raw{object["lon"].get<double>(), object["lat"].get<double>()};
  if (!geo::is_valid(raw)) throw RowError{fmt::format("position ({}, {}) is out of range", raw.lon, raw.lat)};
  return geo::LonLat{raw.lon, raw.lat};
}

std::optional<geo::LonLat> geojson_point(const Json& feature) {
  const auto geometry = feature.find("geometry");
  if (geometry == feature.end() || geometry->is_null()) return std::nullopt;
  if (!geometry->is_object() || geometry->value("type", "") != "Point")
    throw RowError{"geometry: expected a GeoJSON Point or null"};
  const auto coordinates = geometry->find("coordinates");
  if (coordinates == geometry->end() || !coordinates->is_array() || coordinates->size() < 2 ||
      !(*coordinates)[0].is_number() || !(*coordinates)[1].is_number())
    throw RowError{"geometry.coordinates: expected [lon, lat]"};
  const geo::UncheckedLonLat raw{(*coordinates)[0].get<double>(), (*coordinates)[1].get<double>()};
  if (!geo::is_valid(raw)) throw RowError{fmt::format("position ({}, {}) is out of range", raw.lon, raw.lat)};
  return geo::LonLat{raw.lon, raw.lat};
}

}  // namespace

AdapterResult read_guarantor_csv(std::istream& in, const std::string& name) {
  AdapterResult result;
  result.format = std::string(CSV_FORMAT);
  detail::for_each_row(in, name, {"id", "date", "outlet", "category"}, result, [&](const detail::Row& row) {
    const Getter get = [&](std::string_view key) { return std::string(row.get(key)); };
    Report report = report_from_fields(get, CSV_FORMAT, detail::optional_position(row, "lon", "lat"));
    report.origin = fmt::format("{}:{}", name, row.line());
    result.reports.push_back(std::move(report));
  });
  return result;
}

AdapterResult read_guarantor_json(std::istream& in, const std::string& name) {
  AdapterResult result;
  result.format = std::string(JSON_FORMAT);
  Json root;
  try {
    root = Json::parse(in);
  } catch (const Json::exception& e) {
    // parse_error, and out_of_range for a number too large for a double.
    throw Error(ErrorCode::Syntax, name, fmt::format("not valid JSON: {}", e.what()));
  }
  const bool geojson = root.is_object() && root.value("type", "") == "FeatureCollection";
  const char* list_key = geojson ? "features" : "reports";
  if (!root.is_object() || !root.contains(list_key) || !root[list_key].is_array())
    throw Error(ErrorCode::Schema, name,
                "expected an object with a \"reports\" array, or a GeoJSON FeatureCollection");
  const Json& items = root[list_key];
  for (std::size_t index = 0; index < items.size(); ++index) {
    ++result.rows;
    const std::string where = fmt::format("{} /{}/{}", name, list_key, index);
    try {
      const Json& item = items[index];
      if (!item.is_object()) throw RowError{"expected an object"};
      const Json* fields = &item;
      std::optional<geo::LonLat> position;
      if (geojson) {
        const auto properties = item.find("properties");
        if (properties == item.end() || !properties->is_object()) throw RowError{"properties: expected an object"};
        fields = &*properties;
        position = geojson_point(item);
      } else {
        position = json_position(item);
      }
      const Getter get = [&](std::string_view key) { return json_text(*fields, key); };
      Report report = report_from_fields(get, JSON_FORMAT, position);
      report.origin = where;
      result.reports.push_back(std::move(report));
    } catch (const RowError& e) {
      result.rejected.push_back({where, e.reason});
    }
  }
  return result;
}

}  // namespace guarantor::verify
