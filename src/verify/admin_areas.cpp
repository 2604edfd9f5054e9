#include "guarantor/verify/admin_areas.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/core/printable.hpp"
#include "guarantor/geo/geodesic.hpp"
#include "guarantor/verify/text_classify.hpp"
#include "split_words.hpp"

namespace guarantor::verify {
namespace {

using detail::split_words;

std::vector<std::string> words_of(std::string_view text) {
  // Punctuation that separates words in area names ("Kharkiv obl.", "Izium, raion"); hyphens stay
  // (Ivano-Frankivsk) and folding drops them later.
  return split_words(to_lower_utf8(text), " \t.,()/;\"");
}

// Words of a text in lower case, with each list separator (, ; / & +) as a word "," of its own.
std::vector<std::string> words_with_separators(std::string_view text) {
  std::string spaced;
  for (const char c : text) {
    if (c == ',' || c == ';' || c == '/' || c == '&' || c == '+') spaced += " , ";
    else spaced += c;
  }
  return split_words(to_lower_utf8(spaced), " \t");
}

// Several areas named together as one: a circle over all of them, codes and names in the order
// written, countries sorted and joined by "+" ("RU+UA").
AdminArea united_area(const std::vector<AdminArea>& members) {
  AdminArea united;
  double lon = 0, lat = 0;
  std::vector<std::string> countries;
  for (const AdminArea& member : members) {
    united.code += (united.code.empty() ? "" : "+") + member.code;
    united.name += (united.name.empty() ? "" : ", ") + member.name;
    lon += member.position.lon;
    lat += member.position.lat;
    // A member already spanning countries ("RU+UA") contributes each of them.
    for (std::size_t start = 0; start <= member.country.size();) {
      const std::size_t end = std::min(member.country.find('+', start), member.country.size());
      countries.push_back(member.country.substr(start, end - start));
      start = end + 1;
    }
  }
  united.position = {lon / static_cast<double>(members.size()), lat / static_cast<double>(members.size())};
  for (const AdminArea& member : members)
    united.radius_m =
        std::max(united.radius_m, geo::haversine_distance(united.position, member.position).value + member.radius_m);
  std::sort(countries.begin(), countries.end());
  countries.erase(std::unique(countries.begin(), countries.end()), countries.end());
  for (const std::string& country : countries) united.country += (united.country.empty() ? "" : "+") + country;
  return united;
}

bool listed(const std::vector<std::string>& list, const std::string& word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::vector<std::string> lower_case(std::vector<std::string> words) {
  for (std::string& word : words) word = to_lower_utf8(word);
  return words;
}

// Largest radius accepted for an area given as a circle: an input sanity bound (European
// Russia's largest regions are some 500 km across), not a planning figure.
constexpr double MAX_PLACE_AREA_RADIUS_M = 2'000'000.0;

// Largest raion radius accepted: an input sanity bound (no raion is wider than 1,000 km), not a
// planning figure - the figure itself is the file's raion_radius_m.
constexpr double MAX_RAION_RADIUS_M = 1'000'000.0;

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

AdminAreas::AdminAreas(const std::vector<model::Region>& regions, const io::JsonFile& names_file) {
  DiagnosticSink sink;
  io::FieldReader reader(names_file, sink);
  const io::Json& names = names_file.root;
  if (reader.object(names, "") == nullptr) sink.throw_if_any();
  for (const char* documentation : {"description", "source", "macro_regions_source", "raion_radius_source",
                                    "raion_suffixes_note", "place_areas_method"})
    reader.known("", documentation);
  designators_ = lower_case(reader.strings(names, "designators", "", true));
  list_conjunctions_ = lower_case(reader.strings(names, "list_conjunctions", "", false));
  raion_designators_ = lower_case(reader.strings(names, "raion_designators", "", true));
  raion_suffixes_ = lower_case(reader.strings(names, "raion_suffixes", "", true));
  raion_radius_m_ = reader.number(names, "raion_radius_m", "", 0.0, MAX_RAION_RADIUS_M);
  if (names.contains("raion_radius_m") && raion_radius_m_ <= 0)
    reader.fail(ErrorCode::Schema, "/raion_radius_m", "got 0; expected a positive number of metres");

  const auto add_names = [&](std::size_t index, const std::vector<std::string>& list, auto& map) {
    for (const std::string& name : list) {
      std::string key = fold_place_name(name);
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
  if (const io::Json* areas = reader.array(names, "areas", "", false)) {
    for (std::size_t i = 0; i < areas->size(); ++i) {
      const std::string pointer = fmt::format("/areas/{}", i);
      const io::Json* item = reader.object((*areas)[i], pointer);
      if (item == nullptr) continue;
      const std::string code = reader.string(*item, "code", pointer);
      const auto area_names = reader.strings(*item, "names", pointer);
      const auto regional_names = reader.strings(*item, "regional_names", pointer);
      // The name findings show, where the region's own name would mislead ("Crimea (including
      // Sevastopol)": the polygon holds both).
      const std::string label = reader.string(*item, "label", pointer, false);
      reader.close_object(*item, pointer);
      const auto index = find_code(code);
      if (!index) {
        if (!code.empty())
          reader.fail(ErrorCode::Consistency, pointer + "/code",
                      fmt::format("\"{}\" has no polygon in the theatre's regions", excerpt(code)));
        continue;
      }
      if (!label.empty()) areas_[*index].area.name = label;
      add_names(*index, area_names, by_name_);
      add_names(*index, regional_names, by_regional_);
    }
  }
  if (const io::Json* macros = reader.array(names, "macro_regions", "", false)) {
    for (std::size_t i = 0; i < macros->size(); ++i) {
      const std::string pointer = fmt::format("/macro_regions/{}", i);
      const io::Json* item = reader.object((*macros)[i], pointer);
      if (item == nullptr) continue;
      Entry entry;
      entry.area.code = reader.string(*item, "code", pointer);
      entry.area.country = entry.area.code.substr(0, std::min<std::size_t>(2, entry.area.code.size()));
      // "all" regions, or a list of their ISO 3166-2 codes.
      reader.known(pointer, "members");
      std::vector<std::string> members;
      bool all = false;
      const auto it = item->find("members");
      if (it != item->end() && it->is_string() && it->get<std::string>() == "all") all = true;
      else if (it != item->end() && it->is_array()) members = reader.strings(*item, "members", pointer);
      else reader.fail(ErrorCode::Schema, pointer + "/members",
                       fmt::format("got {}; expected \"all\" or an array of region codes",
                                   it == item->end() ? std::string("nothing") : io::describe(*it)));
      const auto area_names = reader.strings(*item, "names", pointer);
      reader.close_object(*item, pointer);
      geo::MultiPolygon united;
      for (const model::Region& region : regions)
        if (all || listed(members, region.iso_code)) united.append(region.area);
      if (united.empty()) {
        reader.fail(ErrorCode::Consistency, pointer + "/members", "no member has a polygon in the theatre's regions");
        continue;
      }
      entry.area.name = !area_names.empty() ? area_names.front() : entry.area.code;
      std::tie(entry.area.position, entry.area.radius_m) = area_anchor(united);
      areas_.push_back(std::move(entry));
      add_names(areas_.size() - 1, area_names, by_regional_);
    }
  }
  read_place_areas(reader, names);
  read_inflections(reader, names);
  reader.close_object(names, "");
  sink.throw_if_any();
}

void AdminAreas::read_place_areas(io::FieldReader& reader, const io::Json& names) {
  const io::Json* list = reader.array(names, "place_areas", "", false);
  if (list == nullptr) return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string pointer = fmt::format("/place_areas/{}", i);
    const io::Json* item = reader.object((*list)[i], pointer);
    if (item == nullptr) continue;
    Entry entry;
    entry.area.code = reader.string(*item, "code", pointer);
    entry.area.name = reader.string(*item, "name", pointer);
    entry.area.country = reader.string(*item, "country", pointer);
    for (const char* documentation : {"geonames_admin1", "seat", "places"}) reader.known(pointer, documentation);
    entry.area.position = reader.position(*item, "position", pointer);
    entry.area.radius_m = reader.number(*item, "radius_m", pointer, 1.0, MAX_PLACE_AREA_RADIUS_M);
    const auto area_names = reader.strings(*item, "names", pointer);
    const auto regional_names = reader.strings(*item, "regional_names", pointer);
    reader.close_object(*item, pointer);
    if (entry.area.country.size() != 2)
      reader.fail(ErrorCode::Schema, pointer + "/country",
                  fmt::format("got \"{}\"; expected an ISO 3166-1 alpha-2 code", excerpt(entry.area.country)));
    areas_.push_back(std::move(entry));
    const std::size_t index = areas_.size() - 1;
    for (const auto& [list_names, map] : {std::pair{&area_names, &by_name_}, std::pair{&regional_names, &by_regional_}})
      for (const std::string& name : *list_names)
        if (std::string key = fold_place_name(name); !key.empty()) map->emplace(std::move(key), index);
  }
}

std::optional<AdminArea> AdminAreas::find_one(std::string_view text, bool admin_field,
                                              const Gazetteer* gazetteer) const {
  const std::vector<std::string> words = without_preposition(words_of(text));
  bool designated = false, raion = false, axis = false;
  std::vector<std::string> kept;
  for (const auto& word : words) {
    if (listed(raion_designators_, word)) raion = true;
    else if (listed(axis_designators_, word)) axis = true;
    else if (listed(designators_, word)) designated = true;
    else kept.push_back(word);
  }
  if (kept.empty()) return std::nullopt;
  // The name as written first, then its case forms turned back ("Харківській" -> "Харківська").
  const std::vector<std::string> forms = inflected_forms(kept);
  if (raion) {
    if (gazetteer == nullptr) return std::nullopt;
    for (const std::string& stem : forms)
      if (auto area = raion_area(stem, *gazetteer)) return area;
    return std::nullopt;
  }
  if (axis) return axis_area(forms, gazetteer);
  for (const std::string& form : forms) {
    const std::string key = fold_place_name(form);
    if (key.empty()) continue;
    if (const auto it = by_regional_.find(key); it != by_regional_.end()) return areas_[it->second].area;
    if (admin_field || designated)
      if (const auto it = by_name_.find(key); it != by_name_.end()) return areas_[it->second].area;
  }
  return std::nullopt;
}

std::optional<AdminArea> AdminAreas::raion_area(const std::string& stem, const Gazetteer& gazetteer) const {
  // A raion is named after its administrative centre: "Izium raion", "Ізюмський район",
  // "Покровський район" (centre Pokrovsk). Try the adjective turned back into the town's name:
  // each listed ending that matches gives one try, in the file's order ("Донецький" less "ий"
  // is Донецьк, "Ізюмський" less "ський" is Ізюм), then the name as written.
  std::vector<std::string> tries;
  for (const auto& suffix : raion_suffixes_)
    if (ends_with(stem, suffix)) tries.push_back(stem.substr(0, stem.size() - suffix.size()));
  tries.push_back(stem);
  for (const auto& name : tries) {
    auto places = gazetteer.lookup(name);
    // The host country's places first: raions are Ukraine's.
    std::stable_partition(places.begin(), places.end(), [](const auto* place) { return place->country == "UA"; });
    if (places.empty()) continue;
    const model::PopulatedPlace& centre = *places.front();
    AdminArea area;
    const AdminArea* oblast = oblast_at(centre.position);
    area.code =
        fmt::format("{}:raion:{}", oblast != nullptr ? oblast->code : centre.country, fold_place_name(centre.name));
    area.name = fmt::format("{} raion", centre.name);
    area.country = centre.country;
    area.position = centre.position;
    area.radius_m = raion_radius_m_;
    return area;
  }
  return std::nullopt;
}

std::optional<AdminArea> AdminAreas::find(std::string_view text, bool admin_field, const Gazetteer* gazetteer) const {
  if (auto one = find_one(text, admin_field, gazetteer)) return one;
  // A list: "Kharkiv, Sumy and Belgorod regions", "Бєлгородська та Курська області". The
  // designator is written once for all items, so it counts for each.
  std::vector<std::string> items;
  std::string item;
  bool designated = admin_field;
  const auto close_item = [&] {
    if (!item.empty()) items.push_back(std::move(item));
    item.clear();
  };
  for (const std::string& word : words_with_separators(text)) {
    if (word == "," || listed(list_conjunctions_, word)) {
      close_item();
      continue;
    }
    designated = designated || listed(designators_, word);
    item += word + " ";
  }
  close_item();
  if (items.size() < 2) return std::nullopt;
  std::vector<AdminArea> members;
  for (const std::string& named : items) {
    auto area = find_one(named, designated, gazetteer);
    if (!area) return std::nullopt;  // one item not an area: the text is not a list of areas
    const bool repeated =
        std::any_of(members.begin(), members.end(), [&](const AdminArea& m) { return m.code == area->code; });
    if (!repeated) members.push_back(std::move(*area));
  }
  return members.size() == 1 ? std::optional<AdminArea>(members.front()) : united_area(members);
}

const AdminArea* AdminAreas::oblast_at(geo::LonLat p) const {
  for (const Entry& entry : areas_)
    if (!entry.polygon.empty() && entry.polygon.contains(p)) return &entry.area;
  return nullptr;
}

AdminAreas load_admin_areas(const std::vector<model::Region>& regions, const std::filesystem::path& names_file) {
  return AdminAreas(regions, io::read_json_file(names_file));
}

}  // namespace guarantor::verify
