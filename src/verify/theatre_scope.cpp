#include "guarantor/verify/theatre_scope.hpp"

#include <algorithm>
#include <fstream>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"

namespace guarantor::verify {

TheatreScope::TheatreScope(std::vector<model::Country> countries, const nlohmann::json& scope, const std::string& where)
    : countries_(std::move(countries)) {
  if (!scope.is_object() || !scope.contains("countries") || !scope["countries"].is_array())
    throw Error(ErrorCode::Schema, where, "expected an object with a \"countries\" array");
  for (std::size_t i = 0; i < scope["countries"].size(); ++i) {
    const auto& item = scope["countries"][i];
    const std::string pointer = fmt::format("{} /countries/{}", where, i);
    if (!item.is_object() || !item.contains("iso2") || !item["iso2"].is_string())
      throw Error(ErrorCode::Schema, pointer + "/iso2", "expected an ISO 3166-1 alpha-2 code");
    InScope entry{item["iso2"].get<std::string>(), std::nullopt};
    if (item.contains("max_lon")) {
      if (!item["max_lon"].is_number() || item["max_lon"].get<double>() < -180 || item["max_lon"].get<double>() > 180)
        throw Error(ErrorCode::Schema, pointer + "/max_lon", "expected a longitude in degrees");
      entry.max_lon = item["max_lon"].get<double>();
    }
    in_scope_.push_back(std::move(entry));
  }
}

std::string TheatreScope::country_at(geo::LonLat p) const {
  for (const auto& country : countries_)
    if (country.area.contains(p)) return country.iso2;
  return {};
}

std::string TheatreScope::outside_reason(const std::string& country, geo::LonLat p) const {
  if (country.empty()) return {};  // at sea or beyond the outlines: cannot tell, so judged
  const auto it = std::find_if(in_scope_.begin(), in_scope_.end(), [&](const InScope& s) { return s.iso2 == country; });
  if (it == in_scope_.end()) return fmt::format("in {}, a country outside the theatre", country);
  if (it->max_lon && p.lon > *it->max_lon)
    return fmt::format("in {} east of {:.1f} E, outside the theatre", country, *it->max_lon);
  return {};
}

TheatreScope load_theatre_scope(std::vector<model::Country> countries, const std::filesystem::path& scope_file) {
  std::ifstream in(scope_file, std::ios::binary);
  if (!in) throw Error(ErrorCode::FileNotFound, scope_file.string(), "cannot open the theatre scope");
  const nlohmann::json scope = nlohmann::json::parse(in, nullptr, false);
  if (scope.is_discarded()) throw Error(ErrorCode::Syntax, scope_file.string(), "not valid JSON");
  return TheatreScope(std::move(countries), scope, scope_file.string());
}

namespace {

// Of several places of the report's name, prefer one inside the oblast its admin1 field names.
void prefer_named_oblast(Report& report, const Locator& locator) {
  if (report.precision != GeoPrecision::PlaceAmbiguous || report.admin1.empty() || locator.areas == nullptr) return;
  const auto oblast = locator.areas->find(report.admin1, true, nullptr);
  if (!oblast) return;
  for (const auto* place : locator.gazetteer->lookup(report.place_name)) {
    const AdminArea* at = locator.areas->oblast_at(place->position);
    if (at == nullptr || at->code != oblast->code) continue;
    report.position = place->position;
    report.geocode_note += fmt::format("; of these, {} ({}) lies in {} as the report's admin1 says", place->name,
                                       place->geonameid, oblast->code);
    return;
  }
}

void locate_to_area(Report& report, const Locator& locator) {
  if (locator.areas == nullptr || report.position) return;
  std::optional<AdminArea> area;
  if (!report.admin1.empty()) area = locator.areas->find(report.admin1, true, locator.gazetteer);
  // A place column naming an area ("Kharkiv oblast", "Ізюмський район", "south") is more precise
  // than admin1 only when it names a raion; otherwise admin1 already said it.
  if (!report.place_name.empty()) {
    auto named = locator.areas->find(report.place_name, false, locator.gazetteer);
    if (named && (!area || named->radius_m < area->radius_m)) area = std::move(named);
  }
  if (!area) return;
  report.position = area->position;
  report.location_uncertainty_m = std::max(report.location_uncertainty_m, area->radius_m);
  report.precision = GeoPrecision::Area;
  report.area = area->code;
  report.country = area->country;
  report.geocode_note = fmt::format("located only to area {} ({}; +/- {:.0f} km){}", area->code, area->name,
                                    area->radius_m / 1000, report.geocode_note.empty() ? "" : "; " + report.geocode_note);
}

}  // namespace

void locate_reports(std::vector<Report>& reports, const Locator& locator, const GazetteerParams& params) {
  for (Report& report : reports) {
    if (locator.gazetteer != nullptr) {
      locator.gazetteer->geocode(report, params);
      prefer_named_oblast(report, locator);
    }
    if (!report.position) locate_to_area(report, locator);
    if (!report.position) continue;
    if (locator.scope == nullptr) continue;
    if (report.country.empty()) report.country = locator.scope->country_at(*report.position);
    // Country outlines are coarse along coasts and rivers (Kherson falls between them at 1:10m);
    // the oblast polygons are finer there.
    if (report.country.empty() && locator.areas != nullptr)
      if (const AdminArea* oblast = locator.areas->oblast_at(*report.position)) report.country = oblast->country;
    const std::string outside = locator.scope->outside_reason(report.country, *report.position);
    if (!outside.empty()) {
      report.out_of_theatre = true;
      report.geocode_note += "; " + outside;
    }
  }
}

}  // namespace guarantor::verify
