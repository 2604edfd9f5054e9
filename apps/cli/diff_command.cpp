// guarantor diff: what changed between two plans (a pledge withdrawn, a caveat lifted).
#include <iostream>

#include <fmt/format.h>

#include "command_context.hpp"
#include "guarantor/core/printable.hpp"
#include "guarantor/planner/plan_diff.hpp"
#include "guarantor/planner/plan_json.hpp"

namespace guarantor::cli {

std::string read_text_file(const std::filesystem::path& path);  // check_command.cpp

namespace {
struct DiffArgs {
  std::filesystem::path before;
  std::filesystem::path after;
};
}  // namespace

void add_diff_command(CLI::App& app, CommandContext& context) {
  auto* command = app.add_subcommand("diff", "What changed between two plans: units, lines, hubs, nations, inputs.");
  auto args = std::make_shared<DiffArgs>();
  command->add_option("before", args->before, "the earlier plan.json")->required();
  command->add_option("after", args->after, "the later plan.json")->required();
  command->callback([&context, args] {
    context.run = [args] {
      const auto before = planner::plan_from_json(read_text_file(args->before), args->before.string());
      const auto after = planner::plan_from_json(read_text_file(args->after), args->after.string());
      const auto changes = planner::diff_plans(before, after);
      for (const auto& c : changes)
        std::cout << fmt::format("{:<13} {:<28} {} -> {}\n", c.kind, printable(c.subject),
                                 c.before.empty() ? "(none)" : printable(c.before),
                                 c.after.empty() ? "(none)" : printable(c.after));
      std::cout << fmt::format("{} changes\n", changes.size());
      return 0;
    };
  });
}

}  // namespace guarantor::cli
