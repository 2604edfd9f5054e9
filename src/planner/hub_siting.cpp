// Hub siting rules: reading hub_siting.json, recording them in a plan, and the entry-node
// distance both the hubs stage and the checker measure.
#include "guarantor/planner/hub_siting.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "guarantor/planner/demand.hpp"
#include "planning_json.hpp"

namespace guarantor::planner {

namespace {
constexpr std::string_view FLAT_PREFIX = "hub_siting.";
constexpr std::string_view AIRFIELD_PREFIX = "hub_siting.airfield_personnel.";
}  // namespace

double HubSitingRules::airfield_personnel_capacity(const model::Site& airfield) const {
  if (const auto it = airfield_personnel.find(airfield.subkind); it != airfield_personnel.end()) return it->second;
  const auto it = airfield_personnel.find("default");
  return it == airfield_personnel.end() ? 0.0 : it->second;
}

double HubSitingRules::exposure_km(double threat_km) const {
  return std::max(0.0, protection_depth_km - std::max(0.0, threat_km));
}

double HubSitingRules::site_cost(double threat_km, double access_km) const {
  return protection_weight * exposure_km(threat_km) + access_weight * std::max(0.0, access_km);
}

void HubSitingRules::flatten_into(std::map<std::string, double>& flat) const {
  const std::string prefix(FLAT_PREFIX);
  flat[prefix + "min_threat_km"] = min_threat_km;
  flat[prefix + "min_separation_km"] = min_separation_km;
  flat[prefix + "protection_depth_km"] = protection_depth_km;
  flat[prefix + "support_weight"] = support_weight;
  flat[prefix + "protection_weight"] = protection_weight;
  flat[prefix + "access_weight"] = access_weight;
  for (const auto& [subkind, value] : airfield_personnel) flat[std::string(AIRFIELD_PREFIX) + subkind] = value;
}

std::optional<HubSitingRules> hub_siting_of(const std::map<std::string, double>& flat) {
  const std::string prefix(FLAT_PREFIX);
  const auto min_threat = flat.find(prefix + "min_threat_km");
  if (min_threat == flat.end()) return std::nullopt;
  HubSitingRules rules;
  auto take = [&flat, &prefix](const char* key) {
    const auto it = flat.find(prefix + key);
    return it == flat.end() ? 0.0 : it->second;
  };
  rules.min_threat_km = min_threat->second;
  rules.min_separation_km = take("min_separation_km");
  rules.protection_depth_km = take("protection_depth_km");
  rules.support_weight = take("support_weight");
  rules.protection_weight = take("protection_weight");
  rules.access_weight = take("access_weight");
  for (const auto& [key, value] : flat)
    if (key.starts_with(AIRFIELD_PREFIX)) rules.airfield_personnel[key.substr(AIRFIELD_PREFIX.size())] = value;
  return rules;
}

HubSitingRules load_hub_siting(const std::filesystem::path& file, std::vector<InputFile>* files) {
  DiagnosticSink sink;
  const io::JsonFile planning = detail::read_planning_json(file, sink, files);
  const auto& doc = planning.root;
  io::FieldReader reader(planning, sink);
  sink.throw_if_any();
  HubSitingRules rules;
  // Thresholds and depth may be 0 (no exclusion, no exposure term); weights may be 0 (the term
  // is off) but not all of them at once, or every site would cost the same.
  rules.min_threat_km = detail::planning_factor(doc, reader, "", "min_threat_km", false);
  rules.min_separation_km = detail::planning_factor(doc, reader, "", "min_separation_km", false);
  rules.protection_depth_km = detail::planning_factor(doc, reader, "", "protection_depth_km", false);
  const nlohmann::json weights = doc.value("weights", nlohmann::json::object());
  rules.support_weight = detail::planning_factor(weights, reader, "/weights", "support", false);
  rules.protection_weight = detail::planning_factor(weights, reader, "/weights", "protection", false);
  rules.access_weight = detail::planning_factor(weights, reader, "/weights", "access", false);
  detail::close_planning_object(weights, reader, "/weights", {"description", "support", "protection", "access"});
  detail::close_planning_object(doc, reader, "",
                                {"description", "min_threat_km", "min_separation_km", "protection_depth_km", "weights",
                                 "airfield_personnel"});
  if (doc.contains("weights") && rules.support_weight + rules.protection_weight + rules.access_weight <= 0)
    reader.fail(ErrorCode::Schema, "/weights", "every weight is 0; expected at least one positive weight");
  const nlohmann::json airfields = doc.value("airfield_personnel", nlohmann::json::object());
  if (!airfields.is_object() || airfields.empty())
    reader.fail(ErrorCode::Schema, "/airfield_personnel",
             "missing; expected {\"<airfield subkind>\" or \"default\": {\"value\": personnel, \"unit\", \"source\"}}");
  else
    for (const auto& [subkind, value] : airfields.items())
      if (subkind != "description") rules.airfield_personnel[subkind] = detail::planning_factor(airfields, reader, "/airfield_personnel", subkind, false);
  sink.throw_if_any();
  return rules;
}

std::optional<EntryAccess> nearest_entry_node(const model::Scenario& scenario, const HostConsent& consent,
                                              const std::vector<std::string>& kinds, geo::LonLat position) {
  std::optional<EntryAccess> best;
  for (const auto& site : scenario.theatre.sites) {
    if (site.kind != model::SiteKind::BorderCrossing || site.status != model::SiteStatus::Operating) continue;
    if (std::find(kinds.begin(), kinds.end(), site.subkind) == kinds.end()) continue;
    if (consent.transit_refused(site.id)) continue;
    const double km = distance_km(position, site.position);
    if (!best || km < best->km) best = EntryAccess{site.id, km};
  }
  return best;
}

}  // namespace guarantor::planner
