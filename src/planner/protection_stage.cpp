// Stage: force protection, after the schedule (it needs arrival days). Measures every site in
// Ukraine where units are against the protection lines (protection.json) and reports, per line,
// the sites not covered from their first arrival with the days uncovered.
#include <chrono>

#include <fmt/format.h>

#include "guarantor/planner/protection.hpp"
#include "stages.hpp"

namespace guarantor::planner::detail {

StageReport run_protection(const StageContext& context, Plan& plan) {
  const auto started = std::chrono::steady_clock::now();
  auto [sites, lines] = measure_protection(context.scenario, context.params.protection, plan,
                                           context.params.movement.route_detour_factor);
  plan.protection = std::move(sites);
  plan.protection_lines = std::move(lines);
  int covered = 0, total = 0, met = 0;
  for (const auto& line : plan.protection_lines) covered += line.covered, total += line.sites, met += line.status == LineStatus::Met;
  StageReport report;
  report.stage = "protection";
  report.sense = "max";
  report.unit = "site-lines covered from first arrival";
  report.method = "measurement: air-defence, surgery (road or rotary-wing MEDEVAC) and escort footprints against arrival days";
  report.note = fmt::format("{} sites in Ukraine hold units; {} of {} site-lines covered from first arrival; {} of {} protection lines met",
                            plan.protection.size(), covered, total, met, plan.protection_lines.size());
  report.stats = closed_form(covered, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
  return report;
}

}  // namespace guarantor::planner::detail
