// Force protection measured site by site. A site is covered by a line from the first day a unit
// that protects it is in place; it is covered "from first arrival" when that day is not after
// the first unit's arrival there. Every site not so covered is a gap naming the days uncovered.
#include "guarantor/planner/protection.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "guarantor/planner/demand.hpp"

namespace guarantor::planner {

namespace {
bool listed(const std::vector<std::string>& codes, std::string_view code) {
  return std::find(codes.begin(), codes.end(), code) != codes.end();
}

struct Placed {
  const Assignment* assignment = nullptr;
  const model::Site* site = nullptr;
  double reach_km = 0;
  double speed_kmh = 0;
};

// The earlier of two (day, unit) candidates; -1 days count as "never".
void keep_earliest(int day, const std::string& unit, int& best_day, std::string& best_unit) {
  if (day < 0) return;
  if (best_day < 0 || day < best_day || (day == best_day && unit < best_unit)) best_day = day, best_unit = unit;
}

std::string gap_text(const SiteProtection& site, int covered_day, std::string_view what) {
  if (covered_day < 0)
    return fmt::format("{}: no {} at any time; uncovered from day {} (first arrival) on", site.name, what, site.first_arrival_day);
  return fmt::format("{}: no {} on days {}-{} (first arrival day {}, covered from day {})", site.name, what,
                     site.first_arrival_day, covered_day - 1, site.first_arrival_day, covered_day);
}
}  // namespace

std::pair<std::vector<SiteProtection>, std::vector<ProtectionLine>> measure_protection(
    const model::Scenario& scenario, const ProtectionRules& rules, const Plan& plan, double detour_factor) {
  std::map<std::string, const Position*> positions;
  for (const auto& p : plan.positions) positions[p.id] = &p;
  // Units with a site, and the sites in the host country where units are.
  std::vector<Placed> placed;
  std::map<std::string, SiteProtection> by_site;
  for (const auto& a : plan.assignments) {
    const auto it = positions.find(a.position_id);
    if (it == positions.end() || it->second->site_id.empty()) continue;
    const auto* site = scenario.theatre.find_site(it->second->site_id);
    const auto* capability = scenario.catalogue.find(a.capability);
    if (site == nullptr || capability == nullptr) continue;
    placed.push_back({&a, site, capability->reach_km(), capability->speed_kmh ? capability->speed_kmh->value : 0.0});
    const auto* country = scenario.theatre.find_country(site->country);
    if (country == nullptr || country->role != model::CountryRole::Host) continue;
    auto& entry = by_site[site->id];
    if (entry.site_id.empty()) entry.site_id = site->id, entry.name = site->name, entry.forward = is_forward_site(*site);
    entry.first_arrival_day = entry.first_arrival_day < 0 ? a.arrival_day : std::min(entry.first_arrival_day, a.arrival_day);
    entry.personnel += a.personnel;
  }
  std::vector<SiteProtection> sites;
  for (auto& [id, entry] : by_site) {
    const auto* site = scenario.theatre.find_site(id);
    for (const auto& unit : placed) {
      const double km = distance_km(site->position, unit.site->position);
      const auto& a = *unit.assignment;
      if (listed(rules.air_defence_capabilities, a.capability) && km <= unit.reach_km)
        keep_earliest(a.arrival_day, a.unit_id, entry.air_defence_day, entry.air_defence_unit);
      if (entry.forward && listed(rules.escort_capabilities, a.capability) && km <= unit.reach_km)
        keep_earliest(a.arrival_day, a.unit_id, entry.escort_day, entry.escort_unit);
      if (a.capability != rules.role2_capability) continue;
      // Surgery at this Role 2: by road, or flown by a MEDEVAC unit whose reach covers the site.
      const double road_h = km * detour_factor / rules.road_evacuation_kmh;
      auto consider = [&](double hours, int day, std::string_view mode) {
        if (entry.evacuation_hours < 0 || hours < entry.evacuation_hours - 1e-12)
          entry.evacuation_hours = hours, entry.evacuation_mode = mode, entry.role2_unit = a.unit_id;
        if (hours <= rules.surgery_within_h + 1e-12 && (entry.surgery_day < 0 || day < entry.surgery_day)) entry.surgery_day = day;
      };
      consider(road_h, a.arrival_day, "road");
      for (const auto& lift : placed) {
        if (lift.assignment->capability != rules.medevac_capability || lift.speed_kmh <= 0) continue;
        const double to_site = distance_km(lift.site->position, site->position);
        if (to_site > lift.reach_km) continue;
        const double air_h = rules.medevac_dispatch_h + (to_site + km) / lift.speed_kmh;
        consider(air_h, std::max(a.arrival_day, lift.assignment->arrival_day), "air");
      }
    }
    sites.push_back(std::move(entry));
  }
  std::vector<ProtectionLine> lines;
  for (const auto& rule : rules.lines) {
    ProtectionLine line{rule.id, rule.kind, rule.title, rule.source, LineStatus::Missing, 0, 0, {}};
    int ever = 0;
    for (const auto& site : sites) {
      if (rule.kind == ProtectionKind::Escort && !site.forward) continue;
      int day = site.air_defence_day;
      std::string_view what = "air and missile defence";
      switch (rule.kind) {
        case ProtectionKind::AirDefence: break;
        case ProtectionKind::Surgery: day = site.surgery_day, what = "surgery within the time limit"; break;
        case ProtectionKind::Escort: day = site.escort_day, what = "escort"; break;
      }
      ++line.sites;
      ever += day >= 0;
      if (day >= 0 && day <= site.first_arrival_day) {
        ++line.covered;
        continue;
      }
      std::string text = gap_text(site, day, what);
      if (rule.kind == ProtectionKind::Surgery)
        text += site.evacuation_hours < 0 ? " (no surgical unit in the plan)"
                                          : fmt::format(" (fastest evacuation {:.1f} h by {}, limit {:.1f} h)",
                                                        site.evacuation_hours, site.evacuation_mode, rules.surgery_within_h);
      line.gaps.push_back(std::move(text));
    }
    line.status = line.covered == line.sites ? LineStatus::Met : ever > 0 ? LineStatus::Partial : LineStatus::Missing;
    lines.push_back(std::move(line));
  }
  return {std::move(sites), std::move(lines)};
}

ProtectionRules protection_rules_of(const Plan& plan) {
  ProtectionRules rules;
  for (const auto& line : plan.protection_lines) rules.lines.push_back({line.id, line.kind, line.title, line.source});
  const auto& sets = plan.provenance.capability_sets;
  auto set = [&sets](const char* key) {
    const auto it = sets.find(key);
    return it == sets.end() ? std::vector<std::string>{} : it->second;
  };
  rules.air_defence_capabilities = set("air_defence");
  rules.escort_capabilities = set("escort");
  const auto role2 = set("role2");
  const auto medevac = set("medevac");
  rules.role2_capability = role2.empty() ? "" : role2.front();
  rules.medevac_capability = medevac.empty() ? "" : medevac.front();
  const auto& flat = plan.provenance.parameters;
  auto value = [&flat](const char* key) { const auto it = flat.find(key); return it == flat.end() ? 0.0 : it->second; };
  rules.surgery_within_h = value("protection.surgery_within_h");
  rules.road_evacuation_kmh = value("protection.road_evacuation_kmh");
  rules.medevac_dispatch_h = value("protection.medevac_dispatch_h");
  return rules;
}

ForwardPostureRules forward_rules_of(const Plan& plan) {
  ForwardPostureRules rules;
  if (const auto it = plan.provenance.capability_sets.find("forward"); it != plan.provenance.capability_sets.end())
    rules.capabilities = it->second;
  const auto& flat = plan.provenance.parameters;
  auto value = [&flat](const char* key) { const auto it = flat.find(key); return it == flat.end() ? 0.0 : it->second; };
  rules.min_distance_km = value("forward.min_distance_km");
  rules.max_distance_km = value("forward.max_distance_km");
  rules.min_place_population = value("forward.min_place_population");
  rules.capacity_personnel = value("forward.capacity_personnel");
  return rules;
}

model::Scenario scenario_with_plan_sites(const model::Scenario& scenario, const Plan& plan) {
  return with_forward_sites(scenario, forward_rules_of(plan), plan.provenance.threat_axes, plan.provenance.standoff_km);
}

void record_posture_rules(const ForwardPostureRules& forward, const ProtectionRules& protection, Provenance& provenance) {
  provenance.capability_sets["forward"] = forward.capabilities;
  provenance.capability_sets["air_defence"] = protection.air_defence_capabilities;
  provenance.capability_sets["escort"] = protection.escort_capabilities;
  provenance.capability_sets["role2"] = {protection.role2_capability};
  provenance.capability_sets["medevac"] = {protection.medevac_capability};
  auto& flat = provenance.parameters;
  flat["forward.min_distance_km"] = forward.min_distance_km;
  flat["forward.max_distance_km"] = forward.max_distance_km;
  flat["forward.min_place_population"] = forward.min_place_population;
  flat["forward.capacity_personnel"] = forward.capacity_personnel;
  flat["protection.surgery_within_h"] = protection.surgery_within_h;
  flat["protection.road_evacuation_kmh"] = protection.road_evacuation_kmh;
  flat["protection.medevac_dispatch_h"] = protection.medevac_dispatch_h;
}

}  // namespace guarantor::planner
