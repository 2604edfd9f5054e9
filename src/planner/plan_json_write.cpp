// Writes plan.json. Field order follows docs/planner.md; numbers are written as computed.
#include <cmath>

#include <nlohmann/json.hpp>

#include "guarantor/force/figures.hpp"
#include "guarantor/force/figures_json.hpp"
#include "guarantor/planner/plan_json.hpp"
#include "plan_json_posture.hpp"

namespace guarantor::planner {

namespace {
using nlohmann::ordered_json;

ordered_json number(double value) { return std::isfinite(value) ? ordered_json(value) : ordered_json(nullptr); }
ordered_json lon_lat(geo::LonLat p) { return ordered_json::array({p.lon, p.lat}); }

ordered_json stats_json(const plan::SolveStats& s) {
  return {{"objective", number(s.objective)},       {"bound", number(s.bound)},
          {"relative_gap", number(s.relative_gap)}, {"wall_seconds", s.wall_seconds},
          {"status", plan::to_string(s.status)},    {"proved_by", plan::to_string(s.proved_by)}};
}
}  // namespace

std::string plan_to_json(const Plan& plan) {
  ordered_json doc;
  doc["schema"] = plan.schema;
  const auto& pv = plan.provenance;
  ordered_json inputs = ordered_json::array();
  for (const auto& f : pv.inputs) inputs.push_back({{"role", f.role}, {"path", f.path}, {"sha256", f.sha256}});
  ordered_json polylines = ordered_json::object();
  for (const auto& [name, points] : pv.polylines) {
    ordered_json line = ordered_json::array();
    for (const auto& p : points) line.push_back(lon_lat(p));
    polylines[name] = line;
  }
  doc["provenance"] = {{"generator", pv.generator},
                       {"scenario", pv.scenario_name},
                       {"as_of", pv.as_of ? pv.as_of->iso() : std::string()},
                       {"illustrative", pv.illustrative},
                       {"seed", pv.seed},
                       {"standoff_km", pv.standoff_km},
                       {"rotation_factor", pv.rotation_factor},
                       {"inputs", inputs},
                       {"parameters", ordered_json(pv.parameters)},
                       {"polylines", polylines}};
  detail::write_posture_provenance(doc["provenance"], pv);
  ordered_json stages = ordered_json::array();
  for (const auto& s : plan.stages) {
    ordered_json alternatives = ordered_json::array();
    for (const auto& a : s.alternatives) alternatives.push_back({{"model", a.model}, {"stats", stats_json(a.stats)}});
    stages.push_back({{"stage", s.stage},
                      {"sense", s.sense},
                      {"unit", s.unit},
                      {"method", s.method},
                      {"note", s.note},
                      {"stats", stats_json(s.stats)},
                      {"choice", s.choice},
                      {"alternatives", alternatives}});
  }
  doc["stages"] = stages;
  ordered_json candidates = ordered_json::array();
  for (const auto& c : plan.candidates) {
    candidates.push_back({{"site", c.site_id},
                          {"name", c.name},
                          {"kind", c.kind},
                          {"position", lon_lat(c.position)},
                          {"country", c.country},
                          {"location", model::to_string(c.location)},
                          {"capacity", c.capacity},
                          {"capacity_unit", c.capacity_unit},
                          {"standoff_km", c.standoff_km},
                          {"hub_eligible", c.hub_eligible}});
    detail::write_candidate_threat(candidates.back(), c);
  }
  doc["candidates"] = candidates;
  ordered_json rejected = ordered_json::array();
  for (const auto& r : plan.rejected) rejected.push_back({{"site", r.site_id}, {"reason", r.reason}});
  doc["rejected_sites"] = rejected;
  ordered_json hubs = ordered_json::array();
  for (const auto& h : plan.hubs)
    hubs.push_back({{"site", h.site_id},
                    {"position", lon_lat(h.position)},
                    {"demand_share", h.demand_share},
                    {"demand_personnel", h.demand_personnel},
                    {"load_personnel", h.load_personnel},
                    {"capacity_personnel", h.capacity_personnel},
                    {"access_node", h.access_node},
                    {"access_km", h.access_km}});
  doc["hubs"] = hubs;
  ordered_json positions = ordered_json::array();
  for (const auto& p : plan.positions)
    positions.push_back({{"id", p.id},
                         {"line", p.line_id},
                         {"site", p.site_id},
                         {"position", lon_lat(p.position)},
                         {"reach_km", p.reach_km},
                         {"marginal_value", p.marginal_value},
                         {"rank", p.rank}});
  doc["positions"] = positions;
  ordered_json assignments = ordered_json::array();
  for (const auto& a : plan.assignments) {
    ordered_json entry_use = ordered_json::array();
    for (const auto& use : a.entry_use) entry_use.push_back({{"day", use.day}, {"amount", use.amount}});
    ordered_json transshipment_use = ordered_json::array();
    for (const auto& use : a.transshipment_use) transshipment_use.push_back({{"day", use.day}, {"amount", use.amount}});
    assignments.push_back({{"unit", a.unit_id},
                           {"pledge", a.pledge_id},
                           {"nation", a.nation},
                           {"capability", a.capability},
                           {"line", a.line_id},
                           {"position", a.position_id},
                           {"site", a.site_id},
                           {"app6_sidc", a.app6_sidc},
                           {"personnel", a.personnel},
                           {"site_resource", a.site_resource},
                           {"phase_gate_day", a.phase_gate_day},
                           {"ready_day", a.ready_day},
                           {"arrival_day", a.arrival_day},
                           {"required_by_day", a.required_by_day},
                           {"entry_node", a.entry_node},
                           {"route", a.route},
                           {"entry_day", a.entry_day},
                           {"entry_use", entry_use},
                           {"transshipment", a.transshipment},
                           {"transshipment_day", a.transshipment_day},
                           {"transshipment_use", transshipment_use}});
  }
  doc["assignments"] = assignments;
  ordered_json unassigned = ordered_json::array();
  for (const auto& u : plan.unassigned) {
    ordered_json causes = ordered_json::array();
    for (const auto& c : u.causes) causes.push_back({{"line", c.line_id}, {"cause", to_string(c.cause)}});
    unassigned.push_back({{"unit", u.unit_id},
                          {"pledge", u.pledge_id},
                          {"capability", u.capability},
                          {"reason", u.reason},
                          {"causes", causes}});
  }
  doc["unassigned"] = unassigned;
  ordered_json lines = ordered_json::array();
  for (const auto& l : plan.lines)
    lines.push_back(
        {{"line", l.line_id},
         {"capability", l.capability},
         {"phase", model::to_string(l.phase)},
         {"location", model::to_string(l.location)},
         {"priority", l.priority},
         {"role", model::to_string(l.role)},
         {"required", l.required},
         {"placed", l.placed},
         {"filled", l.filled},
         {"late", l.late},
         {"demand", l.demand},
         {"filter", l.filter},
         {"target_fraction", l.target_fraction},
         {"demand_total", l.demand_total},
         {"covered_design", l.covered_design},
         {"design_bound", number(l.design_bound)},
         {"design_gap", number(l.design_gap)},
         {"covered_fraction", l.covered_fraction},
         {"units_to_cover_all", l.units_to_cover_all},
         {"status", to_string(l.status)},
         {"units", l.units},
         {"reasons", l.reasons},
         {"causes", [&l] {
            ordered_json causes = ordered_json::array();
            for (const auto& c : l.causes)
              causes.push_back({{"cause", to_string(c.cause)}, {"pledge", c.pledge_id}, {"count", c.count}});
            return causes;
          }()}});
  doc["lines"] = lines;
  ordered_json closure = ordered_json::array();
  for (const auto& c : plan.closure)
    closure.push_back({{"day", c.day}, {"units", c.units}, {"personnel", c.personnel}});
  doc["closure"] = closure;
  const auto& r = plan.rotation;
  ordered_json rotation = {{"deployed_units", r.deployed_units}};
  rotation.update(force::rotation_figures_json(r.figures));
  rotation["source"] = r.source;
  doc["rotation"] = rotation;
  // Every figure's definition travels with the numbers (docs/planner.md, "Figures").
  ordered_json definitions = ordered_json::object();
  for (const auto& line : force::figure_lines(force::ForceFigures{}))
    definitions[std::string(line.label)] = line.definition;
  definitions["met by the plan"] = force::MET_DEFINITION;
  doc["definitions"] = definitions;
  detail::write_posture_sections(doc, plan);
  return doc.dump(2) + "\n";
}

}  // namespace guarantor::planner
