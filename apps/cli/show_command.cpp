// guarantor show: the offline theatre page (map, APP-6 symbols, force-generation gap tables).
#include <iostream>

#include <fmt/format.h>

#include "command_context.hpp"
#include "guarantor/force/force_generation.hpp"
#include "guarantor/io/output_file.hpp"
#include "guarantor/report/theatre_page.hpp"

namespace guarantor::cli {

namespace {
struct ShowArgs {
  std::filesystem::path scenario;
  std::filesystem::path out = "out/theatre.html";
  std::int64_t min_place_population = report::PageOptions{}.min_place_population;
};
}  // namespace

void add_show_command(CLI::App& app, CommandContext& context) {
  auto* command = app.add_subcommand("show", "Write the offline HTML theatre page with the force-generation picture.");
  auto args = std::make_shared<ShowArgs>();
  command->add_option("scenario", args->scenario, "scenario manifest; default: the built-in default scenario");
  command->add_option("--out", args->out, "HTML file to write")->capture_default_str();
  command->add_option("--min-population", args->min_place_population, "smallest host-country place drawn")
      ->capture_default_str();
  command->callback([&context, args] {
    context.run = [&context, args] {
      io::OutputSet outputs(args->out.parent_path());  // a bad --out fails here, before any work
      const auto path = args->scenario.empty() ? context.default_scenario : args->scenario;
      const auto scenario = io::load_scenario(path, context.load_options());
      const auto result = force::generate_force(scenario);
      report::PageOptions options;
      options.asset_dir = context.asset_dir;
      options.min_place_population = args->min_place_population;
      outputs.add(args->out.filename().string(), report::render_theatre_page(scenario, result, options));
      outputs.publish();
      std::cout << fmt::format("wrote {}{}\n", args->out.string(),
                               result.illustrative ? " (ILLUSTRATIVE PLEDGES)" : "");
      return 0;
    };
  });
}

}  // namespace guarantor::cli
