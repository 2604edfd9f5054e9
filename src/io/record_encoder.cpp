// Writing coalition and mandate records in the scenario file format; the readers in
// force_readers.cpp read every document written here back to the same model.
#include "guarantor/io/record_codec.hpp"

namespace guarantor::io {

namespace {
using Json = nlohmann::json;

Json position(const geo::LonLat& at) { return Json::array({at.lon, at.lat}); }

Json factor(const model::PlanningFactor& value) {
  return {{"value", value.value}, {"min", value.min}, {"max", value.max}, {"unit", value.unit}, {"source", value.source}};
}
}  // namespace

Json encode_nation(const model::Nation& nation) {
  return {{"iso2", nation.iso2}, {"name", nation.name},      {"nato", nation.nato},
          {"eu", nation.eu},     {"home", position(nation.home)}, {"source", nation.source}};
}

Json encode_pledge(const model::Pledge& pledge) {
  Json caveats = Json::array();
  for (const auto& caveat : pledge.caveats)
    caveats.push_back({{"kind", model::to_string(caveat.kind())}, {"values", caveat.value_names()}, {"source", caveat.source()}});
  Json out = {{"id", pledge.id},
              {"nation", pledge.nation},
              {"capability", pledge.capability},
              {"quantity", pledge.quantity},
              {"readiness_days", pledge.readiness_days},
              {"status", model::to_string(pledge.status)},
              {"illustrative", pledge.illustrative},
              {"caveats", std::move(caveats)},
              {"valid_until", pledge.valid_until ? pledge.valid_until->iso() : std::string()},
              {"source", pledge.source}};
  // Optional members are written only when set, as in the hand-written files.
  if (pledge.home) out["home"] = position(*pledge.home);
  if (!pledge.sites.empty()) out["sites"] = pledge.sites;
  if (pledge.includes_rotation) out["includes_rotation"] = true;
  return out;
}

Json encode_requirement_line(const model::RequirementLine& line) {
  Json out = {{"id", line.id},
              {"capability", line.capability},
              {"quantity", line.quantity},
              {"phase", model::to_string(line.phase)},
              {"priority", line.priority},
              {"location", model::to_string(line.location)},
              {"role", model::to_string(line.role)},
              {"required_by_day", line.required_by_day},
              {"description", line.description},
              {"source", line.source}};
  if (line.coverage) {
    out["coverage"] = {{"demand", line.coverage->demand}, {"fraction", line.coverage->fraction}};
    if (!line.coverage->filter.empty()) out["coverage"]["filter"] = line.coverage->filter;
  }
  return out;
}

Json encode_coalition(const model::Coalition& coalition) {
  Json nations = Json::array();
  for (const auto& nation : coalition.nations) nations.push_back(encode_nation(nation));
  Json pledges = Json::array();
  for (const auto& pledge : coalition.pledges) pledges.push_back(encode_pledge(pledge));
  return {{"name", coalition.name}, {"nations", std::move(nations)}, {"pledges", std::move(pledges)}};
}

Json encode_mandate(const model::Mandate& mandate) {
  Json phases = Json::array();
  for (const auto& gate : mandate.phases)
    phases.push_back({{"phase", model::to_string(gate.phase)}, {"opens_day", gate.opens_day}, {"trigger", gate.trigger}});
  Json conditions = Json::object();
  for (const auto& [key, met] : mandate.conditions) conditions[key] = met;
  Json requirements = Json::array();
  for (const auto& line : mandate.requirements) requirements.push_back(encode_requirement_line(line));
  Json posture = {{"standoff_km", factor(mandate.posture.standoff_km)},
                  {"hub_count", mandate.posture.hub_count},
                  {"candidate_site_kinds", mandate.posture.candidate_site_kinds},
                  {"rotation_factor", factor(mandate.posture.rotation_factor)}};
  if (mandate.posture.single_source_hubs) posture["hub_sourcing"] = "single";
  // Written only when set, so files that never named them read back to the same text.
  if (!mandate.posture.admitted_site_statuses.empty()) {
    Json admitted = Json::array();
    for (const auto status : mandate.posture.admitted_site_statuses) admitted.push_back(model::to_string(status));
    posture["admitted_site_statuses"] = std::move(admitted);
  }
  Json encoded = {{"name", mandate.name},
                  {"description", mandate.description},
                  {"source", mandate.source},
                  {"phases", std::move(phases)},
                  {"conditions", std::move(conditions)},
                  {"posture", std::move(posture)},
                  {"requirements", std::move(requirements)}};
  if (!mandate.site_negotiation.empty()) {
    Json negotiation = Json::object();
    for (const auto& [site_id, status] : mandate.site_negotiation) negotiation[site_id] = model::to_string(status);
    encoded["site_negotiation"] = std::move(negotiation);
  }
  return encoded;
}

}  // namespace guarantor::io
