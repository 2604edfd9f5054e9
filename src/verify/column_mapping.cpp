// Column-mapping files: reading and validating them, and the time zones their feeds may use.
#include "guarantor/verify/column_mapping.hpp"

#include <fstream>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/core/printable.hpp"

namespace guarantor::verify {
namespace {

using Json = nlohmann::json;

class Reader {
public:
  Reader(const Json& root, std::string where, DiagnosticSink& sink) : root_(root), where_(std::move(where)), sink_(sink) {}
  void fail(const std::string& pointer, std::string message) {
    sink_.add(ErrorCode::Schema, fmt::format("{} {}", where_, pointer), std::move(message));
  }
  std::string text(const Json& object, const char* key, const std::string& pointer) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return {};
    if (!it->is_string()) {
      fail(pointer + "/" + key, "expected a string");
      return {};
    }
    return it->get<std::string>();
  }
  ColumnRef column(const Json& object, const char* key, const std::string& pointer) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return {};
    if (it->is_number_unsigned() && it->get<std::size_t>() >= 1) return {"", it->get<std::size_t>() - 1};
    if (!it->is_string() || it->get<std::string>().empty()) {
      fail(pointer + "/" + key, "expected a column name or a 1-based column number");
      return {};
    }
    const std::string name = it->get<std::string>();
    if (name[0] == '#') {
      try {
        const std::size_t position = std::stoul(name.substr(1));
        if (position >= 1) return {"", position - 1};
      } catch (const std::exception&) {
      }
      fail(pointer + "/" + key, fmt::format("got \"{}\"; expected \"#<1-based column number>\"", name));
      return {};
    }
    return {name, std::nullopt};
  }
  ValueMap value_map(const Json& object, const char* key, const std::string& pointer, bool (*valid)(const std::string&)) {
    ValueMap map;
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return map;
    const std::string here = pointer + "/" + key;
    if (it->is_string()) {  // a bare column name: its values are the verifier's names already
      map.column = column(object, key, pointer);
      return map;
    }
    if (!it->is_object()) {
      fail(here, "expected a column name or {\"column\", \"values\", \"default\"}");
      return map;
    }
    map.column = column(*it, "column", here);
    map.fallback = text(*it, "default", here);
    if (!map.fallback.empty() && !valid(map.fallback)) fail(here + "/default", fmt::format("unknown name \"{}\"", map.fallback));
    if (const auto values = it->find("values"); values != it->end()) {
      if (!values->is_object()) fail(here + "/values", "expected an object of feed value -> name");
      else
        for (const auto& [from, to] : values->items()) {
          if (!to.is_string() || !valid(to.get<std::string>())) {
            fail(fmt::format("{}/values/{}", here, from), fmt::format("got {}; expected a known name", to.dump()));
            continue;
          }
          map.values[from] = to.get<std::string>();
        }
    }
    return map;
  }
  const Json& root() const { return root_; }

private:
  const Json& root_;
  std::string where_;
  DiagnosticSink& sink_;
};

bool any_name(const std::string&) { return true; }
bool category_name(const std::string& s) { return event_category_from_string(s).has_value(); }
bool target_name(const std::string& s) { return target_kind_from_string(s).has_value(); }
bool weapon_name(const std::string& s) { return weapon_class_from_string(s).has_value(); }

}  // namespace

std::optional<UnixSeconds> zone_offset_s(std::string_view zone, UnixSeconds local_s) {
  try {
    const TimeZone time_zone = TimeZone::from_spec(std::string(zone));
    return local_s - time_zone.to_utc(local_s);
  } catch (const Error&) {
    return std::nullopt;
  }
}

ColumnMapping column_mapping_from_json(const Json& root, const std::string& where) {
  if (!root.is_object()) throw Error(ErrorCode::Schema, where, "expected a JSON object (a column mapping)");
  DiagnosticSink sink;
  Reader reader(root, where, sink);
  ColumnMapping m;
  m.name = reader.text(root, "name", "");
  if (m.name.empty()) reader.fail("/name", "expected the layout's name (report ids are \"<name>:<id>\")");
  const std::string delimiter = reader.text(root, "delimiter", "");
  if (delimiter == "\\t" || delimiter == "tab") m.delimiter = '\t';
  else if (delimiter.size() == 1 && delimiter[0] != '"' && delimiter[0] != '\n' && delimiter[0] != '\r') m.delimiter = delimiter[0];
  else if (!delimiter.empty()) reader.fail("/delimiter", fmt::format("got \"{}\"; expected one character or \"tab\"", delimiter));
  if (const auto it = root.find("header"); it != root.end()) {
    if (it->is_boolean()) m.header = it->get<bool>();
    else reader.fail("/header", "expected true or false");
  }
  m.id = reader.column(root, "id", "");  // optional: without it the line number is the id
  const Json empty_object = Json::object();
  const auto section = [&](const char* key) -> const Json& {
    const auto it = root.find(key);
    if (it == root.end()) return empty_object;
    if (!it->is_object()) {
      reader.fail(std::string("/") + key, "expected an object");
      return empty_object;
    }
    return *it;
  };
  const Json& time = section("time");
  m.date = reader.column(time, "date", "/time");
  if (m.date.empty()) reader.fail("/time/date", "expected the column holding the date");
  m.time = reader.column(time, "time", "/time");
  m.end_date = reader.column(time, "end", "/time");
  if (const std::string format = reader.text(time, "format", "/time"); !format.empty()) m.date_format = format;
  if (m.date_format != "iso" && m.date_format != "dmy" && m.date_format != "mdy" && m.date_format != "unix")
    reader.fail("/time/format", fmt::format("got \"{}\"; expected iso, dmy, mdy or unix", m.date_format));
  m.timezone = reader.text(time, "timezone", "/time");
  if (m.timezone.empty() && m.date_format != "unix")
    reader.fail("/time/timezone", "expected the zone of times written without one (UTC, +02:00, Europe/Kyiv, ...)");
  else if (!m.timezone.empty()) {
    try {
      m.zone = TimeZone::from_spec(m.timezone);
    } catch (const Error&) {
      reader.fail("/time/timezone", fmt::format("got \"{}\"; expected UTC, +HH:MM or a zone of the tz database such as "
                                                "Europe/Kyiv (from {})",
                                                excerpt(m.timezone), TimeZone::directory().string()));
    }
  }

  const Json& location = section("location");
  m.lon = reader.column(location, "lon", "/location");
  m.lat = reader.column(location, "lat", "/location");
  if (m.lon.empty() != m.lat.empty()) reader.fail("/location", "expected both lon and lat, or neither");
  m.place = reader.column(location, "place", "/location");
  m.admin1 = reader.column(location, "admin1", "/location");
  if (m.lon.empty() && m.place.empty() && m.admin1.empty())
    reader.fail("/location", "expected lon and lat, a place or an admin1 column");
  if (const auto it = location.find("uncertainty_m"); it != location.end()) {
    if (it->is_number() && it->get<double>() >= 0) m.uncertainty_m = it->get<double>();
    else m.uncertainty = reader.column(location, "uncertainty_m", "/location");
  }
  if (const auto it = root.find("text"); it != root.end()) {
    if (it->is_string()) m.text.push_back(reader.column(root, "text", ""));
    else if (it->is_array())
      for (std::size_t i = 0; i < it->size(); ++i) {
        const Json wrapper{{"column", (*it)[i]}};
        m.text.push_back(reader.column(wrapper, "column", fmt::format("/text/{}", i)));
      }
    else reader.fail("/text", "expected a column or an array of columns");
  }
  const Json& sources = section("outlets");
  m.outlets = reader.column(sources, "column", "/outlets");
  m.default_outlet = reader.text(sources, "default", "/outlets");
  if (const std::string separator = reader.text(sources, "separator", "/outlets"); separator.size() == 1) m.outlet_separator = separator[0];
  else if (!separator.empty()) reader.fail("/outlets/separator", "expected one character");
  m.claimant = reader.value_map(root, "claimant", "", any_name);
  m.claimed_actor = reader.value_map(root, "claimed_actor", "", any_name);
  m.category = reader.value_map(root, "category", "", category_name);
  m.target_kind = reader.value_map(root, "target_kind", "", target_name);
  m.weapon_class = reader.value_map(root, "weapon_class", "", weapon_name);
  const Json& counts = section("counts");
  for (const auto& [label, column] : counts.items()) {
    const Json wrapper{{"column", column}};
    ColumnRef ref = reader.column(wrapper, "column", "/counts/" + label);
    if (label == "fatalities") m.fatalities = ref;
    else m.counts.emplace_back(label, ref);
  }
  if (const auto it = root.find("distinct_events"); it != root.end()) {
    if (it->is_boolean()) m.distinct_events = it->get<bool>();
    else reader.fail("/distinct_events", "expected true or false");
  }
  const auto check_named = [&](const ColumnRef& ref, const char* what) {
    if (!m.header && !ref.name.empty())
      reader.fail("/header", fmt::format("the feed has no header, so {} must be a column number (\"#3\")", what));
  };
  for (const ColumnRef* ref : {&m.id, &m.date, &m.time, &m.end_date, &m.lon, &m.lat, &m.place, &m.admin1})
    check_named(*ref, "every column");
  sink.throw_if_any();
  return m;
}

ColumnMapping load_column_mapping(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::FileNotFound, path.string(), "cannot open the column mapping");
  const Json root = Json::parse(in, nullptr, false);
  if (root.is_discarded()) throw Error(ErrorCode::Syntax, path.string(), "not valid JSON");
  return column_mapping_from_json(root, path.string());
}

}  // namespace guarantor::verify
