#pragma once
// Reading any delimited incident feed through a column-mapping file (JSON), so an analyst needs
// no converter: which column holds the id, the date and time (with the feed's time zone), the
// location (coordinates, a place or an admin area), the text, the outlets, the claimant and the
// counts, and how coded values map to categories and targets. docs/verifier.md "Mapping files".
#include <filesystem>
#include <istream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "guarantor/core/time_zone.hpp"
#include "guarantor/verify/adapters.hpp"

namespace guarantor::verify {

/// A column by header name, or by 1-based position ("#3") for feeds without a header.
struct ColumnRef {
  std::string name;
  std::optional<std::size_t> index;  ///< 0-based when given by position
  [[nodiscard]] bool empty() const noexcept { return name.empty() && !index; }
};

/// A coded column mapped to one of the verifier's names ("Battles" -> "ground_clash").
struct ValueMap {
  ColumnRef column;
  std::map<std::string, std::string> values;  ///< feed value (exact, trimmed) -> verifier name
  std::string fallback;  ///< for values not listed (and without a column); "" = from the text
};

struct ColumnMapping {
  std::string name;          ///< names the layout; reports get ids "<name>:<id>"
  char delimiter = ',';
  bool header = true;
  ColumnRef id;
  ColumnRef date;            ///< date or date-time
  std::string date_format = "iso";  ///< iso | dmy | mdy | unix
  ColumnRef time;            ///< optional separate time of day
  ColumnRef end_date;        ///< optional end of the reported span
  std::string timezone;      ///< zone of times written without one: UTC, +HH:MM, Europe/Kyiv, ...
  std::optional<TimeZone> zone;  ///< `timezone` as loaded by column_mapping_from_json
  ColumnRef lon, lat, place, admin1, uncertainty;
  std::optional<double> uncertainty_m;  ///< the feed's stated location precision, when constant
  std::vector<ColumnRef> text;          ///< joined into the description and used for keywords
  ColumnRef outlets;
  char outlet_separator = ';';
  std::string default_outlet;           ///< when the feed names none (the feed's publisher)
  ValueMap claimant, claimed_actor, category, target_kind, weapon_class;
  ColumnRef fatalities;
  std::vector<std::pair<std::string, ColumnRef>> counts;  ///< other counts, kept in the description
  bool distinct_events = false;  ///< the feed codes each record as a distinct event: never merged
};

/// Reads and validates a mapping; every problem is reported with its JSON pointer. Throws Error.
ColumnMapping column_mapping_from_json(const nlohmann::json& root, const std::string& where);
ColumnMapping load_column_mapping(const std::filesystem::path& path);

/// Reads a delimited feed under `mapping`. Bad rows are Rejections naming the line and field.
AdapterResult read_mapped_csv(std::istream& in, const std::string& name, const ColumnMapping& mapping);

/// Seconds east of UTC of `zone` at local wall-clock time `local_s` (seconds since the epoch as
/// if local time were UTC): UTC, fixed offsets "+HH:MM", or any zone of the system's tz database
/// (TimeZone::from_spec, summer time included). nullopt for a zone it does not know.
std::optional<UnixSeconds> zone_offset_s(std::string_view zone, UnixSeconds local_s);

}  // namespace guarantor::verify
