#include "guarantor/planner/parameter_checks.hpp"

#include <set>

#include <fmt/format.h>

namespace guarantor::planner {

std::vector<Diagnostic> check_parameters(const model::Scenario& scenario, const PlannerParameters& params,
                                         const std::filesystem::path& planning_dir) {
  std::vector<Diagnostic> problems;
  const std::string file = (planning_dir / "parameters.json").string();
  std::set<std::string> pledged;
  for (const auto& pledge : scenario.coalition.pledges) pledged.insert(pledge.capability);
  for (const auto& code : pledged) {
    const model::Capability* capability = scenario.catalogue.find(code);
    if (capability == nullptr) continue;  // a dangling reference, reported by the loader
    const std::map<std::string, double>* table = nullptr;
    std::string_view kind;
    if (capability->basing == model::Basing::Airfield) table = &params.airfield_resource, kind = "airfield";
    if (capability->basing == model::Basing::Port) table = &params.port_resource, kind = "port";
    if (table == nullptr || table->contains(code)) continue;
    problems.push_back({ErrorCode::Reference, fmt::format("{} /site_resource/{}", file, kind),
                        fmt::format("no entry for {}, which is pledged and based at {}s; expected its per-unit share "
                                    "of a site's capacity (e.g. \"{}\": {{\"value\": 12, \"unit\": \"aircraft\", "
                                    "\"source\": \"...\"}})",
                                    code, kind, code)});
  }
  return problems;
}

}  // namespace guarantor::planner
