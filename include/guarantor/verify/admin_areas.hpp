#pragma once
// Admin areas a report may be located to when it names no place: oblasts (with Ukrainian,
// Russian and Latin names), raions (by their administrative centre) and the macro-regions of
// official statements ("south", the whole country). An area-located report keeps the area's
// precision: its position stands for the area and its uncertainty covers the whole area.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "guarantor/io/json_fields.hpp"
#include "guarantor/geo/polygon.hpp"
#include "guarantor/model/theatre.hpp"
#include "guarantor/verify/gazetteer.hpp"

namespace guarantor::verify {

struct AdminArea {
  /// ISO 3166-2 ("UA-63", "RU-BEL"), a macro-region ("UA-south"), a raion ("UA-63:raion:izium"),
  /// or several areas named together, joined by "+" ("UA-63+UA-59+RU-BEL")
  std::string code;
  std::string name;      ///< English name
  /// ISO 3166-1 alpha-2; areas of several countries named together give them sorted and joined
  /// by "+" ("RU+UA")
  std::string country;
  geo::LonLat position;  ///< the point that stands for the area (inside it where possible)
  double radius_m = 0;   ///< farthest point of the area from `position`
};

class AdminAreas {
public:
  AdminAreas() = default;
  /// Builds from the theatre's regions (polygons) and the names file as read
  /// (data/verify/admin_areas.json). Throws Error listing every problem as "file:line /pointer".
  AdminAreas(const std::vector<model::Region>& regions, const io::JsonFile& names);

  /// The area a text names. `admin_field` says the text came from an admin1/admin2 column, where
  /// a bare "Kharkiv" means the oblast; in a place column it needs a designator ("Kharkiv
  /// oblast", "Харківська обл.") or a regional name ("Харківщина"). Raions need a gazetteer.
  /// A list of areas ("Kharkiv, Sumy and Belgorod regions", "Бєлгородська та Курська області")
  /// is one area covering all of them; every item must name an area.
  [[nodiscard]] std::optional<AdminArea> find(std::string_view text, bool admin_field, const Gazetteer* gazetteer) const;

  /// The forms under which a place text may be listed, in the order to try them: without its
  /// leading prepositions ("под Херсоном" -> "херсоном"), then with its last word's case ending
  /// replaced per the file's case_endings ("херсон"). Lower case; empty when there is nothing
  /// but the text itself to try.
  [[nodiscard]] std::vector<std::string> name_forms(std::string_view text) const;

  /// The oblast containing p, or nullptr.
  [[nodiscard]] const AdminArea* oblast_at(geo::LonLat p) const;

  [[nodiscard]] std::size_t size() const noexcept { return areas_.size(); }

private:
  /// One area named by `text`, or nothing.
  [[nodiscard]] std::optional<AdminArea> find_one(std::string_view text, bool admin_field,
                                                  const Gazetteer* gazetteer) const;
  /// Reads the areas of other countries given as a circle ("place_areas").
  void read_place_areas(io::FieldReader& reader, const io::Json& names);
  /// The raion whose centre `stem` (its adjective, in the nominative) names, or nothing.
  [[nodiscard]] std::optional<AdminArea> raion_area(const std::string& stem, const Gazetteer& gazetteer) const;
  /// Reads the prepositions and case endings.
  void read_inflections(io::FieldReader& reader, const io::Json& names);
  /// `words` without the longest leading preposition phrase.
  [[nodiscard]] std::vector<std::string> without_preposition(std::vector<std::string> words) const;
  /// `words` as written, then each form of the last word per the case endings.
  [[nodiscard]] std::vector<std::string> inflected_forms(const std::vector<std::string>& words) const;
  /// The area an axis ("Запорожское направление", "Pokrovsk direction") lies in.
  [[nodiscard]] std::optional<AdminArea> axis_area(const std::vector<std::string>& forms,
                                                   const Gazetteer* gazetteer) const;

  struct Entry {
    AdminArea area;
    geo::MultiPolygon polygon;  ///< empty for macro-regions (their members' polygons are used)
  };
  std::vector<Entry> areas_;
  std::unordered_map<std::string, std::size_t> by_name_;      ///< folded name -> area (designator needed)
  std::unordered_map<std::string, std::size_t> by_regional_;  ///< folded regional name -> area
  std::vector<std::string> designators_, raion_designators_, raion_suffixes_, list_conjunctions_, axis_designators_;
  std::vector<std::vector<std::string>> prepositions_;             ///< each a phrase as words, longest first
  std::vector<std::pair<std::string, std::string>> case_endings_;  ///< ending -> nominative ending
  double raion_radius_m_ = 0;
};

/// Loads the names file and builds the areas from `regions`.
AdminAreas load_admin_areas(const std::vector<model::Region>& regions, const std::filesystem::path& names_file);

/// The point standing for an area and the distance to its farthest vertex, metres.
std::pair<geo::LonLat, double> area_anchor(const geo::MultiPolygon& area);

}  // namespace guarantor::verify
