#include "guarantor/verify/agreement.hpp"

#include <fstream>

#include <fmt/format.h>

#include "guarantor/core/date.hpp"
#include "guarantor/core/error.hpp"

namespace guarantor::verify {
namespace {

using Json = nlohmann::json;

class Reader {
public:
  Reader(std::string name, DiagnosticSink& sink) : name_(std::move(name)), sink_(sink) {}
  void fail(const std::string& pointer, std::string message) {
    sink_.add(ErrorCode::Schema, fmt::format("{} {}", name_, pointer), std::move(message));
  }
  std::string text(const Json& object, const char* key, const std::string& pointer, bool required) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
      if (required) fail(pointer + "/" + key, "missing; expected a string");
      return {};
    }
    if (!it->is_string()) {
      fail(pointer + "/" + key, fmt::format("got {}; expected a string", it->type_name()));
      return {};
    }
    return it->get<std::string>();
  }
  std::vector<std::string> strings(const Json& object, const char* key, const std::string& pointer) {
    std::vector<std::string> out;
    const auto it = object.find(key);
    if (it == object.end()) return out;
    if (!it->is_array()) {
      fail(pointer + "/" + key, "expected an array of strings");
      return out;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
      if ((*it)[i].is_string()) out.push_back((*it)[i].get<std::string>());
      else fail(fmt::format("{}/{}/{}", pointer, key, i), "expected a string");
    }
    return out;
  }
  std::optional<geo::LonLat> position(const Json& value, const std::string& pointer) {
    if (!value.is_array() || value.size() < 2 || !value[0].is_number() || !value[1].is_number()) {
      fail(pointer, "expected [lon, lat]");
      return std::nullopt;
    }
    const geo::UncheckedLonLat raw{value[0].get<double>(), value[1].get<double>()};
    if (!geo::is_valid(raw)) {
      fail(pointer, fmt::format("({}, {}) is out of range", raw.lon, raw.lat));
      return std::nullopt;
    }
    return geo::LonLat{raw.lon, raw.lat};
  }
  double positive(const Json& object, const char* key, const std::string& pointer) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number() || !(it->get<double>() > 0)) {
      fail(pointer + "/" + key, "expected a positive number of metres");
      return 0;
    }
    return it->get<double>();
  }

private:
  std::string name_;
  DiagnosticSink& sink_;
};

geo::Ring read_ring(Reader& reader, const Json& ring, const std::string& pointer) {
  geo::Ring out;
  if (!ring.is_array()) {
    reader.fail(pointer, "expected an array of [lon, lat]");
    return out;
  }
  for (std::size_t i = 0; i < ring.size(); ++i)
    if (auto p = reader.position(ring[i], fmt::format("{}/{}", pointer, i))) out.push_back(*p);
  // GeoJSON repeats the first position at the end; our rings do not.
  if (out.size() > 1 && out.front() == out.back()) out.pop_back();
  if (out.size() < 3) reader.fail(pointer, "a ring needs at least 3 distinct positions");
  return out;
}

Zone read_zone(Reader& reader, const Json& provision, const std::string& pointer) {
  Zone zone;
  const auto it = provision.find("zone");
  if (it == provision.end()) return zone;  // anywhere
  const std::string where = pointer + "/zone";
  const std::string kind = reader.text(*it, "kind", where, true);
  if (kind == "anywhere") return zone;
  if (kind == "polygon") {
    zone.kind = Zone::Kind::Area;
    const auto coordinates = it->find("coordinates");
    if (coordinates == it->end() || !coordinates->is_array() || coordinates->empty()) {
      reader.fail(where + "/coordinates", "expected GeoJSON Polygon coordinates [[[lon, lat], ...]]");
      return zone;
    }
    geo::Polygon polygon;
    polygon.outer = read_ring(reader, (*coordinates)[0], where + "/coordinates/0");
    for (std::size_t i = 1; i < coordinates->size(); ++i)
      polygon.holes.push_back(read_ring(reader, (*coordinates)[i], fmt::format("{}/coordinates/{}", where, i)));
    zone.area = geo::MultiPolygon({polygon});
    return zone;
  }
  if (kind == "band") {
    zone.kind = Zone::Kind::Band;
    zone.distance_m = it->contains("distance_m") ? reader.positive(*it, "distance_m", where) : 0;
    zone.line_ref = reader.text(*it, "line", where, false);
    if (const auto coordinates = it->find("coordinates"); coordinates != it->end() && coordinates->is_array()) {
      for (std::size_t i = 0; i < coordinates->size(); ++i)
        if (auto p = reader.position((*coordinates)[i], fmt::format("{}/coordinates/{}", where, i))) zone.line.push_back(*p);
    }
    if (zone.line_ref.empty() && zone.line.size() < 2)
      reader.fail(where, "a band needs \"line\" (a named line such as line_of_contact) or \"coordinates\" of a polyline");
    return zone;
  }
  reader.fail(where + "/kind", fmt::format("got \"{}\"; expected anywhere, polygon or band", kind));
  return zone;
}

}  // namespace

Agreement agreement_from_json(const nlohmann::json& root, const std::string& name) {
  DiagnosticSink sink;
  Reader reader(name, sink);
  Agreement agreement;
  agreement.document = root;
  if (!root.is_object() || !root.contains("provisions") || !root["provisions"].is_array())
    throw Error(ErrorCode::Schema, name, "expected an object with a \"provisions\" array");
  agreement.name = reader.text(root, "name", "", true);
  agreement.description = reader.text(root, "description", "", false);
  const Json& provisions = root["provisions"];
  for (std::size_t index = 0; index < provisions.size(); ++index) {
    const Json& item = provisions[index];
    const std::string pointer = fmt::format("/provisions/{}", index);
    if (!item.is_object()) {
      reader.fail(pointer, "expected an object");
      continue;
    }
    Provision provision;
    provision.id = reader.text(item, "id", pointer, true);
    provision.title = reader.text(item, "title", pointer, true);
    for (const auto& text : reader.strings(item, "categories", pointer)) {
      if (auto category = event_category_from_string(text)) provision.categories.push_back(*category);
      else reader.fail(pointer + "/categories", fmt::format("unknown category \"{}\"", text));
    }
    if (provision.categories.empty()) reader.fail(pointer + "/categories", "expected at least one event category");
    for (const auto& text : reader.strings(item, "target_kinds", pointer)) {
      if (auto kind = target_kind_from_string(text)) provision.target_kinds.push_back(*kind);
      else reader.fail(pointer + "/target_kinds", fmt::format("unknown target kind \"{}\"", text));
    }
    if (const auto bands = item.find("weapon_bands"); bands != item.end()) {
      for (std::size_t b = 0; bands->is_array() && b < bands->size(); ++b) {
        const std::string band_pointer = fmt::format("{}/weapon_bands/{}", pointer, b);
        const std::string weapon = reader.text((*bands)[b], "weapon_class", band_pointer, true);
        const auto weapon_class = weapon_class_from_string(weapon);
        if (!weapon_class) reader.fail(band_pointer + "/weapon_class", fmt::format("unknown weapon class \"{}\"", weapon));
        const double distance = reader.positive((*bands)[b], "distance_m", band_pointer);
        if (weapon_class) provision.weapon_bands.push_back({*weapon_class, distance});
      }
    }
    provision.zone = read_zone(reader, item, pointer);
    if (!provision.weapon_bands.empty() && provision.zone.kind != Zone::Kind::Band)
      reader.fail(pointer + "/zone", "weapon_bands are distances from a line: the zone must be a band");
    const auto window = item.find("window");
    if (window == item.end() || !window->is_object()) {
      reader.fail(pointer + "/window", "missing; expected {\"from\": \"YYYY-MM-DD\", \"days\": n} or {\"from\", \"until\"}");
    } else {
      const std::string from = reader.text(*window, "from", pointer + "/window", true);
      const auto from_time = parse_timestamp(from);
      if (!from_time) reader.fail(pointer + "/window/from", fmt::format("got \"{}\"; expected YYYY-MM-DD", from));
      else provision.from_s = from_time->time_s;
      if (window->contains("days")) {
        const auto& days = (*window)["days"];
        if (!days.is_number_integer() || days.get<long long>() <= 0)
          reader.fail(pointer + "/window/days", "expected a positive whole number of days");
        else
          provision.until_s = provision.from_s + days.get<long long>() * SECONDS_PER_DAY;
      } else if (window->contains("until")) {
        const std::string until = reader.text(*window, "until", pointer + "/window", true);
        const auto until_time = parse_timestamp(until);
        if (!until_time) reader.fail(pointer + "/window/until", fmt::format("got \"{}\"; expected YYYY-MM-DD", until));
        else provision.until_s = until_time->time_s;  // exclusive: the day named is no longer covered
      }
      if (provision.until_s && *provision.until_s <= provision.from_s)
        reader.fail(pointer + "/window", "the window ends before it starts");
    }
    provision.parties = reader.strings(item, "parties", pointer);
    if (item.contains("territory")) {
      provision.territory = reader.strings(item, "territory", pointer);
      for (const auto& code : provision.territory)
        if (code.size() != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z')
          reader.fail(pointer + "/territory", fmt::format("got \"{}\"; expected ISO 3166-1 alpha-2 country codes", code));
    }
    provision.release_clause = reader.text(item, "release_clause", pointer, false);
    provision.sources = reader.strings(item, "sources", pointer);
    if (provision.sources.empty()) reader.fail(pointer + "/sources", "expected at least one source for the provision");
    agreement.provisions.push_back(std::move(provision));
  }
  sink.throw_if_any();
  return agreement;
}

Agreement load_agreement(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::FileNotFound, path.string(), "cannot open the agreement file");
  Json root;
  try {
    root = Json::parse(in);
  } catch (const Json::exception& e) {
    // parse_error, and out_of_range for a number too large for a double.
    throw Error(ErrorCode::Syntax, path.string(), fmt::format("not valid JSON: {}", e.what()));
  }
  return agreement_from_json(root, path.string());
}

}  // namespace guarantor::verify
