// guarantor check: re-verifies a plan.json against its scenario, independently of the solver.
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "command_context.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/core/printable.hpp"
#include "guarantor/planner/check.hpp"
#include "guarantor/planner/plan_json.hpp"

namespace guarantor::cli {

namespace {
struct CheckArgs {
  std::filesystem::path plan;
  std::filesystem::path scenario;
};

// Exit code when the plan breaks a rule: distinct from every ErrorCode, which mean bad input.
constexpr int EXIT_VIOLATIONS = 20;
}  // namespace

std::string read_text_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::FileNotFound, path.string(), "cannot be read; expected a plan.json written by guarantor plan");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void add_check_command(CLI::App& app, CommandContext& context) {
  auto* command = app.add_subcommand(
      "check", fmt::format("Re-verify a plan: caveats, capacities, coverage claims, arrivals, no unit twice "
                           "(exit {} when a rule is broken).", EXIT_VIOLATIONS));
  auto args = std::make_shared<CheckArgs>();
  command->add_option("plan", args->plan, "plan.json to check")->required();
  command->add_option("scenario", args->scenario, "the scenario it was made from; default: the built-in default scenario");
  command->callback([&context, args] {
    context.run = [&context, args] {
      const auto plan = planner::plan_from_json(read_text_file(args->plan), args->plan.string());
      const auto path = args->scenario.empty() ? context.default_scenario : args->scenario;
      const auto scenario = io::load_scenario(path, context.load_options());
      const auto violations = planner::check_plan(plan, scenario);
      for (const auto& v : violations)
        std::cout << fmt::format("{} {}: {}\n", v.rule, printable(v.subject), printable(v.message));
      std::cout << fmt::format("{}: {} assignments, {} lines checked; {} violations\n", args->plan.string(),
                               plan.assignments.size(), plan.lines.size(), violations.size());
      return violations.empty() ? 0 : EXIT_VIOLATIONS;
    };
  });
}

}  // namespace guarantor::cli
