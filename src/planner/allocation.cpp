// Stage 4: allocation. Every national unit (one unit of a pledge) is given at most one position
// of a line of its capability, as a generalized assignment: agents are the positions (room for
// one unit each) plus a "stays home" agent, jobs are the units. A unit may take a position only
// when the caveat rules of force generation allow its pledge on the line; site capacity was
// reserved when positions were placed. Value of a filled position: the line's priority weight,
// raised by the position's share of the line's demand, so scarce units go where they count.
// Capabilities never compete for a unit, so each capability is its own model.
#include <chrono>
#include <map>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/force/eligibility.hpp"
#include "guarantor/plan/generalized_assignment.hpp"
#include "guarantor/planner/montreux.hpp"
#include "stages.hpp"

namespace guarantor::planner::detail {

namespace {
struct Unit {
  std::string id;
  const model::Pledge* pledge;
};

double priority_weight(const PlannerParameters& params, int priority) {
  const auto it = params.priority_weight.find(priority);
  if (it != params.priority_weight.end()) return it->second;
  // Lines less important than any listed priority are worth the least listed weight.
  return params.priority_weight.rbegin()->second;
}
}  // namespace

StageReport run_allocation(const StageContext& context, Plan& plan) {
  const auto started = std::chrono::steady_clock::now();
  const auto& scenario = context.scenario;
  StageReport report;
  report.stage = "allocation";
  report.sense = "max";
  report.unit = "priority-weighted positions filled";
  report.method = "generalized assignment per capability (regret heuristic + local search, LP bound, CBC)";
  std::map<std::string, const model::RequirementLine*> line_by_id;
  for (const auto& line : scenario.mandate.requirements) line_by_id[line.id] = &line;

  std::map<std::string, std::vector<Unit>> units_by_capability;
  for (const auto& pledge : scenario.coalition.pledges)
    for (int n = 1; n <= pledge.quantity; ++n)
      units_by_capability[pledge.capability].push_back({fmt::format("{}/{}", pledge.id, n), &pledge});
  std::map<std::string, std::vector<const Position*>> positions_by_capability;
  for (const auto& position : plan.positions)
    positions_by_capability[line_by_id.at(position.line_id)->capability].push_back(&position);
  std::map<std::string, double> line_total;
  for (const auto& line : plan.lines) line_total[line.line_id] = line.demand_total;

  double objective = 0, bound = 0;
  int models = 0, proven = 0;
  ProofTally proofs;
  for (const auto& [code, units] : units_by_capability) {
    const auto& positions = positions_by_capability[code];
    if (positions.empty()) {
      for (const auto& unit : units) plan.unassigned.push_back(explain_home(scenario, *unit.pledge, unit.id, plan));
      continue;
    }
    const auto* capability = scenario.catalogue.find(code);
    GUARANTOR_ASSERT(capability, "validated scenarios name catalogue capabilities only");
    const std::size_t agents = positions.size() + 1;  // the last agent: the unit stays home
    const std::size_t jobs = units.size();
    std::vector<double> cost(agents * jobs, 0.0), resource(agents * jobs, 1.0), capacity(agents, 1.0);
    capacity.back() = static_cast<double>(jobs);
    for (std::size_t a = 0; a + 1 < agents; ++a) {
      const auto* line = line_by_id.at(positions[a]->line_id);
      const double total = line_total[line->id];
      const double value = priority_weight(context.params, line->priority) *
                           (1.0 + (total > 0 ? positions[a]->marginal_value / total : 0.0));
      for (std::size_t j = 0; j < jobs; ++j) {
        const auto blocked = force::assess_eligibility(scenario, *units[j].pledge, *line, line->phase);
        // The Straits' regime is a rule of the theatre, not a caveat of the pledge.
        const auto straits = blocked ? std::nullopt
                                     : montreux_refusal(context.params.montreux, scenario, *units[j].pledge, *line);
        if (blocked || straits) {
          // Twice the capacity: the assignment is impossible, whatever else is chosen.
          resource[a * jobs + j] = 2.0;
        } else if (const auto refused = placement_refused(scenario, *units[j].pledge, *capability, positions[a]->site_id)) {
          resource[a * jobs + j] = 2.0;
        } else {
          cost[a * jobs + j] = -value;
        }
      }
    }
    const plan::GapInstance instance(agents, jobs, std::move(cost), std::move(resource), std::move(capacity));
    const plan::GapResult result = plan::solve_gap(instance, context.solve);
    ++models;
    proven += result.stats.status == plan::SolveStatus::Optimal;
    proofs.add(result.stats);
    objective -= result.stats.objective;
    bound -= result.stats.bound;
    std::vector<const Unit*> home;
    for (std::size_t j = 0; j < jobs; ++j) {
      const std::size_t agent = result.solution.agent_of_job.empty() ? agents - 1 : result.solution.agent_of_job[j];
      const auto& unit = units[j];
      if (agent == agents - 1) {
        home.push_back(&unit);
        continue;
      }
      const auto* position = positions[agent];
      const auto* line = line_by_id.at(position->line_id);
      const auto* site = scenario.theatre.find_site(position->site_id);
      Assignment assignment;
      assignment.unit_id = unit.id;
      assignment.pledge_id = unit.pledge->id;
      assignment.nation = unit.pledge->nation;
      assignment.capability = code;
      assignment.line_id = line->id;
      assignment.position_id = position->id;
      assignment.site_id = position->site_id;
      assignment.app6_sidc = capability->app6_sidc;
      assignment.personnel = static_cast<int>(capability->personnel.value);
      assignment.site_resource = site ? site_resource(context.params, *capability, model::to_string(site->kind)) : 0.0;
      assignment.phase_gate_day = phase_gate_day(scenario.mandate, line->phase);
      assignment.ready_day = assignment.phase_gate_day + unit.pledge->readiness_days;
      assignment.required_by_day = assignment.phase_gate_day + line->required_by_day;
      plan.assignments.push_back(std::move(assignment));
    }
    // Reasons once the capability's assignment is complete: "line full" needs every position known.
    for (const auto* unit : home) plan.unassigned.push_back(explain_home(scenario, *unit->pledge, unit->id, plan));
  }
  report.stats.objective = objective;
  report.stats.bound = bound;
  report.stats.relative_gap = plan::relative_gap(objective, bound);
  report.stats.status = proven == models ? plan::SolveStatus::Optimal : plan::SolveStatus::TimeLimit;
  report.stats.proved_by = proofs.method();
  report.stats.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  report.note = fmt::format("{} units assigned, {} stay home; {} of {} assignment models proven optimal ({})",
                            plan.assignments.size(), plan.unassigned.size(), proven, models, proofs.describe());
  return report;
}

}  // namespace guarantor::planner::detail
