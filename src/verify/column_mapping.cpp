// Column-mapping files: reading and validating them, and the time zones their feeds may use.
#include "guarantor/verify/column_mapping.hpp"

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/core/printable.hpp"
#include "guarantor/io/json_decode.hpp"
#include "guarantor/io/json_fields.hpp"
#include "guarantor/io/strict_number.hpp"

namespace guarantor::verify {
namespace {

using io::FieldReader;
using io::Json;

// A column is a header name, a 1-based column number, or "#<number>" (feeds without a header).
ColumnRef read_column_value(FieldReader& reader, const Json& value, const std::string& pointer) {
  if (value.is_number_unsigned() && value.get<std::size_t>() >= 1) return {"", value.get<std::size_t>() - 1};
  if (!value.is_string() || value.get<std::string>().empty()) {
    reader.fail(ErrorCode::Schema, pointer,
                fmt::format("got {}; expected a column name or a 1-based column number", io::describe(value)));
    return {};
  }
  const std::string name = value.get<std::string>();
  if (name[0] != '#') return {name, std::nullopt};
  std::size_t position = 0;
  const bool digits = name.size() > 1 && name.find_first_not_of("0123456789", 1) == std::string::npos &&
                      name.size() <= 10;  // a column number, not an overflow
  if (digits) position = std::stoul(name.substr(1));
  if (position >= 1) return {"", position - 1};
  reader.fail(ErrorCode::Schema, pointer, fmt::format("got \"{}\"; expected \"#<1-based column number>\"", excerpt(name)));
  return {};
}

ColumnRef read_column(FieldReader& reader, const Json& object, std::string_view key, const std::string& pointer) {
  reader.known(pointer, key);
  const auto it = object.find(key);
  if (it == object.end() || it->is_null()) return {};
  return read_column_value(reader, *it, pointer + "/" + std::string(key));
}

// An object member that must be an object when present; an empty object when absent.
const Json& section(FieldReader& reader, const Json& root, std::string_view key) {
  static const Json empty_object = Json::object();
  const Json* object = reader.member_object(root, key, "", false);
  return object != nullptr ? *object : empty_object;
}

ValueMap read_value_map(FieldReader& reader, const Json& root, std::string_view key, bool (*valid)(const std::string&)) {
  ValueMap map;
  reader.known("", key);
  const auto it = root.find(key);
  if (it == root.end() || it->is_null()) return map;
  const std::string here = "/" + std::string(key);
  if (it->is_string()) {  // a bare column name: its values are the verifier's names already
    map.column = read_column_value(reader, *it, here);
    return map;
  }
  if (!it->is_object()) {
    reader.fail(ErrorCode::Schema, here,
                fmt::format("got {}; expected a column name or {{\"column\", \"values\", \"default\"}}", io::describe(*it)));
    return map;
  }
  map.column = read_column(reader, *it, "column", here);
  map.fallback = reader.string(*it, "default", here, false);
  if (!map.fallback.empty() && !valid(map.fallback))
    reader.fail(ErrorCode::Schema, here + "/default", fmt::format("unknown name \"{}\"", excerpt(map.fallback)));
  // Feed values are the feed's own codes: an open set of keys.
  if (const Json* values = reader.member_object(*it, "values", here, false)) {
    for (const auto& [from, to] : values->items()) {
      if (!to.is_string() || !valid(to.get<std::string>())) {
        reader.fail(ErrorCode::Schema, fmt::format("{}/values/{}", here, from),
                    fmt::format("got {}; expected a known name", io::describe(to)));
        continue;
      }
      map.values[from] = to.get<std::string>();
    }
  }
  reader.close_object(*it, here);
  return map;
}

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

namespace {

void read_time(FieldReader& reader, const Json& root, ColumnMapping& m) {
  const Json& time = section(reader, root, "time");
  m.date = read_column(reader, time, "date", "/time");
  if (m.date.empty()) reader.fail(ErrorCode::Schema, "/time/date", "missing; expected the column holding the date");
  m.time = read_column(reader, time, "time", "/time");
  m.end_date = read_column(reader, time, "end", "/time");
  if (const std::string format = reader.string(time, "format", "/time", false); !format.empty()) m.date_format = format;
  if (m.date_format != "iso" && m.date_format != "dmy" && m.date_format != "mdy" && m.date_format != "unix")
    reader.fail(ErrorCode::Schema, "/time/format",
                fmt::format("got \"{}\"; expected iso, dmy, mdy or unix", excerpt(m.date_format)));
  m.timezone = reader.string(time, "timezone", "/time", false);
  if (m.timezone.empty() && m.date_format != "unix") {
    reader.fail(ErrorCode::Schema, "/time/timezone",
                "missing; expected the zone of times written without one (UTC, +02:00, Europe/Kyiv, ...)");
  } else if (!m.timezone.empty()) {
    try {
      m.zone = TimeZone::from_spec(m.timezone);
    } catch (const Error&) {
      reader.fail(ErrorCode::Schema, "/time/timezone",
                  fmt::format("got \"{}\"; expected UTC, +HH:MM or a zone of the tz database such as Europe/Kyiv (from {})",
                              excerpt(m.timezone), TimeZone::directory().string()));
    }
  }
  reader.close_object(time, "/time");
}

void read_location(FieldReader& reader, const Json& root, ColumnMapping& m) {
  const Json& location = section(reader, root, "location");
  m.lon = read_column(reader, location, "lon", "/location");
  m.lat = read_column(reader, location, "lat", "/location");
  if (m.lon.empty() != m.lat.empty()) reader.fail(ErrorCode::Schema, "/location", "expected both lon and lat, or neither");
  m.place = read_column(reader, location, "place", "/location");
  m.admin1 = read_column(reader, location, "admin1", "/location");
  if (m.lon.empty() && m.place.empty() && m.admin1.empty())
    reader.fail(ErrorCode::Schema, "/location", "expected lon and lat, a place or an admin1 column");
  // A constant precision in metres, or the column holding it.
  if (const auto it = location.find("uncertainty_m"); it != location.end() && it->is_number() && it->get<double>() >= 0)
    m.uncertainty_m = reader.number(location, "uncertainty_m", "/location", 0.0, io::HALF_EARTH_CIRCUMFERENCE_M);
  else
    m.uncertainty = read_column(reader, location, "uncertainty_m", "/location");
  reader.close_object(location, "/location");
}

void read_outlets_and_counts(FieldReader& reader, const Json& root, ColumnMapping& m) {
  const Json& outlets = section(reader, root, "outlets");
  m.outlets = read_column(reader, outlets, "column", "/outlets");
  m.default_outlet = reader.string(outlets, "default", "/outlets", false);
  if (const std::string separator = reader.string(outlets, "separator", "/outlets", false); separator.size() == 1)
    m.outlet_separator = separator[0];
  else if (!separator.empty())
    reader.fail(ErrorCode::Schema, "/outlets/separator", fmt::format("got \"{}\"; expected one character", excerpt(separator)));
  reader.close_object(outlets, "/outlets");
  // Count labels are the analyst's own ("launched", "destroyed"): an open set of keys.
  for (const auto& [label, column] : section(reader, root, "counts").items()) {
    ColumnRef ref = read_column_value(reader, column, "/counts/" + label);
    if (label == "fatalities") m.fatalities = ref;
    else m.counts.emplace_back(label, ref);
  }
}

ColumnMapping read_column_mapping(const Json& root, FieldReader& reader) {
  ColumnMapping m;
  if (reader.object(root, "") == nullptr) return m;
  m.name = reader.string(root, "name", "");
  reader.known("", "description");  // documentation for the analyst
  const std::string delimiter = reader.string(root, "delimiter", "", false);
  if (delimiter == "\\t" || delimiter == "tab") m.delimiter = '\t';
  else if (delimiter.size() == 1 && delimiter[0] != '"' && delimiter[0] != '\n' && delimiter[0] != '\r') m.delimiter = delimiter[0];
  else if (!delimiter.empty())
    reader.fail(ErrorCode::Schema, "/delimiter", fmt::format("got \"{}\"; expected one character or \"tab\"", excerpt(delimiter)));
  m.header = reader.boolean(root, "header", "", true);
  m.id = read_column(reader, root, "id", "");  // optional: without it the line number is the id
  read_time(reader, root, m);
  read_location(reader, root, m);
  reader.known("", "text");
  if (const auto it = root.find("text"); it != root.end()) {
    if (it->is_string()) m.text.push_back(read_column_value(reader, *it, "/text"));
    else if (it->is_array())
      for (std::size_t i = 0; i < it->size(); ++i) m.text.push_back(read_column_value(reader, (*it)[i], fmt::format("/text/{}", i)));
    else reader.fail(ErrorCode::Schema, "/text", fmt::format("got {}; expected a column or an array of columns", io::describe(*it)));
  }
  read_outlets_and_counts(reader, root, m);
  m.claimant = read_value_map(reader, root, "claimant", any_name);
  m.claimed_actor = read_value_map(reader, root, "claimed_actor", any_name);
  m.category = read_value_map(reader, root, "category", category_name);
  m.target_kind = read_value_map(reader, root, "target_kind", target_name);
  m.weapon_class = read_value_map(reader, root, "weapon_class", weapon_name);
  m.distinct_events = reader.boolean(root, "distinct_events", "", false);
  reader.close_object(root, "");
  for (const ColumnRef* ref : {&m.id, &m.date, &m.time, &m.end_date, &m.lon, &m.lat, &m.place, &m.admin1})
    if (!m.header && !ref->name.empty()) {
      reader.fail(ErrorCode::Schema, "/header",
                  "the feed has no header, so every column must be a column number (\"#3\")");
      break;
    }
  return m;
}

}  // namespace

ColumnMapping column_mapping_from_json(const Json& root, const std::string& where) {
  return io::decode_json(root, where, read_column_mapping);
}

ColumnMapping load_column_mapping(const std::filesystem::path& path) {
  return io::decode_json_file(path, read_column_mapping);
}

}  // namespace guarantor::verify
