// Benchmark: plan the default scenario (all stages), check the plan with the independent
// checker before the time counts, and print wall time, peak RSS and every stage's figures.
// Goal (issue 3): <= 10 s wall on 2 cores with every stage's gap <= 1 %.
#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>

#include <fmt/format.h>

#include "guarantor/io/scenario_loader.hpp"
#include "guarantor/planner/check.hpp"
#include "guarantor/planner/planner.hpp"

int main() {
  using namespace guarantor;
  const auto started = std::chrono::steady_clock::now();
  const auto scenario = io::load_scenario(GUARANTOR_BENCH_SCENARIO, io::LoadOptions{GUARANTOR_BENCH_ASSETS});
  const auto params = planner::load_parameters(GUARANTOR_BENCH_PLANNING);
  const auto loaded = std::chrono::steady_clock::now();
  const auto plan = planner::make_plan(scenario, params);
  const auto planned = std::chrono::steady_clock::now();
  const auto violations = planner::check_plan(plan, scenario);
  if (!violations.empty()) {
    std::fprintf(stderr, "FAIL: the plan breaks %zu rules, first: %s %s\n", violations.size(),
                 violations.front().rule.c_str(), violations.front().message.c_str());
    return 1;
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double load_s = std::chrono::duration<double>(loaded - started).count();
  const double plan_s = std::chrono::duration<double>(planned - loaded).count();
  fmt::print("workload: default scenario, {} requirement lines, {} pledges, all planner stages\n",
             scenario.mandate.requirements.size(), scenario.coalition.pledges.size());
  fmt::print("{:<12} {:>4} {:>14} {:>14} {:>10} {:>9}  {}\n", "stage", "sense", "objective", "bound", "gap", "seconds", "status");
  double worst_gap = 0;
  for (const auto& s : plan.stages) {
    worst_gap = std::max(worst_gap, s.stats.relative_gap);
    fmt::print("{:<12} {:>4} {:>14.6g} {:>14.6g} {:>9.4f}% {:>9.3f}  {}\n", s.stage, s.sense, s.stats.objective, s.stats.bound,
               100 * s.stats.relative_gap, s.stats.wall_seconds, guarantor::plan::to_string(s.stats.status));
  }
  fmt::print("load {:.3f} s, plan {:.3f} s, total {:.3f} s wall; peak RSS {} KB; worst stage gap {:.4f} %; checker: 0 violations\n",
             load_s, plan_s, load_s + plan_s, usage.ru_maxrss, 100 * worst_gap);
  fmt::print("goal: <= 10 s and every gap <= 1 %: {}\n", plan_s + load_s <= 10 && worst_gap <= 0.01 ? "met" : "NOT met");
  return 0;
}
