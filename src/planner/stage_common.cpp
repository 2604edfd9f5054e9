// Helpers shared by the stages.
#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "stages.hpp"

namespace guarantor::planner::detail {

plan::SolveStats closed_form(double value, double seconds) {
  plan::SolveStats stats;
  stats.objective = value;
  stats.bound = value;
  stats.relative_gap = 0.0;
  stats.wall_seconds = seconds;
  stats.status = plan::SolveStatus::Optimal;
  stats.proved_by = plan::ProofMethod::Trivial;
  return stats;
}

double site_resource(const PlannerParameters& params, const model::Capability& capability, std::string_view site_kind) {
  // A hub-based unit at an airfield hub takes no aircraft parking (its personnel counts against
  // the airfield's personnel room: site_need).
  if (site_kind == "airfield" && capability.basing != model::Basing::Airfield) return 0.0;
  const std::map<std::string, double>* table = nullptr;
  if (site_kind == "airfield") table = &params.airfield_resource;
  if (site_kind == "port") table = &params.port_resource;
  if (site_kind == "rail_junction") table = &params.rail_junction_resource;
  if (!table) return capability.personnel.value;
  const auto it = table->find(capability.code);
  if (it == table->end())
    throw Error(ErrorCode::Schema, fmt::format("parameters.json /site_resource/{}", site_kind),
                fmt::format("no entry for {}, which is based at {}s; add its per-unit share of the site's capacity",
                            capability.code, site_kind));
  return it->second;
}

SiteNeed site_need(const PlannerParameters& params, const model::Capability& capability, const CandidateSite& site) {
  if (site.kind != "airfield") return {site_resource(params, capability, site.kind), 0.0};
  return {site_resource(params, capability, site.kind), capability.personnel.value};
}

std::string personnel_key(std::string_view site_id) { return fmt::format("{}|personnel", site_id); }

bool site_has_room(const CandidateSite& site, const SiteNeed& need, const std::map<std::string, double>& used) {
  auto taken = [&used](const std::string& key) {
    const auto it = used.find(key);
    return it == used.end() ? 0.0 : it->second;
  };
  if (taken(site.site_id) + need.resource > site.capacity) return false;
  // An airfield's personnel room; plans without it recorded (-1) are not limited.
  return site.kind != "airfield" || site.personnel_capacity < 0 ||
         taken(personnel_key(site.site_id)) + need.personnel <= site.personnel_capacity;
}

namespace {
// Cost rank of a proof: a closed form is cheapest, a branch-and-cut on the full MILP the costliest.
int cost_rank(plan::ProofMethod method) {
  switch (method) {
    case plan::ProofMethod::None: return 0;
    case plan::ProofMethod::Trivial: return 1;
    case plan::ProofMethod::LpBound: return 2;
    case plan::ProofMethod::LagrangianBound: return 3;
    case plan::ProofMethod::LagrangianBranchAndBound: return 4;
    case plan::ProofMethod::LagrangianReductionCbc: return 5;
    case plan::ProofMethod::Cbc: return 6;
    case plan::ProofMethod::ExternalMilp: return 7;
  }
  return 0;
}
}  // namespace

void ProofTally::add(const plan::SolveStats& stats) {
  if (stats.status != plan::SolveStatus::Optimal) ++unproven_;
  else ++count_[stats.proved_by];
}

plan::ProofMethod ProofTally::method() const {
  if (unproven_ > 0) return plan::ProofMethod::None;
  plan::ProofMethod costliest = plan::ProofMethod::Trivial;
  for (const auto& [method, n] : count_)
    if (cost_rank(method) > cost_rank(costliest)) costliest = method;
  return costliest;
}

std::string ProofTally::describe() const {
  std::string text;
  for (const auto& [method, n] : count_) text += fmt::format("{}{} by {}", text.empty() ? "" : ", ", n, plan::to_string(method));
  if (unproven_ > 0) text += fmt::format("{}{} unproven", text.empty() ? "" : ", ", unproven_);
  return text.empty() ? "no model solved" : text;
}

int phase_gate_day(const model::Mandate& mandate, model::Phase phase) {
  const auto* gate = mandate.find_phase(phase);
  return gate ? gate->opens_day : 0;
}

}  // namespace guarantor::planner::detail
