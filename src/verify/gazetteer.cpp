#include "guarantor/verify/gazetteer.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "guarantor/geo/geodesic.hpp"

namespace guarantor::verify {

Gazetteer::Gazetteer(std::vector<model::PopulatedPlace> places) : places_(std::move(places)) {
  for (std::size_t index = 0; index < places_.size(); ++index) {
    const auto& place = places_[index];
    const auto add = [&](std::string_view name) {
      std::string key = fold_place_name(name);
      if (key.empty()) return;
      auto& bucket = by_key_[std::move(key)];
      if (bucket.empty() || bucket.back() != index) bucket.push_back(index);
    };
    add(place.name);
    add(place.ascii_name);
    for (const auto& alternate : place.alternate_names) add(alternate);
  }
  // Most populous first, then by id: the order the ambiguity rule needs, fixed at build time.
  for (auto& [key, bucket] : by_key_) {
    std::sort(bucket.begin(), bucket.end(), [&](std::size_t a, std::size_t b) {
      if (places_[a].population != places_[b].population) return places_[a].population > places_[b].population;
      return places_[a].geonameid < places_[b].geonameid;
    });
    bucket.erase(std::unique(bucket.begin(), bucket.end()), bucket.end());
  }
}

std::vector<const model::PopulatedPlace*> Gazetteer::lookup(std::string_view name) const {
  std::vector<const model::PopulatedPlace*> found;
  const auto it = by_key_.find(fold_place_name(name));
  if (it == by_key_.end()) return found;
  found.reserve(it->second.size());
  for (std::size_t index : it->second) found.push_back(&places_[index]);
  return found;
}

void Gazetteer::geocode(Report& report, const GazetteerParams& params, std::string_view name) const {
  const auto candidates = name.empty() ? std::vector<const model::PopulatedPlace*>{} : lookup(name);
  if (report.position) {
    report.precision = GeoPrecision::Exact;
    if (report.place_name.empty()) {
      report.geocode_note = "coordinates given, no place named";
      return;
    }
    if (candidates.empty()) {
      report.geocode_note = fmt::format("coordinates given; place \"{}\" is not in the gazetteer", report.place_name);
      return;
    }
    // Of several places of that name, the report means the nearest one.
    const model::PopulatedPlace* nearest = nullptr;
    double nearest_m = 0;
    for (const auto* place : candidates) {
      const double distance = geo::haversine_distance(*report.position, place->position).value;
      if (nearest == nullptr || distance < nearest_m) {
        nearest = place;
        nearest_m = distance;
      }
    }
    if (nearest_m <= params.consistency_distance_m + report.location_uncertainty_m) {
      report.geocode_note = fmt::format("coordinates {:.1f} km from {} ({})", nearest_m / 1000, nearest->name,
                                        nearest->geonameid);
    } else {
      report.precision = GeoPrecision::Conflict;
      report.geocode_note = fmt::format("coordinates are {:.1f} km from the named place {} ({}); expected within "
                                        "{:.1f} km; coordinates kept",
                                        nearest_m / 1000, nearest->name, nearest->geonameid,
                                        (params.consistency_distance_m + report.location_uncertainty_m) / 1000);
    }
    return;
  }
  if (candidates.empty()) {
    report.precision = GeoPrecision::Unlocated;
    report.geocode_note = report.place_name.empty()
                              ? "no coordinates and no place name"
                              : fmt::format("no coordinates and place \"{}\" is not in the gazetteer", report.place_name);
    return;
  }
  const model::PopulatedPlace* chosen = candidates.front();
  report.position = chosen->position;
  report.location_uncertainty_m = std::max(report.location_uncertainty_m, params.place_radius_m);
  if (candidates.size() == 1) {
    report.precision = GeoPrecision::Place;
    report.geocode_note = fmt::format("located at {} ({})", chosen->name, chosen->geonameid);
  } else {
    report.precision = GeoPrecision::PlaceAmbiguous;
    report.geocode_note = fmt::format("{} places are named \"{}\"; chose the most populous, {} ({}, population {})",
                                      candidates.size(), name, chosen->name, chosen->geonameid, chosen->population);
  }
}

}  // namespace guarantor::verify
