// Stage 3: coverage. For every requirement line (priority order), place its units' positions
// at admissible sites: with a coverage target, a maximal covering of its demand set by the
// units' footprints (and a set covering when the target is everything, to say how many units
// covering all would take); without one, at the opened hubs first. Site capacity is reserved
// as positions are placed, so no site can be over-filled by the allocation that follows.
#include <algorithm>
#include <chrono>
#include <map>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/plan/max_covering.hpp"
#include "guarantor/plan/set_covering.hpp"
#include "guarantor/planner/demand.hpp"
#include "guarantor/planner/threat.hpp"
#include "line_order.hpp"
#include "stages.hpp"

namespace guarantor::planner::detail {

namespace {
std::string_view basing_site_kind(model::Basing basing) {
  switch (basing) {
    case model::Basing::Airfield: return "airfield";
    case model::Basing::Port: return "port";
    case model::Basing::RailTerminal: return "rail_junction";
    default: return "candidate_hub";  // hub-based and unbased units live at hubs
  }
}

bool is_opened_hub(const Plan& plan, std::string_view site_id) {
  return std::any_of(plan.hubs.begin(), plan.hubs.end(), [site_id](const Hub& h) { return h.site_id == site_id; });
}

// Sites a unit of the line may take: right kind (a hub-based unit also an airfield opened as a
// hub: units sit at the hubs the hub lines protect), right location (the sea is served from any
// admissible port), the line's own basing filter, room left for one unit.
std::vector<const CandidateSite*> admissible_sites(const Plan& plan, const model::RequirementLine& line,
                                                   const model::Capability& capability, const PlannerParameters& params,
                                                   const std::map<std::string, double>& used) {
  std::vector<const CandidateSite*> sites;
  const auto kind = basing_site_kind(capability.basing);
  const bool hub_based = kind == "candidate_hub";
  // A line whose own text restricts its basing ("from bases in western Ukraine") takes only
  // sites that pass its filter (threat_axes.json /line_basing).
  const auto* basing = params.threat.basing_filter(line.id);
  // Forward operating sites take only the capabilities the forward posture names (monitors,
  // deminers), besides their usual basing.
  const bool forward_ok = params.forward.may_use(capability.code);
  for (const auto& site : plan.candidates) {
    const bool airfield_hub = hub_based && site.kind == "airfield" && is_opened_hub(plan, site.site_id);
    if (site.kind != kind && !airfield_hub && !(forward_ok && site.kind == FORWARD_SITE_KIND)) continue;
    if (line.location != model::Location::BlackSea && site.location != line.location) continue;
    if (basing && !site_passes_basing(*basing, site.site_id, site.position, params.dnipro_line)) continue;
    if (!site_has_room(site, site_need(params, capability, site), used)) continue;
    sites.push_back(&site);
  }
  return sites;
}

// Orders the open sites by marginal covered weight (greedy on the solver's set), so the first
// positions filled are the ones that matter most when units run short.
std::vector<std::pair<std::size_t, double>> rank_by_marginal(const plan::CoveringInstance& instance,
                                                             std::vector<std::size_t> open) {
  std::vector<char> covered(instance.demand_count(), 0);
  std::vector<std::pair<std::size_t, double>> ranked;
  while (!open.empty()) {
    std::size_t best = 0;
    double best_gain = -1;
    for (std::size_t i = 0; i < open.size(); ++i) {
      double gain = 0;
      for (const std::size_t d : instance.covered_demands(open[i]))
        if (!covered[d]) gain += instance.demand_weight(d);
      if (gain > best_gain) best_gain = gain, best = i;
    }
    for (const std::size_t d : instance.covered_demands(open[best])) covered[d] = 1;
    ranked.emplace_back(open[best], best_gain);
    open.erase(open.begin() + static_cast<std::ptrdiff_t>(best));
  }
  return ranked;
}

}  // namespace

void add_position(Plan& plan, const model::RequirementLine& line, const CandidateSite* site, double reach_km,
                  double marginal, std::map<std::string, double>& used, const SiteNeed& need) {
  Position position;
  position.rank = static_cast<int>(std::count_if(plan.positions.begin(), plan.positions.end(),
                                                 [&line](const Position& p) { return p.line_id == line.id; })) + 1;
  position.id = fmt::format("{}#{}", line.id, position.rank);
  position.line_id = line.id;
  position.reach_km = reach_km;
  position.marginal_value = marginal;
  if (site) {
    position.site_id = site->site_id;
    position.position = site->position;
    used[site->site_id] += need.resource;
    if (site->kind == "airfield") used[personnel_key(site->site_id)] += need.personnel;
  }
  plan.positions.push_back(std::move(position));
}

StageReport run_coverage(const StageContext& context, Plan& plan) {
  const auto started = std::chrono::steady_clock::now();
  StageReport report;
  report.stage = "coverage";
  report.sense = "max";
  report.method = "maximal covering per line (greedy + swap, LP bound, CBC); set covering when the target is 1";
  std::map<std::string, double> used;  // site -> capacity reserved
  double objective = 0, bound = 0;
  int solved = 0, proven = 0;
  ProofTally proofs;
  for (const auto* line : lines_in_priority_order(context.scenario.mandate)) {
    const auto* capability = context.scenario.catalogue.find(line->capability);
    GUARANTOR_ASSERT(capability, "validated scenarios name catalogue capabilities only");
    LineResult result;
    result.line_id = line->id;
    result.capability = line->capability;
    result.phase = line->phase;
    result.location = line->location;
    result.priority = line->priority;
    result.role = line->role;
    result.required = line->quantity;
    const double reach = capability->reach_km();
    if (line->location == model::Location::OutsideTheatre) {
      // Served from home (training abroad, strategic airlift): positions without a site.
      for (int i = 0; i < line->quantity; ++i) add_position(plan, *line, nullptr, 0.0, 0.0, used, SiteNeed{});
      result.placed = line->quantity;
      plan.lines.push_back(std::move(result));
      continue;
    }
    auto sites = admissible_sites(plan, *line, *capability, context.params, used);
    if (capability->domain == model::Domain::Host) {
      result.placed = place_host_support(context, *line, *capability, sites, plan, used);
      plan.lines.push_back(std::move(result));
      continue;
    }
    const auto need_at = [&](const CandidateSite* site) { return site_need(context.params, *capability, *site); };
    std::vector<std::pair<std::size_t, double>> ranked;  // site index in `sites`, marginal weight
    if (line->coverage && !sites.empty()) {
      const DemandSet demand = build_demand(context.scenario, context.params, *line->coverage, line->location, plan);
      result.demand = line->coverage->demand;
      result.filter = line->coverage->filter;
      result.target_fraction = line->coverage->fraction;
      result.demand_total = demand.total_weight();
      std::vector<double> weights;
      std::vector<std::vector<std::size_t>> covering(demand.points.size());
      for (std::size_t d = 0; d < demand.points.size(); ++d) {
        weights.push_back(demand.points[d].weight);
        for (std::size_t s = 0; s < sites.size(); ++s)
          if (distance_km(demand.points[d].position, sites[s]->position) <= reach) covering[d].push_back(s);
      }
      const plan::CoveringInstance instance(sites.size(), weights, covering);
      const std::size_t p = std::min<std::size_t>(static_cast<std::size_t>(line->quantity), sites.size());
      const auto solved_cover = plan::solve_max_covering(instance, p, context.solve);
      if (result.demand_total > 0) {
        result.covered_design = solved_cover.stats.objective / result.demand_total;
        result.design_bound = solved_cover.stats.bound / result.demand_total;
        objective += result.covered_design;
        bound += result.design_bound;
      }
      result.design_gap = solved_cover.stats.relative_gap;
      ++solved;
      proven += solved_cover.stats.status == plan::SolveStatus::Optimal;
      proofs.add(solved_cover.stats);
      ranked = rank_by_marginal(instance, solved_cover.solution.open_sites);
      if (line->coverage->fraction >= 1.0) {
        const auto all = plan::solve_set_covering(instance, context.solve);
        if (all.stats.status == plan::SolveStatus::Optimal)
          result.units_to_cover_all = static_cast<int>(all.solution.open_sites.size());
      }
    } else {
      // No footprint to optimise: opened hubs first (in Ukraine), then the roomiest sites.
      std::vector<std::size_t> order(sites.size());
      for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
      auto is_hub = [&plan](const CandidateSite* s) { return is_opened_hub(plan, s->site_id); };
      // Room in the unit's own terms: personnel for a hub-based unit (an airfield hub's personnel
      // room, not its parking), the site's capacity otherwise.
      const bool hub_based = basing_site_kind(capability->basing) == "candidate_hub";
      auto room = [hub_based](const CandidateSite* s) { return hub_based && s->kind == "airfield" ? s->personnel_capacity : s->capacity; };
      std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::make_pair(!is_hub(sites[a]), -room(sites[a])) < std::make_pair(!is_hub(sites[b]), -room(sites[b]));
      });
      for (const std::size_t i : order) ranked.emplace_back(i, 0.0);
    }
    // Positions in rank order; when the line needs more units than sites, later positions stack
    // on the ranked sites while capacity lasts (they add presence, not coverage).
    int placed = 0;
    for (int round = 0; placed < line->quantity && !ranked.empty(); ++round) {
      bool any = false;
      for (const auto& [index, marginal] : ranked) {
        if (placed == line->quantity) break;
        const auto* site = sites[index];
        const SiteNeed need = need_at(site);
        if (!site_has_room(*site, need, used)) continue;
        add_position(plan, *line, site, reach, round == 0 ? marginal : 0.0, used, need);
        ++placed, any = true;
      }
      if (!any) break;
    }
    result.placed = placed;
    plan.lines.push_back(std::move(result));
  }
  report.unit = fmt::format("sum over {} covering lines of the covered share", solved);
  report.stats.objective = objective;
  report.stats.bound = bound;
  report.stats.relative_gap = plan::relative_gap(objective, bound);
  report.stats.status = proven == solved ? plan::SolveStatus::Optimal : plan::SolveStatus::TimeLimit;
  report.stats.proved_by = proofs.method();
  report.stats.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  report.note = fmt::format("{} positions placed; {} of {} covering models proven optimal ({})", plan.positions.size(),
                            proven, solved, proofs.describe());
  return report;
}

}  // namespace guarantor::planner::detail
