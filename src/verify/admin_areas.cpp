#include "guarantor/verify/admin_areas.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/geo/geodesic.hpp"
#include "guarantor/verify/text_classify.hpp"

namespace guarantor::verify {
namespace {

std::vector<std::string> words_of(std::string_view text) {
  // Punctuation that separates words in area names ("Kharkiv obl.", "Izium, raion"); hyphens stay
  // (Ivano-Frankivsk) and folding drops them later.
  std::vector<std::string> words;
  std::string word;
  for (const char c : to_lower_utf8(text)) {
    if (c == ' ' || c == '\t' || c == '.' || c == ',' || c == '(' || c == ')' || c == '/' || c == ';' || c == '"') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool listed(const std::vector<std::string>& list, const std::string& word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::vector<std::string> string_list(const nlohmann::json& object, const char* key, const std::string& where) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_array())
    throw Error(ErrorCode::Schema, fmt::format("{} /{}", where, key), "expected an array of strings");
  std::vector<std::string> out;
  for (const auto& item : *it) {
    if (!item.is_string()) throw Error(ErrorCode::Schema, fmt::format("{} /{}", where, key), "expected strings only");
    out.push_back(to_lower_utf8(item.get<std::string>()));
  }
  return out;
}

}  // namespace

std::pair<geo::LonLat, double> area_anchor(const geo::MultiPolygon& area) {
  // Area-weighted centroid of the outer rings (planar in degrees: adequate for a point that only
  // stands for the area, the radius below covers the whole of it).
  double weight = 0, lon = 0, lat = 0;
  for (const auto& part : area.parts()) {
    const auto& ring = part.outer;
    for (std::size_t i = 0; i < ring.size(); ++i) {
      const geo::LonLat a = ring[i], b = ring[(i + 1) % ring.size()];
      const double cross = a.lon * b.lat - b.lon * a.lat;
      weight += cross;
      lon += (a.lon + b.lon) * cross;
      lat += (a.lat + b.lat) * cross;
    }
  }
  geo::LonLat anchor{};
  if (std::abs(weight) > 1e-12) {
    anchor = {lon / (3 * weight), lat / (3 * weight)};
  } else if (!area.empty()) {
    const auto& box = area.bounds();
    anchor = {(box.min_lon + box.max_lon) / 2, (box.min_lat + box.max_lat) / 2};
  }
  double radius = 0;
  for (const auto& part : area.parts())
    for (const auto& vertex : part.outer) radius = std::max(radius, geo::haversine_distance(anchor, vertex).value);
  return {anchor, radius};
}

AdminAreas::AdminAreas(const std::vector<model::Region>& regions, const nlohmann::json& names, const std::string& where) {
  if (!names.is_object()) throw Error(ErrorCode::Schema, where, "expected an object with \"areas\"");
  designators_ = string_list(names, "designators", where);
  raion_designators_ = string_list(names, "raion_designators", where);
  raion_suffixes_ = string_list(names, "raion_suffixes", where);
  if (!names.contains("raion_radius_m") || !names["raion_radius_m"].is_number() || names["raion_radius_m"].get<double>() <= 0)
    throw Error(ErrorCode::Schema, where + " /raion_radius_m", "expected a positive number of metres");
  raion_radius_m_ = names["raion_radius_m"].get<double>();

  const auto add_names = [&](std::size_t index, const nlohmann::json& list, auto& map, const std::string& pointer) {
    if (!list.is_array()) throw Error(ErrorCode::Schema, pointer, "expected an array of names");
    for (const auto& name : list) {
      if (!name.is_string()) throw Error(ErrorCode::Schema, pointer, "expected strings only");
      std::string key = fold_place_name(name.get<std::string>());
      if (!key.empty()) map.emplace(std::move(key), index);
    }
  };
  for (const model::Region& region : regions) {
    Entry entry;
    entry.area.code = region.iso_code;
    entry.area.name = region.name;
    entry.area.country = region.iso_code.substr(0, 2);
    entry.polygon = region.area;
    std::tie(entry.area.position, entry.area.radius_m) = area_anchor(region.area);
    areas_.push_back(std::move(entry));
    const std::size_t index = areas_.size() - 1;
    // The region's own names, with the designator word removed ("Kharkiv Oblast" -> "Kharkiv").
    for (const std::string& full : {region.name, region.name_uk}) {
      std::string kept;
      for (const auto& word : words_of(full))
        if (!listed(designators_, word)) kept += word + " ";
      if (std::string key = fold_place_name(kept); !key.empty()) by_name_.emplace(std::move(key), index);
    }
  }
  const auto find_code = [&](const std::string& code) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < areas_.size(); ++i)
      if (areas_[i].area.code == code) return i;
    return std::nullopt;
  };
  const auto& areas = names.contains("areas") ? names["areas"] : nlohmann::json::array();
  for (std::size_t i = 0; i < areas.size(); ++i) {
    const std::string pointer = fmt::format("{} /areas/{}", where, i);
    const std::string code = areas[i].value("code", "");
    const auto index = find_code(code);
    if (!index) throw Error(ErrorCode::Consistency, pointer + "/code", fmt::format("\"{}\" has no polygon in the theatre's regions", code));
    add_names(*index, areas[i].value("names", nlohmann::json::array()), by_name_, pointer + "/names");
    add_names(*index, areas[i].value("regional_names", nlohmann::json::array()), by_regional_, pointer + "/regional_names");
  }
  const auto& macros = names.contains("macro_regions") ? names["macro_regions"] : nlohmann::json::array();
  for (std::size_t i = 0; i < macros.size(); ++i) {
    const std::string pointer = fmt::format("{} /macro_regions/{}", where, i);
    Entry entry;
    entry.area.code = macros[i].value("code", "");
    entry.area.country = entry.area.code.substr(0, 2);
    const auto& members = macros[i].contains("members") ? macros[i]["members"] : nlohmann::json();
    geo::MultiPolygon united;
    for (std::size_t r = 0; r < regions.size(); ++r) {
      const bool member = members.is_string() ? members.get<std::string>() == "all"
                                               : members.is_array() && std::find(members.begin(), members.end(),
                                                                                 regions[r].iso_code) != members.end();
      if (member) united.append(regions[r].area);
    }
    if (united.empty()) throw Error(ErrorCode::Consistency, pointer + "/members", "no member has a polygon in the theatre's regions");
    const auto& area_names = macros[i].value("names", nlohmann::json::array());
    entry.area.name = !area_names.empty() && area_names[0].is_string() ? area_names[0].get<std::string>() : entry.area.code;
    std::tie(entry.area.position, entry.area.radius_m) = area_anchor(united);
    areas_.push_back(std::move(entry));
    add_names(areas_.size() - 1, area_names, by_regional_, pointer + "/names");
  }
}

std::optional<AdminArea> AdminAreas::find(std::string_view text, bool admin_field, const Gazetteer* gazetteer) const {
  const std::vector<std::string> words = words_of(text);
  if (words.empty()) return std::nullopt;
  bool designated = false, raion = false;
  std::string kept;
  for (const auto& word : words) {
    if (listed(raion_designators_, word)) raion = true;
    else if (listed(designators_, word)) designated = true;
    else kept += word + " ";
  }
  const std::string key = fold_place_name(kept);
  if (key.empty()) return std::nullopt;
  if (raion) {
    if (gazetteer == nullptr) return std::nullopt;
    // A raion is named after its administrative centre: "Izium raion", "Ізюмський район",
    // "Покровський район" (centre Pokrovsk). Try the adjective turned back into the town's name.
    std::string stem = kept;
    while (!stem.empty() && stem.back() == ' ') stem.pop_back();
    // Each listed ending that matches gives one try, in the file's order: "Донецький" less "ий"
    // is Донецьк, "Ізюмський" less "ський" is Ізюм.
    std::vector<std::string> tries;
    for (const auto& suffix : raion_suffixes_)
      if (ends_with(stem, suffix)) tries.push_back(stem.substr(0, stem.size() - suffix.size()));
    tries.push_back(stem);
    for (const auto& name : tries) {
      auto places = gazetteer->lookup(name);
      // The host country's places first: raions are Ukraine's.
      std::stable_partition(places.begin(), places.end(), [](const auto* place) { return place->country == "UA"; });
      if (places.empty()) continue;
      const model::PopulatedPlace& centre = *places.front();
      AdminArea area;
      const AdminArea* oblast = oblast_at(centre.position);
      area.code = fmt::format("{}:raion:{}", oblast != nullptr ? oblast->code : centre.country, fold_place_name(centre.name));
      area.name = fmt::format("{} raion", centre.name);
      area.country = centre.country;
      area.position = centre.position;
      area.radius_m = raion_radius_m_;
      return area;
    }
    return std::nullopt;
  }
  if (const auto it = by_regional_.find(key); it != by_regional_.end()) return areas_[it->second].area;
  if (admin_field || designated)
    if (const auto it = by_name_.find(key); it != by_name_.end()) return areas_[it->second].area;
  return std::nullopt;
}

const AdminArea* AdminAreas::oblast_at(geo::LonLat p) const {
  for (const Entry& entry : areas_)
    if (!entry.polygon.empty() && entry.polygon.contains(p)) return &entry.area;
  return nullptr;
}

AdminAreas load_admin_areas(const std::vector<model::Region>& regions, const std::filesystem::path& names_file) {
  std::ifstream in(names_file, std::ios::binary);
  if (!in) throw Error(ErrorCode::FileNotFound, names_file.string(), "cannot open the admin area names");
  const nlohmann::json names = nlohmann::json::parse(in, nullptr, false);
  if (names.is_discarded()) throw Error(ErrorCode::Syntax, names_file.string(), "not valid JSON");
  return AdminAreas(regions, names, names_file.string());
}

}  // namespace guarantor::verify
