// Reading a delimited feed through a column mapping (column_mapping.cpp reads the mapping).
#include <algorithm>

#include <fmt/format.h>

#include "adapter_rows.hpp"
#include "guarantor/core/date.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/io/csv_reader.hpp"
#include "guarantor/io/strict_number.hpp"
#include "guarantor/verify/column_mapping.hpp"
#include "guarantor/verify/text_classify.hpp"

namespace guarantor::verify {
namespace {

using detail::RowError;

// Unix seconds a double holds exactly: any real date, and nothing read inexactly.
constexpr io::NumberRange UNIX_SECONDS_RANGE{-io::MAX_EXACT_WHOLE, io::MAX_EXACT_WHOLE, true};

// A column of the mapping resolved to a position in this file's records.
struct Resolved {
  std::optional<std::size_t> index;
  std::string label;  ///< the column as the mapping names it, for messages
};

class Columns {
public:
  Columns(const std::optional<io::CsvHeader>& header, const std::string& file) : header_(header), file_(file) {}
  Resolved resolve(const ColumnRef& ref) {
    if (ref.empty()) return {};
    if (ref.index) return {ref.index, fmt::format("#{}", *ref.index + 1)};
    const auto found = header_ ? header_->find(ref.name) : std::nullopt;
    if (!found) missing_.push_back(ref.name);
    return {found, ref.name};
  }
  void throw_if_missing() const {
    if (missing_.empty()) return;
    std::string list;
    for (const auto& name : missing_) list += (list.empty() ? "" : ", ") + name;
    throw Error(ErrorCode::Schema, file_, fmt::format("the mapping names columns the header lacks: {}", list));
  }

private:
  const std::optional<io::CsvHeader>& header_;
  std::string file_;
  std::vector<std::string> missing_;
};

std::string_view field(const io::CsvRecord& record, const Resolved& column) {
  if (!column.index || *column.index >= record.fields.size()) return {};
  return detail::trim(record.fields[*column.index]);
}

// A time as written, with an explicit zone split off when it carries one ("...Z", "...+03:00").
struct Written {
  std::string_view text;
  std::optional<UnixSeconds> explicit_offset_s;
};

Written split_zone(std::string_view text) {
  if (text.size() > 10 && text.back() == 'Z') return {text.substr(0, text.size() - 1), 0};
  if (text.size() > 16) {
    const std::string_view tail = text.substr(text.size() - 6);
    if ((tail[0] == '+' || tail[0] == '-') && tail[3] == ':')
      if (const auto offset = zone_offset_s(tail, 0)) return {text.substr(0, text.size() - 6), offset};
  }
  return {text, std::nullopt};
}

std::optional<ParsedTime> parse_dmy(std::string_view text) {
  // DD.MM.YYYY, DD/MM/YYYY or DD-MM-YYYY, optionally followed by " HH:MM[:SS]".
  if (text.size() < 10 || (text[2] != '.' && text[2] != '/' && text[2] != '-') || text[5] != text[2]) return std::nullopt;
  std::string iso = fmt::format("{}-{}-{}", text.substr(6, 4), text.substr(3, 2), text.substr(0, 2));
  if (text.size() > 10) iso += fmt::format("T{}", text.substr(11));
  return parse_timestamp(iso);
}

// The instant (UTC) and span of a written time under the mapping's zone and format.
ParsedTime read_time(std::string_view written, std::string_view clock, const ColumnMapping& mapping, const char* what) {
  if (mapping.date_format == "unix") {
    std::string problem;
    const auto seconds = io::read_strict_number(written, UNIX_SECONDS_RANGE, problem);
    if (!seconds) throw RowError{fmt::format("{}: {} (seconds since 1970, UTC)", what, problem)};
    return {static_cast<UnixSeconds>(*seconds), 0};
  }
  const Written parts = split_zone(written);
  std::optional<ParsedTime> parsed;
  if (mapping.date_format == "iso") parsed = parse_timestamp(parts.text);
  else if (mapping.date_format == "dmy") parsed = parse_dmy(parts.text);
  else parsed = parse_us_date(parts.text);
  if (!parsed)
    throw RowError{fmt::format("{}: got \"{}\"; expected a {} date{}", what, written, mapping.date_format,
                               mapping.date_format == "iso" ? " (YYYY-MM-DD[ HH:MM[:SS]][Z|+HH:MM])" : "")};
  if (!clock.empty()) {
    if (parsed->uncertainty_s == 0) throw RowError{fmt::format("{}: has a time of day and so does the time column", what)};
    const auto with_clock = parse_timestamp(fmt::format("{}T{}", format_date(parsed->time_s), clock));
    if (!with_clock) throw RowError{fmt::format("time: got \"{}\"; expected HH:MM[:SS]", clock)};
    parsed = with_clock;
  }
  if (parts.explicit_offset_s) parsed->time_s -= *parts.explicit_offset_s;
  else parsed->time_s = (mapping.zone ? *mapping.zone : TimeZone::from_spec(mapping.timezone)).to_utc(parsed->time_s);
  return *parsed;
}

template <typename Enum>
Enum mapped_value(const ValueMap& map, const Resolved& column, const io::CsvRecord& record, Enum from_text,
                  std::optional<Enum> (*from_string)(std::string_view), const char* what) {
  const std::string value(field(record, column));
  std::string name;
  if (const auto it = map.values.find(value); it != map.values.end()) name = it->second;
  else if (column.index && map.values.empty() && !value.empty()) name = value;  // the column holds the names
  else name = map.fallback;
  if (name.empty()) return from_text;
  const auto parsed = from_string(name);
  if (!parsed) throw RowError{fmt::format("{}: got \"{}\"; expected a {} name or a mapped value", column.label, value, what)};
  return *parsed;
}

// A side as the mapping says: a listed value, else the value read as a party name ("Military
// Forces of Russia" -> RU), else the mapping's default.
std::string party_value(const ValueMap& map, std::string_view value) {
  if (const auto it = map.values.find(std::string(value)); it != map.values.end()) return it->second;
  if (!value.empty()) return detail::party_of_actor(value);
  return map.fallback;
}

}  // namespace

AdapterResult read_mapped_csv(std::istream& in, const std::string& name, const ColumnMapping& mapping) {
  AdapterResult result;
  result.format = (mapping.distinct_events ? "mapped_events:" : "mapped:") + mapping.name;
  io::CsvReader reader(in, name, mapping.delimiter);
  std::optional<io::CsvHeader> header;
  if (mapping.header) {
    const auto first = reader.next();
    if (!first) throw Error(ErrorCode::Schema, name, "empty file; expected a header line");
    header.emplace(*first);
  }
  Columns columns(header, name);
  const Resolved id = columns.resolve(mapping.id), date = columns.resolve(mapping.date),
                 clock = columns.resolve(mapping.time), end = columns.resolve(mapping.end_date),
                 lon = columns.resolve(mapping.lon), lat = columns.resolve(mapping.lat),
                 place = columns.resolve(mapping.place), admin1 = columns.resolve(mapping.admin1),
                 uncertainty = columns.resolve(mapping.uncertainty), outlets = columns.resolve(mapping.outlets),
                 claimant = columns.resolve(mapping.claimant.column), actor = columns.resolve(mapping.claimed_actor.column),
                 category = columns.resolve(mapping.category.column), target = columns.resolve(mapping.target_kind.column),
                 weapon = columns.resolve(mapping.weapon_class.column), fatalities = columns.resolve(mapping.fatalities);
  std::vector<Resolved> text;
  for (const auto& ref : mapping.text) text.push_back(columns.resolve(ref));
  std::vector<std::pair<std::string, Resolved>> counts;
  for (const auto& [label, ref] : mapping.counts) counts.emplace_back(label, columns.resolve(ref));
  columns.throw_if_missing();

  while (true) {
    std::optional<io::CsvRecord> record;
    try {
      record = reader.next();
    } catch (const Error& error) {
      result.rejected.push_back({name, error.what()});
      break;  // the reader cannot resynchronise after a broken quote: the rest is not read
    }
    if (!record) break;
    ++result.rows;
    if (record->fields.size() == 1 && record->fields[0].empty()) continue;  // blank line
    const std::string where = fmt::format("{}:{}", name, record->line);
    try {
      Report report;
      report.format = result.format;
      report.origin = where;
      if (mapping.id.empty()) {
        report.id = fmt::format("{}:{}:{}", mapping.name, name, record->line);
      } else {
        const std::string_view id_text = field(*record, id);
        if (id_text.empty()) throw RowError{fmt::format("{}: empty; expected the record's id", id.label)};
        report.id = fmt::format("{}:{}", mapping.name, id_text);
      }
      const ParsedTime start = read_time(field(*record, date), field(*record, clock), mapping, date.label.c_str());
      report.time_s = start.time_s;
      report.time_uncertainty_s = start.uncertainty_s;
      if (const std::string_view end_text = field(*record, end); !end_text.empty()) {
        const ParsedTime finish = read_time(end_text, {}, mapping, end.label.c_str());
        if (finish.time_s + finish.uncertainty_s < start.time_s)
          throw RowError{fmt::format("{}: ends before {} starts", end.label, date.label)};
        report.time_uncertainty_s = std::max(start.uncertainty_s, finish.time_s + finish.uncertainty_s - start.time_s);
      }
      const std::string_view lon_text = field(*record, lon), lat_text = field(*record, lat);
      if (!lon_text.empty() || !lat_text.empty()) {
        std::string problem;
        const auto x = io::read_strict_number(lon_text, detail::LONGITUDE_RANGE, problem);
        if (!x) throw RowError{fmt::format("{}/{}: longitude {}", lon.label, lat.label, problem)};
        const auto y = io::read_strict_number(lat_text, detail::LATITUDE_RANGE, problem);
        if (!y) throw RowError{fmt::format("{}/{}: latitude {}", lon.label, lat.label, problem)};
        report.position = geo::LonLat{*x, *y};
      }
      report.place_name = field(*record, place);
      report.admin1 = field(*record, admin1);
      if (!report.position && report.place_name.empty() && report.admin1.empty())
        throw RowError{"no coordinates, place or admin1 in this row"};
      if (mapping.uncertainty_m) report.location_uncertainty_m = *mapping.uncertainty_m;
      if (const std::string_view u = field(*record, uncertainty); !u.empty()) {
        std::string problem;
        const auto metres = io::read_strict_number(u, detail::UNCERTAINTY_RANGE, problem);
        if (!metres) throw RowError{fmt::format("{}: {} (metres)", uncertainty.label, problem)};
        report.location_uncertainty_m = *metres;
      }
      std::string description;
      for (const auto& column : text)
        if (const std::string_view part = field(*record, column); !part.empty())
          description += (description.empty() ? "" : " | ") + std::string(part);
      report.outlets = detail::split_list(field(*record, outlets), mapping.outlet_separator);
      if (report.outlets.empty()) report.outlets.push_back(mapping.default_outlet.empty() ? mapping.name : mapping.default_outlet);
      report.claimant = party_value(mapping.claimant, field(*record, claimant));
      report.claimed_actor = party_value(mapping.claimed_actor, field(*record, actor));
      const EventCategory from_text = mentions_naval(description)    ? EventCategory::NavalActivity
                                      : mentions_strike(description) ? EventCategory::Strike
                                                                     : EventCategory::Other;
      report.category = mapped_value(mapping.category, category, *record, from_text, event_category_from_string, "category");
      report.target_kind = mapped_value(mapping.target_kind, target, *record, classify_target(description), target_kind_from_string, "target_kind");
      report.weapon_class = mapped_value(mapping.weapon_class, weapon, *record, classify_weapon(description), weapon_class_from_string, "weapon_class");
      if (const std::string_view dead = field(*record, fatalities); !dead.empty()) {
        std::string problem;
        const auto count = io::read_strict_number(dead, detail::COUNT_RANGE, problem);
        if (!count) throw RowError{fmt::format("{}: {}", fatalities.label, problem)};
        report.fatalities = static_cast<int>(*count);
      }
      for (const auto& [label, column] : counts)
        if (const std::string_view value = field(*record, column); !value.empty())
          description += fmt::format("{}{}: {}", description.empty() ? "" : "; ", label, value);
      report.description = std::move(description);
      result.reports.push_back(std::move(report));
    } catch (const RowError& error) {
      result.rejected.push_back({where, error.reason});
    }
  }
  return result;
}

}  // namespace guarantor::verify
