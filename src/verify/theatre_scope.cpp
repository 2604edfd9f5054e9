#include "guarantor/verify/theatre_scope.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/core/printable.hpp"

namespace guarantor::verify {

TheatreScope::TheatreScope(std::vector<model::Country> countries, const io::JsonFile& scope)
    : countries_(std::move(countries)) {
  DiagnosticSink sink;
  io::FieldReader reader(scope, sink);
  if (reader.object(scope.root, "") != nullptr) {
    reader.known("", "description");  // documentation keys
    reader.known("", "source");
    if (const io::Json* list = reader.array(scope.root, "countries", "")) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string pointer = fmt::format("/countries/{}", i);
        const io::Json* item = reader.object((*list)[i], pointer);
        if (item == nullptr) continue;
        InScope entry{reader.string(*item, "iso2", pointer), std::nullopt};
        if (entry.iso2.size() != 2)
          reader.fail(ErrorCode::Schema, pointer + "/iso2",
                      fmt::format("got \"{}\"; expected an ISO 3166-1 alpha-2 code", excerpt(entry.iso2)));
        if (item->contains("max_lon")) entry.max_lon = reader.number(*item, "max_lon", pointer, -180.0, 180.0);
        reader.known(pointer, "reason");  // why the bound is where it is, for the reader of the file
        reader.close_object(*item, pointer);
        in_scope_.push_back(std::move(entry));
      }
    }
    reader.close_object(scope.root, "");
  }
  sink.throw_if_any();
}

std::string TheatreScope::country_at(geo::LonLat p) const {
  for (const auto& country : countries_)
    if (country.area.contains(p)) return country.iso2;
  return {};
}

std::string TheatreScope::outside_reason(const std::string& country, geo::LonLat p) const {
  if (country.empty()) return {};  // at sea or beyond the outlines: cannot tell, so judged
  if (const auto plus = country.find('+'); plus != std::string::npos) {
    // An area spanning countries ("RU+UA") is in the theatre when any of them is.
    const std::string first = outside_reason(country.substr(0, plus), p);
    if (first.empty()) return {};
    const std::string rest = outside_reason(country.substr(plus + 1), p);
    return rest.empty() ? std::string() : first;
  }
  const auto it = std::find_if(in_scope_.begin(), in_scope_.end(), [&](const InScope& s) { return s.iso2 == country; });
  if (it == in_scope_.end()) return fmt::format("in {}, a country outside the theatre", country);
  if (it->max_lon && p.lon > *it->max_lon)
    return fmt::format("in {} east of {:.1f} E, outside the theatre", country, *it->max_lon);
  return {};
}

TheatreScope load_theatre_scope(std::vector<model::Country> countries, const std::filesystem::path& scope_file) {
  return TheatreScope(std::move(countries), io::read_json_file(scope_file));
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
  report.area_name = area->name;
  report.country = area->country;
  report.geocode_note = fmt::format("located only to area {} ({}; +/- {:.0f} km){}", area->code, area->name,
                                    area->radius_m / 1000, report.geocode_note.empty() ? "" : "; " + report.geocode_note);
}

// A place column naming an area ("Krym", "Belgorod oblast", "Kharkiv and Sumy regions") is the
// area even where a village shares the name: the gazetteer would put "Krym" in Rostov oblast.
bool names_an_area(const Report& report, const Locator& locator) {
  return !report.position && locator.areas != nullptr && !report.place_name.empty() &&
         locator.areas->find(report.place_name, false, locator.gazetteer);
}

// A place text the gazetteer does not know as written may name a place with a preposition or in a
// grammatical case ("под Херсоном", "в районе Купянска"): the first of its forms the gazetteer
// knows locates it, and the note says how the text was read.
void geocode_written_form(Report& report, const Locator& locator, const GazetteerParams& params) {
  if (locator.areas == nullptr || report.position || report.place_name.empty()) return;
  for (const std::string& form : locator.areas->name_forms(report.place_name)) {
    if (locator.gazetteer->lookup(form).empty()) continue;
    locator.gazetteer->geocode(report, params, form);
    report.geocode_note += fmt::format(R"( ("{}" read as "{}"))", report.place_name, form);
    return;
  }
}

}  // namespace

void locate_reports(std::vector<Report>& reports, const Locator& locator, const GazetteerParams& params) {
  for (Report& report : reports) {
    if (locator.gazetteer != nullptr && !names_an_area(report, locator)) {
      locator.gazetteer->geocode(report, params);
      if (report.precision == GeoPrecision::Unlocated) geocode_written_form(report, locator, params);
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
    report.country_checked = true;
    if (report.country.empty())
      report.geocode_note += fmt::format("{}in no country's outline (at sea, or beyond the theatre's outlines)",
                                         report.geocode_note.empty() ? "" : "; ");
    const std::string outside = locator.scope->outside_reason(report.country, *report.position);
    if (!outside.empty()) {
      report.out_of_theatre = true;
      report.geocode_note += "; " + outside;
    }
  }
}

}  // namespace guarantor::verify
