// VIINA 2.0 (Zhukov, github.com/zhukovyuri/VIINA): event_info rows (date, place, source, text)
// joined on event_id with event_labels rows whose *_b columns are the classifier's binary
// labels. Actor labels (a_rus_b, a_ukr_b) say who the text says initiated the event.
#include <istream>
#include <unordered_map>

#include <fmt/format.h>

#include "adapter_rows.hpp"
#include "guarantor/core/date.hpp"
#include "guarantor/verify/text_classify.hpp"

namespace guarantor::verify {
namespace {

using detail::RowError;

// GEO_PRECISION names the GeoNames level the place was matched at: a populated place, a second-
// or a first-order division. Radii as for UCDP (raion ~ 50 km, oblast ~ 150 km half-width).
constexpr double PLACE_RADIUS_M = 2000;
constexpr double ADMIN2_RADIUS_M = 50000;
constexpr double ADMIN1_RADIUS_M = 150000;

struct Labels {
  std::unordered_map<std::string, bool> flags;  ///< label column -> set
  [[nodiscard]] bool has(const std::string& column) const {
    const auto it = flags.find(column);
    return it != flags.end() && it->second;
  }
};

std::unordered_map<std::string, Labels> read_labels(std::istream& in, const std::string& name, AdapterResult& result) {
  std::unordered_map<std::string, Labels> by_event;
  AdapterResult label_rows;
  detail::for_each_row(in, name, {"event_id"}, label_rows, [&](const detail::Row& row) {
    Labels labels;
    // Every binary label column ends in "_b"; each must be 0 or 1.
    for (const char* column : {"a_rus_b", "a_ukr_b", "a_civ_b", "a_other_b", "t_airstrike_b", "t_uav_b",
                               "t_artillery_b", "t_shelling_b", "t_missile_b", "t_firefight_b", "t_raid_b",
                               "t_armor_b", "t_aad_b", "t_property_b"}) {
      const auto value = row.integer(column, {0, 1, true});
      labels.flags[column] = value.value_or(0) == 1;
    }
    by_event[std::string(row.required("event_id"))] = std::move(labels);
  });
  // Unreadable label rows are rejections of the input too.
  result.rows += label_rows.rows - label_rows.rejected.size();
  for (auto& rejection : label_rows.rejected) result.rejected.push_back(std::move(rejection));
  result.rows += label_rows.rejected.size();
  return by_event;
}

EventCategory viina_category(const Labels& labels, std::string_view text) {
  const bool strike = labels.has("t_airstrike_b") || labels.has("t_uav_b") || labels.has("t_artillery_b") ||
                      labels.has("t_shelling_b") || labels.has("t_missile_b");
  if ((strike || labels.has("t_firefight_b")) && mentions_naval(text)) return EventCategory::NavalActivity;
  if (strike) return EventCategory::Strike;
  if (labels.has("t_firefight_b") || labels.has("t_raid_b") || labels.has("t_armor_b")) return EventCategory::GroundClash;
  return EventCategory::Other;
}

WeaponClass viina_weapon(const Labels& labels, std::string_view text) {
  // The text names the weapon more precisely than the labels when it names one at all.
  if (const WeaponClass named = classify_weapon(text); named != WeaponClass::Unknown) return named;
  if (labels.has("t_missile_b")) return WeaponClass::LongRangeRocketMissile;
  if (labels.has("t_uav_b")) return WeaponClass::Drone;
  if (labels.has("t_airstrike_b")) return WeaponClass::Aircraft;
  if (labels.has("t_artillery_b")) return WeaponClass::Artillery100mmPlus;
  return WeaponClass::Unknown;
}

}  // namespace

AdapterResult read_viina(std::istream& info, const std::string& info_name, std::istream& labels_in,
                         const std::string& labels_name) {
  AdapterResult result;
  result.format = "viina";
  const auto labels = read_labels(labels_in, labels_name, result);
  detail::for_each_row(info, info_name, {"event_id", "date", "longitude", "latitude"}, result, [&](const detail::Row& row) {
    Report report;
    report.format = result.format;
    const std::string event_id(row.required("event_id"));
    report.id = fmt::format("viina:{}", event_id);
    report.origin = fmt::format("{}:{}", info_name, row.line());
    const auto label = labels.find(event_id);
    if (label == labels.end())
      throw RowError{fmt::format("event_id {} has no row in {}; expected one labels row per event", event_id, labels_name)};
    const std::string_view date = row.required("date");
    const auto day = parse_timestamp(date);
    if (!day) throw RowError{fmt::format("date: got \"{}\"; expected YYYYMMDD", date)};
    report.time_s = day->time_s;
    report.time_uncertainty_s = day->uncertainty_s;
    if (const std::string_view clock = row.get("time"); !clock.empty()) {
      const auto at = parse_timestamp(fmt::format("{}T{}", format_date(day->time_s), clock));
      if (!at) throw RowError{fmt::format("time: got \"{}\"; expected HH:MM", clock)};
      report.time_s = at->time_s;
      report.time_uncertainty_s = 0;
      report.local_time = at->local;  // VIINA gives the clock time of the news item, without a zone
    }
    const std::string text(row.get("text"));
    report.category = viina_category(label->second, text);
    report.target_kind = classify_target(text);
    report.weapon_class = viina_weapon(label->second, text);
    const bool by_russia = label->second.has("a_rus_b");
    const bool by_ukraine = label->second.has("a_ukr_b");
    // Both or neither set: the text does not say who, so nothing is claimed.
    if (by_russia != by_ukraine) report.claimed_actor = by_russia ? "RU" : "UA";
    report.outlets = detail::split_list(row.get("source"), ';');
    if (report.outlets.empty()) report.outlets.push_back("VIINA");
    report.place_name = row.get("asciiname").empty() ? std::string(row.get("location")) : std::string(row.get("asciiname"));
    report.admin1 = row.get("ADM1_NAME");
    report.description = text;
    report.position = detail::optional_position(row, "longitude", "latitude");
    const std::string_view precision = row.get("GEO_PRECISION");
    report.location_uncertainty_m = precision.find("ADM1") != std::string_view::npos   ? ADMIN1_RADIUS_M
                                    : precision.find("ADM2") != std::string_view::npos ? ADMIN2_RADIUS_M
                                                                                       : PLACE_RADIUS_M;
    result.reports.push_back(std::move(report));
  });
  return result;
}

}  // namespace guarantor::verify
