// Montreux rules and sea routes. Sea distances follow a graph of waypoints drawn at sea (the
// Black Sea coast, the Bosphorus, the Sea of Marmara, the Dardanelles, the Aegean and the way
// round Europe), so that a ship from Gölcük to Constanța sails through the Bosphorus instead of
// across Thrace; legs through the Straits are marked, so the rules know who passes them.
#include "guarantor/planner/montreux.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <functional>
#include <queue>

#include <fmt/format.h>

#include "guarantor/planner/demand.hpp"
#include "planning_json.hpp"

namespace guarantor::planner {

bool MontreuxRules::littoral(std::string_view nation) const noexcept {
  return std::find(littoral_states.begin(), littoral_states.end(), nation) != littoral_states.end();
}

MontreuxRules load_montreux(const std::filesystem::path& file, std::vector<InputFile>* files) {
  DiagnosticSink sink;
  const io::JsonFile planning = detail::read_planning_json(file, sink, files);
  const auto& doc = planning.root;
  io::FieldReader reader(planning, sink);
  sink.throw_if_any();
  MontreuxRules rules;
  rules.article_19_condition = detail::planning_string(doc, reader, "", "article_19_condition");
  rules.straits_state = detail::planning_string(doc, reader, "", "straits_state");
  if (!doc.contains("littoral_states") || !doc["littoral_states"].is_array() || doc["littoral_states"].empty())
    reader.fail(ErrorCode::Schema, "/littoral_states", "missing; expected an array of ISO 3166-1 alpha-2 codes");
  else
    for (const auto& v : doc["littoral_states"]) {
      if (!v.is_string()) reader.fail(ErrorCode::Schema, "/littoral_states", "expected strings");
      else rules.littoral_states.push_back(v.get<std::string>());
    }
  if (!doc.contains("tonnage_t") || !doc["tonnage_t"].is_object() || doc["tonnage_t"].empty())
    reader.fail(ErrorCode::Schema, "/tonnage_t", "missing; expected {capability: {value, unit, source}}");
  else
    for (const auto& [code, value] : doc["tonnage_t"].items()) {
      if (code == "source") continue;
      rules.tonnage_t[code] = detail::planning_factor(doc["tonnage_t"], reader, "/tonnage_t", code);
    }
  rules.non_littoral_tonnage_t = detail::planning_factor(doc, reader, "", "non_littoral_tonnage_t");
  rules.max_stay_days = detail::planning_factor(doc, reader, "", "max_stay_days");
  rules.notice_days_littoral = detail::planning_factor(doc, reader, "", "notice_days_littoral", false);
  rules.notice_days_non_littoral = detail::planning_factor(doc, reader, "", "notice_days_non_littoral", false);
  detail::close_planning_object(doc, reader, "",
                                {"description", "article_19_condition", "straits_state", "littoral_states", "tonnage_t",
                                 "non_littoral_tonnage_t", "max_stay_days", "notice_days_littoral", "notice_days_non_littoral"});
  sink.throw_if_any();
  return rules;
}

SeaRoutes load_sea_routes(const std::filesystem::path& file, std::vector<InputFile>* files) {
  DiagnosticSink sink;
  const io::JsonFile planning = detail::read_planning_json(file, sink, files);
  const auto& doc = planning.root;
  io::FieldReader reader(planning, sink);
  sink.throw_if_any();
  SeaRoutes routes;
  if (!doc.contains("waypoints") || !doc["waypoints"].is_array() || doc["waypoints"].empty())
    reader.fail(ErrorCode::Schema, "/waypoints", "missing; expected [{id, position: [lon, lat]}]");
  else
    for (std::size_t i = 0; i < doc["waypoints"].size(); ++i) {
      const auto& w = doc["waypoints"][i];
      const std::string ptr = fmt::format("/waypoints/{}", i);
      const auto id = detail::planning_string(w, reader, ptr, "id");
      const auto p = w.is_object() && w.contains("position") ? detail::planning_point(w["position"], reader, fmt::format("{}/position", ptr))
                                                            : std::nullopt;
      detail::close_planning_object(w, reader, ptr, {"id", "position"});
      if (!p) reader.fail(ErrorCode::Schema, fmt::format("{}/position", ptr), "missing; expected [lon, lat]");
      else routes.waypoints.push_back({id, *p});
    }
  auto known = [&routes](const std::string& id) {
    return std::any_of(routes.waypoints.begin(), routes.waypoints.end(), [&id](const SeaWaypoint& w) { return w.id == id; });
  };
  if (!doc.contains("legs") || !doc["legs"].is_array())
    reader.fail(ErrorCode::Schema, "/legs", "missing; expected [{from, to, straits}]");
  else
    for (std::size_t i = 0; i < doc["legs"].size(); ++i) {
      const auto& l = doc["legs"][i];
      const std::string ptr = fmt::format("/legs/{}", i);
      SeaLeg leg{detail::planning_string(l, reader, ptr, "from"), detail::planning_string(l, reader, ptr, "to"),
                 l.is_object() && l.value("straits", false)};
      for (const auto& end : {leg.from, leg.to})
        if (!end.empty() && !known(end))
          reader.fail(ErrorCode::Schema, fmt::format("{}", ptr), fmt::format("waypoint \"{}\" is not listed in /waypoints", end));
      detail::close_planning_object(l, reader, ptr, {"from", "to", "straits"});
      routes.legs.push_back(std::move(leg));
    }
  detail::close_planning_object(doc, reader, "", {"description", "waypoints", "legs"});
  sink.throw_if_any();
  return routes;
}

std::optional<SeaRoute> sea_route(const SeaRoutes& routes, geo::LonLat from, geo::LonLat to) {
  if (routes.empty()) return std::nullopt;
  const std::size_t n = routes.waypoints.size();
  auto nearest = [&routes, n](geo::LonLat p) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < n; ++i)
      if (distance_km(p, routes.waypoints[i].position) < distance_km(p, routes.waypoints[best].position)) best = i;
    return best;
  };
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < n; ++i) index[routes.waypoints[i].id] = i;
  std::vector<std::vector<std::pair<std::size_t, const SeaLeg*>>> next(n);
  for (const auto& leg : routes.legs) {
    const auto a = index.at(leg.from), b = index.at(leg.to);
    next[a].emplace_back(b, &leg);
    next[b].emplace_back(a, &leg);
  }
  const std::size_t start = nearest(from), goal = nearest(to);
  // Dijkstra over a graph of a few dozen waypoints.
  std::vector<double> dist(n, std::numeric_limits<double>::infinity());
  std::vector<std::size_t> previous(n, n);
  std::vector<const SeaLeg*> via_leg(n, nullptr);
  using Item = std::pair<double, std::size_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
  dist[start] = 0;
  queue.push({0, start});
  while (!queue.empty()) {
    const auto [d, at] = queue.top();
    queue.pop();
    if (d > dist[at]) continue;
    for (const auto& [to_index, leg] : next[at]) {
      const double nd = d + distance_km(routes.waypoints[at].position, routes.waypoints[to_index].position);
      if (nd < dist[to_index]) dist[to_index] = nd, previous[to_index] = at, via_leg[to_index] = leg, queue.push({nd, to_index});
    }
  }
  if (!std::isfinite(dist[goal])) return std::nullopt;
  SeaRoute route;
  route.km = distance_km(from, routes.waypoints[start].position) + dist[goal] + distance_km(routes.waypoints[goal].position, to);
  for (std::size_t at = goal; at != n; at = previous[at]) {
    route.via.push_back(routes.waypoints[at].id);
    if (via_leg[at] && via_leg[at]->straits) route.through_straits = true;
    if (at == start) break;
  }
  std::reverse(route.via.begin(), route.via.end());
  return route;
}

bool article_19_applies(const MontreuxRules& rules, const model::Scenario& scenario) {
  return !rules.article_19_condition.empty() && scenario.mandate.condition_met(rules.article_19_condition);
}

std::optional<std::string> montreux_refusal(const MontreuxRules& rules, const model::Scenario& scenario,
                                            const model::Pledge& pledge, const model::RequirementLine& line) {
  if (!rules.enabled() || line.location != model::Location::BlackSea || !rules.naval(pledge.capability) ||
      rules.littoral(pledge.nation) || !article_19_applies(rules, scenario))
    return std::nullopt;
  return fmt::format("Montreux Convention art. 19: {} keeps the Straits closed to warships ({}), so only Black Sea littoral "
                     "states' warships may serve in the Black Sea; {} is not littoral",
                     rules.straits_state, rules.article_19_condition, pledge.nation);
}

std::vector<std::pair<const Assignment*, double>> over_tonnage(const MontreuxRules& rules, const model::Scenario& scenario,
                                                               const Plan& plan) {
  std::vector<std::pair<const Assignment*, double>> over;
  if (!rules.enabled()) return over;
  std::map<std::string, int> priority;
  std::map<std::string, model::Location> location;
  for (const auto& line : scenario.mandate.requirements) priority[line.id] = line.priority, location[line.id] = line.location;
  std::vector<const Assignment*> ships;
  for (const auto& a : plan.assignments)
    if (location.count(a.line_id) && location[a.line_id] == model::Location::BlackSea && rules.naval(a.capability) &&
        !rules.littoral(a.nation))
      ships.push_back(&a);
  std::sort(ships.begin(), ships.end(), [&priority](const Assignment* a, const Assignment* b) {
    return std::make_pair(priority[a->line_id], a->unit_id) < std::make_pair(priority[b->line_id], b->unit_id);
  });
  double total = 0;
  for (const auto* ship : ships) {
    const double tonnage = rules.tonnage_t.at(ship->capability);
    if (total + tonnage > rules.non_littoral_tonnage_t + 1e-9) over.emplace_back(ship, total + tonnage);
    else total += tonnage;
  }
  return over;
}

double non_littoral_black_sea_tonnage(const MontreuxRules& rules, const model::Scenario& scenario, const Plan& plan) {
  std::map<std::string, model::Location> location;
  for (const auto& line : scenario.mandate.requirements) location[line.id] = line.location;
  double total = 0;
  for (const auto& a : plan.assignments) {
    const auto it = location.find(a.line_id);
    if (it != location.end() && it->second == model::Location::BlackSea && rules.naval(a.capability) &&
        !rules.littoral(a.nation))
      total += rules.tonnage_t.at(a.capability);
  }
  return total;
}

bool exceeds_straits_tonnage(const MontreuxRules& rules, const model::Pledge& pledge,
                             const model::RequirementLine& line, double tonnage_in_sea) {
  return rules.enabled() && line.location == model::Location::BlackSea && rules.naval(pledge.capability) &&
         !rules.littoral(pledge.nation) &&
         tonnage_in_sea + rules.tonnage_t.at(pledge.capability) > rules.non_littoral_tonnage_t + 1e-9;
}

void record_montreux(const MontreuxRules& rules, Provenance& provenance) {
  auto& sets = provenance.capability_sets;
  std::vector<std::string> naval;
  for (const auto& [code, tonnage] : rules.tonnage_t) {
    naval.push_back(code);
    provenance.parameters["montreux.tonnage_t." + code] = tonnage;
  }
  sets["montreux.naval"] = naval;
  sets["montreux.littoral_states"] = rules.littoral_states;
  sets["montreux.article_19_condition"] = {rules.article_19_condition};
  sets["montreux.straits_state"] = {rules.straits_state};
  provenance.parameters["montreux.non_littoral_tonnage_t"] = rules.non_littoral_tonnage_t;
  provenance.parameters["montreux.max_stay_days"] = rules.max_stay_days;
  provenance.parameters["montreux.notice_days_littoral"] = rules.notice_days_littoral;
  provenance.parameters["montreux.notice_days_non_littoral"] = rules.notice_days_non_littoral;
}

MontreuxRules montreux_of(const Plan& plan) {
  MontreuxRules rules;
  const auto& sets = plan.provenance.capability_sets;
  const auto& flat = plan.provenance.parameters;
  auto first = [&sets](const char* key) {
    const auto it = sets.find(key);
    return it == sets.end() || it->second.empty() ? std::string() : it->second.front();
  };
  auto value = [&flat](const std::string& key) { const auto it = flat.find(key); return it == flat.end() ? 0.0 : it->second; };
  rules.article_19_condition = first("montreux.article_19_condition");
  rules.straits_state = first("montreux.straits_state");
  if (const auto it = sets.find("montreux.littoral_states"); it != sets.end()) rules.littoral_states = it->second;
  if (const auto it = sets.find("montreux.naval"); it != sets.end())
    for (const auto& code : it->second) rules.tonnage_t[code] = value("montreux.tonnage_t." + code);
  rules.non_littoral_tonnage_t = value("montreux.non_littoral_tonnage_t");
  rules.max_stay_days = value("montreux.max_stay_days");
  rules.notice_days_littoral = value("montreux.notice_days_littoral");
  rules.notice_days_non_littoral = value("montreux.notice_days_non_littoral");
  return rules;
}

}  // namespace guarantor::planner
