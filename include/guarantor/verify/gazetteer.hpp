#pragma once
// Geocoding against the gazetteer (GeoNames populated places with their Latin, Ukrainian and
// Russian alternate names). Names are compared after folding, which transliterates Cyrillic and
// collapses the common transliteration variants (Kharkiv/Kharkov/Charkiw, Horlivka/Gorlovka).
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "guarantor/model/theatre.hpp"
#include "guarantor/verify/report.hpp"

namespace guarantor::verify {

/// Geocoding parameters (docs/verifier.md "Parameters").
struct GazetteerParams {
  /// Radius a place centroid stands for: the built-up extent of a town of some 10^5 people.
  double place_radius_m = 5000;
  /// Coordinates farther than this (plus the report's own uncertainty) from the named place are
  /// a conflict: a town's extent plus the error of coordinates read off a map.
  double consistency_distance_m = 25000;
};

/// The folding key of a place name: Cyrillic transliterated, lower case, letters only,
/// variant spellings collapsed. Two spellings of one name fold to the same key.
std::string fold_place_name(std::string_view name);

class Gazetteer {
public:
  Gazetteer() = default;
  /// Indexes every name, ASCII name and alternate name of every place.
  explicit Gazetteer(std::vector<model::PopulatedPlace> places);

  /// Places a name may refer to (any spelling), most populous first; empty when unknown.
  [[nodiscard]] std::vector<const model::PopulatedPlace*> lookup(std::string_view name) const;

  /// Sets position, precision, uncertainty and note of a report: locates a report that has only
  /// a place name, and checks given coordinates against the named place.
  void geocode(Report& report, const GazetteerParams& params) const { geocode(report, params, report.place_name); }
  /// As above, looking up `name` (a form of the report's place text) instead of the text itself.
  void geocode(Report& report, const GazetteerParams& params, std::string_view name) const;

  [[nodiscard]] std::size_t size() const noexcept { return places_.size(); }
  [[nodiscard]] const std::vector<model::PopulatedPlace>& places() const noexcept { return places_; }

private:
  std::vector<model::PopulatedPlace> places_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_key_;
};

}  // namespace guarantor::verify
