// GET /api/v1/catalogue: the controlled lists a pledge is written from - capabilities of the
// catalogue, the mandate's phases and conditions, the places a caveat may name, the roles of the
// requirement lines, caveat kinds, pledge statuses and sharing levels - so the pages (the pledge
// form) and scripts offer exactly what the API accepts, from one place. No pledge data.
#include <set>

#include "api.hpp"
#include "guarantor/model/coalition.hpp"
#include "guarantor/store/records.hpp"

namespace guarantor::server {

namespace {
using store::Role;
const std::set<Role> ALL_ROLES = {Role::Secretariat, Role::Liaison, Role::HostNation,
                                  Role::Planner,     Role::Monitor, Role::Observer};

json capabilities(const model::CapabilityCatalogue& catalogue) {
  json items = json::array();
  for (const auto& capability : catalogue.capabilities)
    items.push_back({{"code", capability.code},
                     {"name", capability.name},
                     {"domain", model::to_string(capability.domain)},
                     {"personnel", capability.personnel.value},
                     {"basing", model::to_string(capability.basing)},
                     {"app6_sidc", capability.app6_sidc}});
  return items;
}

Reply catalogue(Context& context) {
  const model::Scenario scenario = context.server.current_scenario();
  json phases = json::array();
  for (const auto& gate : scenario.mandate.phases)
    phases.push_back({{"phase", model::to_string(gate.phase)}, {"opens_day", gate.opens_day}, {"trigger", gate.trigger}});
  json conditions = json::array();
  for (const auto& [key, met] : scenario.mandate.conditions) conditions.push_back({{"key", key}, {"met", met}});
  std::set<std::string> roles;
  for (const auto& line : scenario.mandate.requirements) roles.insert(std::string(model::to_string(line.role)));
  json locations = json::array();
  for (const auto location : {model::Location::Ukraine, model::Location::NeighbouringNato, model::Location::BlackSea,
                              model::Location::OutsideTheatre})
    locations.push_back(model::to_string(location));
  // Each caveat kind and the list its values are chosen from (a member of this answer).
  json caveat_kinds = json::array();
  for (const auto& [kind, values] : {std::pair{model::CaveatKind::Where, "locations"}, {model::CaveatKind::When, "phases"},
                                     {model::CaveatKind::Condition, "conditions"}, {model::CaveatKind::ExcludedRole, "roles"}})
    caveat_kinds.push_back({{"kind", model::to_string(kind)}, {"values_from", values}});
  json statuses = json::array();
  for (const auto status : {model::PledgeStatus::Offered, model::PledgeStatus::Confirmed, model::PledgeStatus::Verified})
    statuses.push_back(model::to_string(status));
  json sharing = json::array();
  for (const auto level : {store::SharingLevel::Full, store::SharingLevel::CapabilityOnly, store::SharingLevel::Aggregate})
    sharing.push_back(store::to_string(level));
  return {200,
          {{"capabilities", capabilities(scenario.catalogue)},
           {"phases", phases},
           {"locations", locations},
           {"conditions", conditions},
           {"roles", roles},
           {"caveat_kinds", caveat_kinds},
           {"pledge_statuses", statuses},
           {"sharing_levels", sharing}},
          {}};
}
}  // namespace

void add_catalogue_route(std::vector<Route>& table) { table.push_back({"GET", "/api/v1/catalogue", ALL_ROLES, catalogue}); }

}  // namespace guarantor::server
