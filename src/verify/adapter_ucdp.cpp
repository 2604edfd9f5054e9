// UCDP Georeferenced Event Dataset CSV. The shared peacerep snapshot carries two quirks
// (data/events SOURCES.md): date_start/date_end mangled by a spreadsheet into month/day/year
// text, with clean date_start_iso/date_end_iso columns added; both are read. UCDP names the two
// sides of a dyad but not who initiated an event, so no actor is claimed.
#include <algorithm>
#include <istream>

#include <fmt/format.h>

#include "adapter_rows.hpp"
#include "guarantor/core/date.hpp"
#include "guarantor/verify/text_classify.hpp"

namespace guarantor::verify {
namespace {

using detail::RowError;

// where_prec (UCDP GED codebook): 1 exact location, 2 within 25 km, 3 second-order
// administrative division, 4 first-order division, 5 linear feature / between places,
// 6 country, 7 international waters or airspace. Radii are the codebook's own or a division's
// typical half-width in Ukraine (raion ~ 50 km, oblast ~ 150 km).
constexpr double EXACT_RADIUS_M = 2000;
constexpr double WITHIN_25KM_RADIUS_M = 25000;
constexpr double ADMIN2_RADIUS_M = 50000;
constexpr double ADMIN1_RADIUS_M = 150000;
constexpr long long MAX_LOCATABLE_WHERE_PREC = 5;

// type_of_violence: 1 state-based, 2 non-state, 3 one-sided.
constexpr long long ONE_SIDED_VIOLENCE = 3;

std::optional<ParsedTime> ucdp_date(const detail::Row& row, std::string_view iso_column, std::string_view raw_column) {
  if (const std::string_view iso = row.get(iso_column); !iso.empty()) return parse_timestamp(iso);
  const std::string_view raw = row.get(raw_column);
  if (auto parsed = parse_timestamp(raw)) return parsed;  // the official GED CSV uses ISO dates
  return parse_us_date(raw);
}

std::string strip_place_suffix(std::string_view where) {
  // where_coordinates reads "Izyum town", "Kupiansk city", "Kherson Oblast": the suffix is UCDP's
  // description of the feature, not part of the name the gazetteer knows.
  for (std::string_view suffix : {" town", " city", " village", " settlement"}) {
    if (where.size() > suffix.size() && where.substr(where.size() - suffix.size()) == suffix)
      return std::string(where.substr(0, where.size() - suffix.size()));
  }
  return std::string(where);
}

}  // namespace

AdapterResult read_ucdp_csv(std::istream& in, const std::string& name) {
  AdapterResult result;
  result.format = "ucdp";
  detail::for_each_row(
      in, name, {"id", "type_of_violence", "latitude", "longitude", "where_prec", "date_start", "date_end"}, result,
      [&](const detail::Row& row) {
        Report report;
        report.format = result.format;
        report.id = fmt::format("ucdp:{}", row.required("id"));
        report.origin = fmt::format("{}:{}", name, row.line());
        const auto start = ucdp_date(row, "date_start_iso", "date_start");
        const auto end = ucdp_date(row, "date_end_iso", "date_end");
        if (!start) throw RowError{fmt::format("date_start: got \"{}\"; expected a date", row.get("date_start"))};
        if (!end) throw RowError{fmt::format("date_end: got \"{}\"; expected a date", row.get("date_end"))};
        if (end->time_s < start->time_s)
          throw RowError{fmt::format("date_end {} is before date_start {}", format_date(end->time_s),
                                     format_date(start->time_s))};
        report.time_s = start->time_s;
        report.time_uncertainty_s = end->time_s - start->time_s + end->uncertainty_s;

        const std::string text = fmt::format("{} {}", row.get("source_headline"), row.get("source_article"));
        const auto violence = row.integer("type_of_violence", {1, ONE_SIDED_VIOLENCE, true});
        if (!violence) throw RowError{"column type_of_violence is empty; expected 1, 2 or 3"};
        if (mentions_naval(text)) report.category = EventCategory::NavalActivity;
        else if (mentions_strike(text)) report.category = EventCategory::Strike;
        else report.category = *violence == ONE_SIDED_VIOLENCE ? EventCategory::Other : EventCategory::GroundClash;
        report.target_kind = classify_target(text);
        report.weapon_class = classify_weapon(text);
        report.outlets = detail::split_list(row.get("source_office"), ';');
        if (report.outlets.empty()) report.outlets.push_back("UCDP");
        report.place_name = strip_place_suffix(row.get("where_coordinates"));
        report.admin1 = row.get("adm_1");
        report.description = fmt::format("{} ({} - {})", row.get("source_headline"), row.get("side_a"), row.get("side_b"));
        if (const auto best = row.integer("best", detail::COUNT_RANGE)) report.fatalities = static_cast<int>(*best);
        const auto where_prec = row.integer("where_prec", {1, 7, true});
        if (!where_prec) throw RowError{"column where_prec is empty; expected 1..7"};
        report.position = detail::optional_position(row, "longitude", "latitude");
        if (*where_prec > MAX_LOCATABLE_WHERE_PREC) {
          // Country-level or international waters: the coordinates are a placeholder centroid.
          report.position.reset();
        } else {
          constexpr double RADII[] = {EXACT_RADIUS_M, WITHIN_25KM_RADIUS_M, ADMIN2_RADIUS_M, ADMIN1_RADIUS_M,
                                      ADMIN2_RADIUS_M};
          report.location_uncertainty_m = RADII[*where_prec - 1];
        }
        result.reports.push_back(std::move(report));
      });
  return result;
}

}  // namespace guarantor::verify
