// Reads plan.json back into a Plan, for `guarantor check` and `guarantor diff`. Every field the
// checker relies on is required; a missing or mistyped one names its JSON pointer.
#include <limits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "guarantor/core/date.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/io/json_fields.hpp"
#include "guarantor/planner/plan_json.hpp"
#include "plan_json_posture.hpp"
#include "plan_json_reader.hpp"

namespace guarantor::planner {

namespace {
using nlohmann::json;

// Unknown names read as "not proven": a plan from a newer version is still checked, never
// credited with a proof this version cannot name.
plan::SolveStatus status_from(const std::string& text) {
  return plan::solve_status_from_string(text).value_or(plan::SolveStatus::TimeLimit);
}
plan::ProofMethod proof_from(const std::string& text) {
  return plan::proof_method_from_string(text).value_or(plan::ProofMethod::None);
}
}  // namespace

Plan plan_from_json(std::string_view text, const std::string& where) {
  const io::JsonFile file = io::parse_json_text(std::string(text), where);
  const json& doc = file.root;
  DiagnosticSink unused;  // Reader throws at the first problem; the sink only carries the line index
  const io::FieldReader lines(file, unused);
  const detail::PlanJsonReader r{lines};
  constexpr double inf = std::numeric_limits<double>::infinity();
  Plan plan;
  plan.schema = r.str(doc, "", "schema");
  if (plan.schema != "guarantor.plan/1") r.fail("/schema", "\"guarantor.plan/1\"");
  const auto& pv = r.field(doc, "", "provenance");
  plan.provenance.generator = r.str(pv, "/provenance", "generator");
  plan.provenance.scenario_name = r.str(pv, "/provenance", "scenario");
  // Decoded once, like the scenario's: "" is a plan of a scenario that stated no date.
  if (const std::string as_of = r.str(pv, "/provenance", "as_of"); !as_of.empty()) {
    plan.provenance.as_of = Date::from_iso(as_of);
    if (!plan.provenance.as_of)
      throw Error(ErrorCode::Schema, lines.where("/provenance/as_of"), iso_date_problem(as_of));
  }
  plan.provenance.illustrative = r.boolean(pv, "/provenance", "illustrative");
  plan.provenance.seed = static_cast<std::uint64_t>(r.num(pv, "/provenance", "seed"));
  plan.provenance.standoff_km = r.num(pv, "/provenance", "standoff_km");
  plan.provenance.rotation_factor = r.num(pv, "/provenance", "rotation_factor");
  for (const auto& f : r.array(pv, "/provenance", "inputs"))
    plan.provenance.inputs.push_back({r.str(f, "/provenance/inputs", "role"), r.str(f, "/provenance/inputs", "path"),
                                      r.str(f, "/provenance/inputs", "sha256")});
  for (const auto& [key, value] : r.field(pv, "/provenance", "parameters").items()) {
    if (!value.is_number()) r.fail("/provenance/parameters/" + key, "a number");
    plan.provenance.parameters[key] = value.get<double>();
  }
  for (const auto& [name, points] : r.field(pv, "/provenance", "polylines").items()) {
    auto& line = plan.provenance.polylines[name];
    for (const auto& p : points) {
      if (!p.is_array() || p.size() != 2) r.fail("/provenance/polylines/" + name, "[longitude, latitude] points");
      line.push_back({p[0].get<double>(), p[1].get<double>()});
    }
  }
  detail::read_posture_provenance(pv, plan.provenance, r);
  for (const auto& s : r.array(doc, "", "stages")) {
    StageReport report{r.str(s, "/stages", "stage"),
                       r.str(s, "/stages", "sense"),
                       r.str(s, "/stages", "unit"),
                       {},
                       r.str(s, "/stages", "method"),
                       r.str(s, "/stages", "note"),
                       {},
                       {}};
    const auto& st = r.field(s, "/stages", "stats");
    const bool max = report.sense == "max";
    report.stats.objective = r.num(st, "/stages/stats", "objective", max ? -inf : inf);
    report.stats.bound = r.num(st, "/stages/stats", "bound", max ? inf : -inf);
    report.stats.relative_gap = r.num(st, "/stages/stats", "relative_gap", inf);
    report.stats.wall_seconds = r.num(st, "/stages/stats", "wall_seconds");
    report.stats.status = status_from(r.str(st, "/stages/stats", "status"));
    report.stats.proved_by = proof_from(r.str(st, "/stages/stats", "proved_by"));
    // choice and alternatives came with the capacitated hubs; plans written before lack them.
    if (s.contains("choice")) report.choice = r.str(s, "/stages", "choice");
    if (s.contains("alternatives")) {
      for (const auto& a : r.array(s, "/stages", "alternatives")) {
        const auto& ast = r.field(a, "/stages/alternatives", "stats");
        ModelFigures figures{r.str(a, "/stages/alternatives", "model"), {}};
        figures.stats.objective = r.num(ast, "/stages/alternatives/stats", "objective", max ? -inf : inf);
        figures.stats.bound = r.num(ast, "/stages/alternatives/stats", "bound", max ? inf : -inf);
        figures.stats.relative_gap = r.num(ast, "/stages/alternatives/stats", "relative_gap", inf);
        figures.stats.wall_seconds = r.num(ast, "/stages/alternatives/stats", "wall_seconds");
        figures.stats.status = status_from(r.str(ast, "/stages/alternatives/stats", "status"));
        figures.stats.proved_by = proof_from(r.str(ast, "/stages/alternatives/stats", "proved_by"));
        report.alternatives.push_back(std::move(figures));
      }
    }
    plan.stages.push_back(std::move(report));
  }
  for (const auto& c : r.array(doc, "", "candidates")) {
    plan.candidates.push_back({r.str(c, "/candidates", "site"), r.str(c, "/candidates", "name"),
                               r.str(c, "/candidates", "kind"), r.lon_lat(c, "/candidates", "position"),
                               r.str(c, "/candidates", "country"), r.location(c, "/candidates", "location"),
                               r.num(c, "/candidates", "capacity"), r.str(c, "/candidates", "capacity_unit"),
                               r.num(c, "/candidates", "standoff_km"), r.boolean(c, "/candidates", "hub_eligible"), "",
                               -1.0, -1.0});
    detail::read_candidate_threat(c, plan.candidates.back(), r);
  }
  for (const auto& x : r.array(doc, "", "rejected_sites"))
    plan.rejected.push_back({r.str(x, "/rejected_sites", "site"), r.str(x, "/rejected_sites", "reason")});
  for (const auto& h : r.array(doc, "", "hubs")) {
    plan.hubs.push_back({r.str(h, "/hubs", "site"), r.lon_lat(h, "/hubs", "position"),
                         r.num(h, "/hubs", "demand_share"),
                         h.contains("demand_personnel") ? r.num(h, "/hubs", "demand_personnel") : 0.0,
                         r.num(h, "/hubs", "load_personnel"), r.num(h, "/hubs", "capacity_personnel"), "", -1.0});
    // The entry node came with hub siting by protection and access; older plans lack it.
    if (h.contains("access_node")) plan.hubs.back().access_node = r.str(h, "/hubs", "access_node");
    if (h.contains("access_km")) plan.hubs.back().access_km = r.num(h, "/hubs", "access_km");
  }
  for (const auto& p : r.array(doc, "", "positions"))
    plan.positions.push_back({r.str(p, "/positions", "id"), r.str(p, "/positions", "line"),
                              r.str(p, "/positions", "site"), r.lon_lat(p, "/positions", "position"),
                              r.num(p, "/positions", "reach_km"), r.num(p, "/positions", "marginal_value"),
                              r.integer(p, "/positions", "rank")});
  const auto& assignments = r.array(doc, "", "assignments");
  for (std::size_t i = 0; i < assignments.size(); ++i) {
    const auto& a = assignments[i];
    const std::string ptr = fmt::format("/assignments/{}", i);
    plan.assignments.push_back({r.str(a, ptr, "unit"),
                                r.str(a, ptr, "pledge"),
                                r.str(a, ptr, "nation"),
                                r.str(a, ptr, "capability"),
                                r.str(a, ptr, "line"),
                                r.str(a, ptr, "position"),
                                r.str(a, ptr, "site"),
                                r.str(a, ptr, "app6_sidc"),
                                r.integer(a, ptr, "personnel"),
                                r.num(a, ptr, "site_resource"),
                                r.integer(a, ptr, "phase_gate_day"),
                                r.integer(a, ptr, "ready_day"),
                                r.integer(a, ptr, "arrival_day"),
                                r.integer(a, ptr, "required_by_day"),
                                r.str(a, ptr, "entry_node"),
                                r.str(a, ptr, "route"),
                                -1,
                                {},
                                "",
                                -1,
                                {}});
    // Entry-node passage is optional: plans written before the entry queues lack it.
    auto& added = plan.assignments.back();
    if (a.contains("entry_day")) added.entry_day = r.integer(a, ptr, "entry_day");
    if (a.contains("entry_use"))
      for (const auto& use : r.array(a, ptr, "entry_use"))
        added.entry_use.push_back(
            {r.integer(use, ptr + "/entry_use", "day"), r.num(use, ptr + "/entry_use", "amount")});
    // The gauge change is optional too: plans written before it lack it (the checker then flags
    // every rail move into Ukraine).
    if (a.contains("transshipment")) added.transshipment = r.str(a, ptr, "transshipment");
    if (a.contains("transshipment_day")) added.transshipment_day = r.integer(a, ptr, "transshipment_day");
    if (a.contains("transshipment_use"))
      for (const auto& use : r.array(a, ptr, "transshipment_use"))
        added.transshipment_use.push_back(
            {r.integer(use, ptr + "/transshipment_use", "day"), r.num(use, ptr + "/transshipment_use", "amount")});
  }
  for (const auto& u : r.array(doc, "", "unassigned")) {
    plan.unassigned.push_back({r.str(u, "/unassigned", "unit"),
                               r.str(u, "/unassigned", "pledge"),
                               r.str(u, "/unassigned", "capability"),
                               r.str(u, "/unassigned", "reason"),
                               {}});
    // Typed causes are optional when reading: plans written before them carry prose only (the
    // checker then reports each such unit's reason as unverifiable).
    if (u.contains("causes"))
      for (const auto& c : r.array(u, "/unassigned", "causes")) {
        const auto cause = home_cause_from_string(r.str(c, "/unassigned/causes", "cause"));
        if (!cause) r.fail("/unassigned/causes/cause", "a home cause name (docs/planner.md)");
        plan.unassigned.back().causes.push_back({r.str(c, "/unassigned/causes", "line"), *cause});
      }
  }
  const auto& line_docs = r.array(doc, "", "lines");
  for (std::size_t i = 0; i < line_docs.size(); ++i) {
    const auto& l = line_docs[i];
    const std::string ptr = fmt::format("/lines/{}", i);
    LineResult line;
    line.line_id = r.str(l, ptr, "line");
    line.capability = r.str(l, ptr, "capability");
    const auto phase = model::phase_from_string(r.str(l, ptr, "phase"));
    if (!phase) r.fail(ptr + "/phase", "ceasefire or peace_deal");
    line.phase = *phase;
    line.location = r.location(l, ptr, "location");
    line.priority = r.integer(l, ptr, "priority");
    line.role = r.role(l, ptr, "role");
    line.required = r.integer(l, ptr, "required");
    line.placed = r.integer(l, ptr, "placed");
    line.filled = r.integer(l, ptr, "filled");
    line.late = r.integer(l, ptr, "late");
    line.demand = r.str(l, ptr, "demand");
    line.filter = r.str(l, ptr, "filter");
    line.target_fraction = r.num(l, ptr, "target_fraction");
    line.demand_total = r.num(l, ptr, "demand_total");
    line.covered_design = r.num(l, ptr, "covered_design");
    line.design_bound = r.num(l, ptr, "design_bound", inf);
    line.design_gap = r.num(l, ptr, "design_gap", inf);
    line.covered_fraction = r.num(l, ptr, "covered_fraction");
    line.units_to_cover_all = r.integer(l, ptr, "units_to_cover_all");
    const auto status = line_status_from_string(r.str(l, ptr, "status"));
    if (!status) r.fail(ptr + "/status", "met, partial or missing");
    line.status = *status;
    line.units = r.strings(l, ptr, "units");
    line.reasons = r.strings(l, ptr, "reasons");
    // Typed causes are optional when reading (older plans): the checker then reports each stated
    // reason of such a line as unverifiable.
    if (l.contains("causes"))
      for (const auto& c : r.array(l, ptr, "causes")) {
        const auto cause = line_cause_from_string(r.str(c, ptr + "/causes", "cause"));
        if (!cause) r.fail(ptr + "/causes/cause", "a line cause name (docs/planner.md)");
        line.causes.push_back({*cause, r.str(c, ptr + "/causes", "pledge"), r.integer(c, ptr + "/causes", "count")});
      }
    plan.lines.push_back(std::move(line));
  }
  for (const auto& c : r.array(doc, "", "closure"))
    plan.closure.push_back(
        {r.integer(c, "/closure", "day"), r.integer(c, "/closure", "units"), r.integer(c, "/closure", "personnel")});
  const auto& rot = r.field(doc, "", "rotation");
  plan.rotation.deployed_units = r.integer(rot, "/rotation", "deployed_units");
  plan.rotation.source = r.str(rot, "/rotation", "source");
  auto& figures = plan.rotation.figures;
  figures.rotation_factor = r.num(rot, "/rotation", "rotation_factor");
  for (auto [key, field] : {std::pair{"deployed_personnel", &force::ForceFigures::deployed_personnel},
                            std::pair{"required_pool", &force::ForceFigures::required_pool},
                            std::pair{"pledged_personnel", &force::ForceFigures::pledged_personnel},
                            std::pair{"shortfall", &force::ForceFigures::shortfall}})
    figures.*field = r.integer(rot, "/rotation", key);
  // Figures added with the one-definition figures; older plans lack them (the checker recomputes).
  for (auto [key, field] : {std::pair{"eligible_personnel", &force::ForceFigures::eligible_personnel},
                            std::pair{"rotating_personnel", &force::ForceFigures::rotating_personnel},
                            std::pair{"pool_personnel", &force::ForceFigures::pool_personnel}})
    if (rot.contains(key)) figures.*field = r.integer(rot, "/rotation", key);
  detail::read_posture_sections(doc, plan, r);
  return plan;
}

}  // namespace guarantor::planner
