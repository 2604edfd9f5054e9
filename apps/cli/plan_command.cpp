// guarantor plan: the staged plan of a scenario as plan.json, plan.geojson, plan.kml and an
// offline HTML report, with each stage's objective, bound, gap and time printed.
#include <cmath>
#include <iostream>

#include <fmt/format.h>

#include "command_context.hpp"
#include "guarantor/io/output_file.hpp"
#include "guarantor/planner/parameter_checks.hpp"
#include "guarantor/planner/plan_json.hpp"
#include "guarantor/planner/planner.hpp"
#include "guarantor/planner/protection.hpp"
#include "guarantor/report/figures_table.hpp"
#include "guarantor/report/plan_export.hpp"
#include "guarantor/report/plan_page.hpp"

namespace guarantor::cli {

namespace {
struct PlanArgs {
  std::filesystem::path scenario;
  std::filesystem::path out = "out";
  std::filesystem::path planning;
  double rotation_factor = 0.0;
};

std::string figure(double value) { return std::isfinite(value) ? fmt::format("{:.6g}", value) : std::string("-"); }

void print_stages(const planner::Plan& plan, const model::Scenario& scenario) {
  if (plan.provenance.illustrative) std::cout << "ILLUSTRATIVE PLEDGES: built from public statements, not real offers.\n";
  std::cout << fmt::format("{:<12} {:>4} {:>14} {:>14} {:>9} {:>9}  {}\n", "stage", "sense", "objective", "bound", "gap",
                           "seconds", "status");
  for (const auto& s : plan.stages)
    std::cout << fmt::format("{:<12} {:>4} {:>14} {:>14} {:>8.4f}% {:>9.3f}  {} ({})\n", s.stage, s.sense,
                             figure(s.stats.objective), figure(s.stats.bound), 100 * s.stats.relative_gap,
                             s.stats.wall_seconds, plan::to_string(s.stats.status), s.note);
  int met = 0;
  for (const auto& line : plan.lines) met += line.status == planner::LineStatus::Met;
  std::cout << fmt::format("lines: {} of {} covered by pledges ({}); {} of {} met by the plan ({})\n",
                           force::lines_covered_by_pledges(scenario), scenario.mandate.requirements.size(),
                           force::COVERED_DEFINITION, met, plan.lines.size(), force::MET_DEFINITION);
  std::cout << fmt::format("{} units assigned, {} stay home; personnel, mandate's last phase:\n", plan.assignments.size(),
                           plan.unassigned.size());
  for (const auto& line : force::figure_lines(plan.rotation.figures))
    std::cout << fmt::format("  {:<22} {:>8g}  {}\n", line.label, line.value, line.definition);
}
}  // namespace

void add_plan_command(CLI::App& app, CommandContext& context) {
  auto* command = app.add_subcommand("plan", "Plan the force: hubs, coverage, units to positions, arrival, rotation, gaps.");
  auto args = std::make_shared<PlanArgs>();
  command->add_option("scenario", args->scenario, "scenario manifest; default: the built-in default scenario");
  command->add_option("--out", args->out, "output directory for plan.json, plan.geojson, plan.kml, plan.html")
      ->capture_default_str();
  command->add_option("--planning", args->planning,
                      "directory with parameters.json, movement.json, sizing_anchors.json (default: data/planning)");
  command->add_option("--rotation-factor", args->rotation_factor,
                      "units needed per unit deployed (default: the mandate's, rule of thirds = 3)")
      ->check(CLI::Range(1.0, 10.0));
  command->callback([&context, args] {
    context.run = [&context, args] {
      io::OutputSet outputs(args->out);  // a bad --out fails here, before any planning
      const auto path = args->scenario.empty() ? context.default_scenario : args->scenario;
      const auto planning = args->planning.empty() ? context.planning_dir : args->planning;
      const auto scenario = io::load_scenario(path, context.load_options());
      const auto params = planner::load_parameters(planning);
      // Gaps between the scenario and the parameters stop the run here, with their location,
      // not half-way through planning.
      if (auto gaps = planner::check_parameters(scenario, params, planning); !gaps.empty())
        throw Error(std::move(gaps));
      const auto anchors = report::load_sizing_anchors(planning / "sizing_anchors.json");
      planner::PlannerOptions options;
      options.rotation_factor_override = args->rotation_factor;
      options.generator = context.generator;
      const auto plan = planner::make_plan(scenario, params, options);
      // The outputs draw the plan's forward operating sites too.
      const auto planned = planner::scenario_with_plan_sites(scenario, plan);
      // The four files are published together: a failure leaves the previous set whole.
      outputs.add("plan.json", planner::plan_to_json(plan));
      outputs.add("plan.geojson", report::plan_to_geojson(plan, planned));
      outputs.add("plan.kml", report::plan_to_kml(plan, planned));
      report::PageOptions page;
      page.asset_dir = context.asset_dir;
      outputs.add("plan.html", report::render_plan_page(plan, planned, anchors, page));
      outputs.publish();
      print_stages(plan, scenario);
      std::cout << fmt::format("wrote plan.json, plan.geojson, plan.kml and plan.html in {}\n", args->out.string());
      return 0;
    };
  });
}

}  // namespace guarantor::cli
