// Helpers shared by the stages.
#include <fmt/format.h>

#include "guarantor/core/date.hpp"
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
  const std::map<std::string, double>* table = nullptr;
  if (site_kind == "airfield") table = &params.airfield_resource;
  if (site_kind == "port") table = &params.port_resource;
  if (!table) return capability.personnel.value;
  const auto it = table->find(capability.code);
  if (it == table->end())
    throw Error(ErrorCode::Schema, fmt::format("parameters.json /site_resource/{}", site_kind),
                fmt::format("no entry for {}, which is based at {}s; add its per-unit share of the site's capacity",
                            capability.code, site_kind));
  return it->second;
}

int phase_gate_day(const model::Mandate& mandate, model::Phase phase) {
  const auto* gate = mandate.find_phase(phase);
  return gate ? gate->opens_day : 0;
}

std::optional<long> phase_start(const model::Scenario& scenario, model::Phase phase) {
  const auto as_of = parse_iso_date(scenario.as_of);
  if (!as_of) return std::nullopt;
  return *as_of + phase_gate_day(scenario.mandate, phase);
}

}  // namespace guarantor::planner::detail
