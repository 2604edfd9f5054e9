// ACLED export CSV. Columns follow ACLED's codebook (2023 and later; older "D Month YYYY" dates
// are accepted too). ACLED codes actor1 as the side that initiated the event: that is kept as
// the claimed actor, as coded, never inferred further.
#include <algorithm>
#include <istream>

#include <fmt/format.h>

#include "adapter_rows.hpp"
#include "guarantor/core/date.hpp"
#include "guarantor/verify/text_classify.hpp"

namespace guarantor::verify {
namespace {

using detail::RowError;

// geo_precision (ACLED codebook): 1 = the named town itself, 2 = near a town or a part of a
// region, 3 = only the region is known. Radii: a town's extent, a district, an oblast's half-width.
constexpr double TOWN_RADIUS_M = 2000;
constexpr double DISTRICT_RADIUS_M = 15000;
constexpr double REGION_RADIUS_M = 50000;

// time_precision: 1 = the day, 2 = the week, 3 = the month (ACLED codebook).
constexpr UnixSeconds WEEK_S = 7 * SECONDS_PER_DAY;
constexpr UnixSeconds MONTH_S = 30 * SECONDS_PER_DAY;
// Both precision codes run 1..3.
constexpr io::NumberRange PRECISION_RANGE{1, 3, true};

EventCategory acled_category(std::string_view event_type, std::string_view sub_event_type, std::string_view notes) {
  if (mentions_naval(notes) && (event_type == "Explosions/Remote violence" || event_type == "Battles"))
    return EventCategory::NavalActivity;
  if (event_type == "Explosions/Remote violence") return EventCategory::Strike;
  if (event_type == "Battles") return EventCategory::GroundClash;
  if (event_type == "Violence against civilians" && sub_event_type == "Attack" && mentions_strike(notes))
    return EventCategory::Strike;
  return EventCategory::Other;
}

}  // namespace

AdapterResult read_acled_csv(std::istream& in, const std::string& name) {
  AdapterResult result;
  result.format = "acled";
  detail::for_each_row(
      in, name, {"event_id_cnty", "event_date", "event_type", "latitude", "longitude"}, result,
      [&](const detail::Row& row) {
        Report report;
        report.format = result.format;
        report.id = fmt::format("acled:{}", row.required("event_id_cnty"));
        report.origin = fmt::format("{}:{}", name, row.line());
        const std::string_view date = row.required("event_date");
        const auto time = parse_timestamp(date);
        if (!time) throw RowError{fmt::format("event_date: got \"{}\"; expected YYYY-MM-DD or D Month YYYY", date)};
        report.time_s = time->time_s;
        report.time_uncertainty_s = time->uncertainty_s;
        const auto time_precision = row.integer("time_precision", PRECISION_RANGE).value_or(1);
        if (time_precision == 2) report.time_uncertainty_s = WEEK_S;
        else if (time_precision == 3) report.time_uncertainty_s = MONTH_S;

        const std::string notes(row.get("notes"));
        report.category = acled_category(row.required("event_type"), row.get("sub_event_type"), notes);
        report.target_kind = classify_target(notes);
        // sub_event_type lumps weapons together ("Shelling/artillery/missile attack"): the notes decide.
        report.weapon_class = classify_weapon(notes);
        report.claimed_actor = detail::party_of_actor(row.get("actor1"));
        report.outlets = detail::split_list(row.get("source"), ';');
        if (report.outlets.empty()) report.outlets.push_back("ACLED");
        report.place_name = row.get("location");
        report.admin1 = row.get("admin1");
        report.description = notes;
        report.position = detail::optional_position(row, "longitude", "latitude");
        // A row without coordinates is located from its admin1 (or location) to an admin area by
        // the verifier; with neither it cannot be placed at all.
        if (!report.position && report.admin1.empty() && report.place_name.empty())
          throw RowError{"latitude, longitude, location and admin1 are all empty; expected coordinates or a place"};
        const auto geo_precision = row.integer("geo_precision", PRECISION_RANGE).value_or(1);
        if (geo_precision == 1) report.location_uncertainty_m = TOWN_RADIUS_M;
        else if (geo_precision == 2) report.location_uncertainty_m = DISTRICT_RADIUS_M;
        else report.location_uncertainty_m = REGION_RADIUS_M;
        if (const auto fatalities = row.integer("fatalities", detail::COUNT_RANGE))
          report.fatalities = static_cast<int>(*fatalities);
        result.reports.push_back(std::move(report));
      });
  return result;
}

}  // namespace guarantor::verify
