// Benchmark of the planner's optimisation cores on public instance files against CBC on the
// textbook MILP, run in the same process right after ours (so machine load affects both alike);
// with --baseline-solver highs, HiGHS takes CBC's place on the same model.
// One tab-separated line per instance:
//   name  objective  bound  seconds  status  baseline_objective  baseline_bound  baseline_seconds
// A line counts only when verified: the objective is recomputed from the returned solution, the
// solution is feasible, and the bound is on the right side of it; otherwise the status column
// reads "unverified" and the program exits 1. Comment lines (#) carry the header and a summary.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "cap_reader.hpp"
#include "gap_reader.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/plan/facility_location.hpp"
#include "guarantor/plan/gap_generator.hpp"
#include "guarantor/plan/generalized_assignment.hpp"
#include "guarantor/plan/max_covering.hpp"
#include "guarantor/plan/p_median.hpp"
#include "guarantor/plan/single_source_facility_location.hpp"
#include "guarantor/plan/sscflp_generator.hpp"
#include "highs_milp.hpp"
#include "pmed_reader.hpp"
#include "sjc_reader.hpp"
#include "sscflp_reader.hpp"

namespace {

namespace plan = guarantor::plan;
using guarantor::Error;
using guarantor::ErrorCode;

// Relative tolerance when comparing a reported objective with one recomputed from the solution.
constexpr double RECOMPUTE_TOLERANCE = 1e-6;

struct Run {
  Run(const plan::SolveStats& run_stats, bool run_verified, std::string run_detail = {})
      : stats(run_stats), verified(run_verified), detail(std::move(run_detail)) {}
  plan::SolveStats stats;
  bool verified = false;
  std::string detail;  // further figures of the run for its # line (e.g. the site tree's)
};

struct Workload {
  std::string name;
  std::function<Run(const plan::SolveOptions&)> ours;
  std::function<Run(const plan::SolveOptions&)> baseline;
};

struct Settings {
  std::string suite;
  std::string file;
  bool minimize = false;
  double limit_s = 60;
  double baseline_limit_s = 60;
  bool deterministic = false;
  std::uint64_t nodes = 0;
  std::optional<double> capacity;
  std::optional<double> cutoff;  // gap, minimising: solve_gap_below with this cutoff
  std::string only;
  std::vector<std::string> generate;  // gap: TYPE:M:N:SEED, sscflp: SITES:CUSTOMERS:SEED[:RATIO]
  std::string layout = "cap";         // sscflp files: cap (OR-Library) or holmberg
  std::string baseline_solver = "cbc";  // the textbook model's MILP solver: cbc or highs
};

bool close(double a, double b) { return std::abs(a - b) <= RECOMPUTE_TOLERANCE * std::max(1.0, std::abs(b)); }

// The bound must not cut off the solution: below it when minimising, above when maximising.
bool bound_consistent(const plan::SolveStats& stats, bool minimise) {
  if (!std::isfinite(stats.bound)) return true;
  return minimise ? stats.bound <= stats.objective + RECOMPUTE_TOLERANCE * std::max(1.0, std::abs(stats.objective))
                  : stats.bound >= stats.objective - RECOMPUTE_TOLERANCE * std::max(1.0, std::abs(stats.objective));
}

std::string stem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

// "D:20:400:1" → a generated instance named gen-d20400-s1 (Yagiura's naming: type, m, n).
std::pair<std::string, plan::GapInstance> generated(const std::string& spec) {
  const auto fail = [&spec] {
    return Error(ErrorCode::Usage, "--generate", fmt::format("got '{}'; expected TYPE:M:N:SEED, e.g. D:20:400:1", spec));
  };
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t colon; (colon = spec.find(':', start)) != std::string::npos; start = colon + 1) {
    parts.push_back(spec.substr(start, colon - start));
  }
  parts.push_back(spec.substr(start));
  const auto type = parts.size() == 4 ? plan::gap_type_from_string(parts[0]) : std::nullopt;
  if (!type) throw fail();
  try {
    const std::size_t agents = std::stoul(parts[1]), jobs = std::stoul(parts[2]);
    const std::uint64_t seed = std::stoull(parts[3]);
    const char letter = static_cast<char>(std::tolower(static_cast<unsigned char>(parts[0][0])));
    return {fmt::format("gen-{}{:02}{}-s{}", letter, agents, jobs, seed), plan::generate_gap(*type, agents, jobs, seed)};
  } catch (const std::logic_error&) {
    throw fail();
  }
}

std::vector<Workload> gap_workloads(const Settings& settings) {
  std::vector<plan::GapInstance> problems;
  std::vector<std::string> names;
  if (settings.generate.empty()) {
    problems = guarantor::orlib::read_gap_file(settings.file);
    for (std::size_t index = 0; index < problems.size(); ++index) {
      names.push_back(problems.size() > 1 ? fmt::format("{}-{}", stem(settings.file), index + 1) : stem(settings.file));
    }
  }
  for (const std::string& spec : settings.generate) {
    auto [name, instance] = generated(spec);
    names.push_back(std::move(name));
    problems.push_back(std::move(instance));
  }
  const plan::Sense sense = settings.minimize ? plan::Sense::Minimise : plan::Sense::Maximise;
  std::vector<Workload> workloads;
  for (std::size_t index = 0; index < problems.size(); ++index) {
    auto instance = std::make_shared<plan::GapInstance>(std::move(problems[index]));
    auto verify = [instance, sense](const plan::GapResult& result) {
      const bool minimise = sense == plan::Sense::Minimise;
      if (result.solution.agent_of_job.empty()) return Run{result.stats, result.stats.status != plan::SolveStatus::Optimal};
      return Run{result.stats, plan::gap_feasible(*instance, result.solution) &&
                                   close(plan::gap_cost(*instance, result.solution), result.stats.objective) &&
                                   bound_consistent(result.stats, minimise)};
    };
    const std::optional<double> cutoff = settings.cutoff;
    workloads.push_back({names[index],
                         [instance, sense, verify, cutoff](const plan::SolveOptions& options) {
                           const plan::GapResult result = cutoff ? plan::solve_gap_below(*instance, *cutoff, options)
                                                                 : plan::solve_gap(*instance, sense, options);
                           Run run = verify(result);
                           run.detail = fmt::format(
                               " tree_nodes={} trees={} rising_trees={} bound_raises={} primal_before_trees={}",
                               result.tree.nodes, result.tree.trees, result.tree.rising_trees, result.tree.bound_raises,
                               result.tree.primal_before_trees ? 1 : 0);
                           return run;
                         },
                         [instance, sense, verify](const plan::SolveOptions& options) {
                           return verify(plan::solve_gap_textbook_milp(*instance, sense, options));
                         }});
  }
  return workloads;
}

std::vector<std::string> split(const std::string& spec) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t colon; (colon = spec.find(':', start)) != std::string::npos; start = colon + 1) {
    parts.push_back(spec.substr(start, colon - start));
  }
  parts.push_back(spec.substr(start));
  return parts;
}

// "200:1000:1" or "200:1000:1:2.5" → gen-ss200x1000-s1 (ratio appended when given).
std::pair<std::string, plan::FacilityLocationInstance> generated_sscflp(const std::string& spec) {
  const std::vector<std::string> parts = split(spec);
  const auto fail = [&spec] {
    return Error(ErrorCode::Usage, "--generate",
                 fmt::format("got '{}'; expected SITES:CUSTOMERS:SEED[:RATIO], e.g. 200:1000:1", spec));
  };
  if (parts.size() < 3 || parts.size() > 4) throw fail();
  try {
    const std::size_t sites = std::stoul(parts[0]), customers = std::stoul(parts[1]);
    const std::uint64_t seed = std::stoull(parts[2]);
    const double ratio = parts.size() == 4 ? std::stod(parts[3]) : plan::SSCFLP_DEFAULT_CAPACITY_RATIO;
    std::string name = fmt::format("gen-ss{}x{}-s{}", sites, customers, seed);
    if (parts.size() == 4) name += "-r" + parts[3];
    return {name, plan::generate_single_source_cflp(sites, customers, seed, ratio)};
  } catch (const std::logic_error&) {
    throw fail();
  }
}

std::vector<Workload> sscflp_workloads(const Settings& settings) {
  std::vector<std::pair<std::string, plan::FacilityLocationInstance>> problems;
  if (settings.generate.empty()) {
    if (settings.layout == "holmberg") {
      problems.emplace_back(stem(settings.file), guarantor::orlib::read_sscflp_holmberg(settings.file).instance);
    } else if (settings.layout == "cap") {
      const std::string name =
          settings.capacity ? fmt::format("{}-{:.0f}", stem(settings.file), *settings.capacity) : stem(settings.file);
      problems.emplace_back(name, guarantor::orlib::read_cap(settings.file, settings.capacity));
    } else {
      throw Error(ErrorCode::Usage, "--layout", fmt::format("got '{}'; expected cap or holmberg", settings.layout));
    }
  }
  for (const std::string& spec : settings.generate) problems.push_back(generated_sscflp(spec));
  std::vector<Workload> workloads;
  for (auto& [name, problem] : problems) {
    auto instance = std::make_shared<plan::FacilityLocationInstance>(std::move(problem));
    auto verify = [instance](const plan::SingleSourceResult& result) {
      const std::string tree = fmt::format(" tree_nodes={} tree_peak_open={} tree_peak_mib={:.1f}", result.tree.nodes,
                                           result.tree.peak_open_nodes,
                                           static_cast<double>(result.tree.peak_open_bytes) / (1024.0 * 1024.0));
      if (result.solution.site_of_customer.empty()) {
        return Run{result.stats, result.stats.status != plan::SolveStatus::Optimal, tree};
      }
      return Run{result.stats,
                 plan::single_source_feasible(*instance, result.solution) &&
                     close(plan::single_source_cost(*instance, result.solution), result.stats.objective) &&
                     bound_consistent(result.stats, true),
                 tree};
    };
    workloads.push_back({name,
                         [instance, verify](const plan::SolveOptions& options) {
                           return verify(plan::solve_single_source_facility_location(*instance, options));
                         },
                         [instance, verify](const plan::SolveOptions& options) {
                           return verify(plan::solve_single_source_textbook_milp(*instance, options));
                         }});
  }
  return workloads;
}

std::vector<Workload> cflp_workloads(const Settings& settings) {
  auto instance = std::make_shared<plan::FacilityLocationInstance>(
      guarantor::orlib::read_cap(settings.file, settings.capacity));
  auto verify = [instance](const plan::FacilityLocationResult& result) {
    if (result.solution.open_sites.empty()) return Run{result.stats, result.stats.status != plan::SolveStatus::Optimal};
    return Run{result.stats, close(plan::facility_location_cost(*instance, result.solution), result.stats.objective) &&
                                 bound_consistent(result.stats, true)};
  };
  const std::string name =
      settings.capacity ? fmt::format("{}-{:.0f}", stem(settings.file), *settings.capacity) : stem(settings.file);
  return {{name,
           [instance, verify](const plan::SolveOptions& options) {
             return verify(plan::solve_facility_location(*instance, options));
           },
           [instance, verify](const plan::SolveOptions& options) {
             return verify(plan::solve_facility_location_textbook_milp(*instance, options));
           }}};
}

std::vector<Workload> pmed_workloads(const Settings& settings) {
  auto instance = std::make_shared<plan::PMedianInstance>(guarantor::orlib::read_pmed(settings.file));
  auto verify = [instance](const plan::PMedianResult& result) {
    return Run{result.stats, result.solution.open_sites.size() == instance->p() &&
                                 close(plan::p_median_cost(*instance, result.solution.open_sites), result.stats.objective) &&
                                 bound_consistent(result.stats, true)};
  };
  return {{stem(settings.file),
           [instance, verify](const plan::SolveOptions& options) { return verify(plan::solve_p_median(*instance, options)); },
           [instance, verify](const plan::SolveOptions& options) {
             return verify(plan::solve_p_median_textbook_milp(*instance, options));
           }}};
}

// SJC files carry no radius or p: every configuration best_known.json lists for the file runs.
std::vector<Workload> sjc_workloads(const Settings& settings) {
  std::ifstream best_known_file(GUARANTOR_BENCH_BEST_KNOWN);
  const nlohmann::json best_known = nlohmann::json::parse(best_known_file);
  std::vector<Workload> workloads;
  for (const auto& [name, entry] : best_known.at("instances").items()) {
    if (entry.at("problem") != "maximal-covering") continue;
    if (std::filesystem::path(entry.at("file").get<std::string>()).filename() !=
        std::filesystem::path(settings.file).filename()) {
      continue;
    }
    const std::size_t p = entry.at("p").get<std::size_t>();
    auto instance = std::make_shared<plan::CoveringInstance>(
        guarantor::orlib::read_sjc(settings.file, entry.at("radius_m").get<double>()));
    auto verify = [instance, p](const plan::CoveringResult& result) {
      return Run{result.stats, result.solution.open_sites.size() <= p &&
                                   close(plan::covered_weight(*instance, result.solution.open_sites), result.stats.objective) &&
                                   bound_consistent(result.stats, false)};
    };
    workloads.push_back({name,
                         [instance, verify, p](const plan::SolveOptions& options) {
                           return verify(plan::solve_max_covering(*instance, p, options));
                         },
                         [instance, verify, p](const plan::SolveOptions& options) {
                           return verify(plan::solve_max_covering_textbook_milp(*instance, p, options));
                         }});
  }
  if (workloads.empty()) {
    throw Error(ErrorCode::Usage, settings.file, "no radius/p configuration for this file in bench/best_known.json");
  }
  return workloads;
}

// Ten significant digits: an objective of a million or more keeps its units digit (six would
// print 1234567 as 1.23457e+06), and a fractional one its gap to the bound.
std::string number(double value) {
  if (!std::isfinite(value)) return value > 0 ? "inf" : "-inf";
  return fmt::format("{:.10g}", value);
}

struct Summary {
  int instances = 0, unverified = 0, proven = 0, baseline_proven = 0, baseline_over_second = 0, ten_times_faster = 0;
  std::vector<double> ratios;
};

void run(const Workload& workload, const Settings& settings, Summary& summary) {
  plan::SolveOptions ours_options, baseline_options;
  ours_options.time_limit_s = settings.limit_s;
  ours_options.deterministic = settings.deterministic;
  ours_options.exact_nodes = settings.nodes;
  baseline_options.time_limit_s = settings.baseline_limit_s;
  if (settings.baseline_solver == "highs") baseline_options.textbook_milp_solver = guarantor::highs::milp_solver();
  const Run ours = workload.ours(ours_options);
  std::optional<Run> baseline;
  if (settings.baseline_limit_s > 0) baseline = workload.baseline(baseline_options);
  ++summary.instances;
  const bool ours_proven = ours.verified && ours.stats.status == plan::SolveStatus::Optimal;
  summary.proven += ours_proven ? 1 : 0;
  summary.unverified += ours.verified ? 0 : 1;
  std::string baseline_columns = "-\t-\t-";
  if (baseline) {
    baseline_columns = fmt::format("{}\t{}\t{:.3f}", number(baseline->stats.objective), number(baseline->stats.bound),
                                   baseline->stats.wall_seconds);
    const bool baseline_proven = baseline->verified && baseline->stats.status == plan::SolveStatus::Optimal;
    summary.baseline_proven += baseline_proven ? 1 : 0;
    if (ours_proven && (!baseline_proven || baseline->stats.wall_seconds > 1.0)) {
      // Where the baseline needs more than a second (or did not finish): the goal is 10x.
      ++summary.baseline_over_second;
      const double ratio = baseline->stats.wall_seconds / std::max(ours.stats.wall_seconds, 1e-3);
      summary.ratios.push_back(ratio);
      if (ratio >= 10) ++summary.ten_times_faster;
    }
  }
  const std::string status = ours.verified ? std::string(plan::to_string(ours.stats.status)) : "unverified";
  fmt::print("{}\t{}\t{}\t{:.3f}\t{}\t{}\n", workload.name, number(ours.stats.objective), number(ours.stats.bound),
             ours.stats.wall_seconds, status, baseline_columns);
  fmt::print("# {} proved_by={} gap={:.3g} heuristic={:.3f}s bound={:.3f}s exact={:.3f}s columns={}{}{}\n",
             workload.name, plan::to_string(ours.stats.proved_by), ours.stats.relative_gap, ours.stats.phases.heuristic,
             ours.stats.phases.bound, ours.stats.phases.exact, ours.stats.exact_columns, ours.detail,
             baseline ? fmt::format(" baseline_status={}", plan::to_string(baseline->stats.status)) : "");
  std::fflush(stdout);
}

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

}  // namespace

int main(int argc, char** argv) try {
  Settings settings;
  CLI::App app{"Planner optimisation cores on public instance files versus CBC (or HiGHS) on the textbook MILP"};
  app.add_option("--suite", settings.suite, "gap, cflp, sscflp, pmed or sjc")->required();
  app.add_option("--file", settings.file, "instance file (gap: OR-Library or single-instance layout)");
  app.add_option("--generate", settings.generate,
                 "generated instance, repeatable: gap TYPE:M:N:SEED (types C, D, E); sscflp SITES:CUSTOMERS:SEED[:RATIO]");
  app.add_option("--layout", settings.layout, "sscflp file layout: cap (OR-Library, default) or holmberg");
  app.add_flag("--minimize", settings.minimize, "gap: minimise the matrix (default: maximise it as a profit)");
  app.add_option("--limit", settings.limit_s, "wall-clock limit per solve of ours, seconds");
  app.add_option("--baseline-limit", settings.baseline_limit_s, "limit per baseline solve, seconds; 0 skips it");
  app.add_option("--baseline-solver", settings.baseline_solver,
                 "MILP solver of the textbook baseline: cbc (in this process, default) or highs (the npm package "
                 "highs under Node, single-threaded WebAssembly)");
  app.add_flag("--deterministic", settings.deterministic, "ours in deterministic mode (work limits, not time)");
  app.add_option("--nodes", settings.nodes,
                 "branch-and-bound node budget of ours (SolveOptions::exact_nodes; 0: the solver's default)");
  app.add_option("--capacity", settings.capacity, "cflp, sscflp: capacity of every site (capa/capb/capc give none)");
  app.add_option("--cutoff", settings.cutoff,
                 "gap with --minimize: seek only assignments of cost at most this (solve_gap_below), e.g. a known "
                 "optimum with --only, to time the proof alone");
  app.add_option("--only", settings.only, "run only instances whose name contains this text");
  CLI11_PARSE(app, argc, argv);
  if (settings.generate.empty() || (settings.suite != "gap" && settings.suite != "sscflp")) {
    if (settings.file.empty()) throw Error(ErrorCode::Usage, "--file", "required (gap and sscflp also take --generate)");
    if (!std::filesystem::exists(settings.file)) {
      throw Error(ErrorCode::FileNotFound, settings.file, "instance file absent; the suite cannot run");
    }
  }
  if (settings.baseline_solver != "cbc" && settings.baseline_solver != "highs") {
    throw Error(ErrorCode::Usage, "--baseline-solver",
                fmt::format("got '{}'; expected cbc or highs", settings.baseline_solver));
  }
  if (settings.baseline_solver == "highs" && settings.baseline_limit_s > 0) {
    if (const std::string missing = guarantor::highs::missing(); !missing.empty()) {
      throw Error(ErrorCode::Usage, "--baseline-solver highs", missing);
    }
  }
  if (settings.cutoff && (settings.suite != "gap" || !settings.minimize)) {
    throw Error(ErrorCode::Usage, "--cutoff", "applies to --suite gap with --minimize only");
  }
  std::vector<Workload> workloads;
  if (settings.suite == "gap") workloads = gap_workloads(settings);
  else if (settings.suite == "cflp") workloads = cflp_workloads(settings);
  else if (settings.suite == "sscflp") workloads = sscflp_workloads(settings);
  else if (settings.suite == "pmed") workloads = pmed_workloads(settings);
  else if (settings.suite == "sjc") workloads = sjc_workloads(settings);
  else throw Error(ErrorCode::Usage, "--suite", fmt::format("unknown suite '{}'; expected gap, cflp, sscflp, pmed or sjc", settings.suite));
  fmt::print("# suite={} file={} limit={}s baseline={} baseline_limit={}s deterministic={}\n", settings.suite,
             settings.file, settings.limit_s, settings.baseline_solver, settings.baseline_limit_s,
             settings.deterministic);
  fmt::print("# name\tobjective\tbound\tseconds\tstatus\tbaseline_objective\tbaseline_bound\tbaseline_seconds\n");
  Summary summary;
  for (const Workload& workload : workloads) {
    if (settings.only.empty() || workload.name.find(settings.only) != std::string::npos) run(workload, settings, summary);
  }
  if (summary.instances == 0) throw Error(ErrorCode::Usage, "--only", "no instance matched");
  fmt::print("# {} instances, {} proven optimal, {} unverified; baseline proved {}; baseline > 1 s or unproven on {}, "
             "ours >= 10x faster on {} of those; median ratio {:.2f}x\n",
             summary.instances, summary.proven, summary.unverified, summary.baseline_proven,
             summary.baseline_over_second, summary.ten_times_faster, median(summary.ratios));
  return summary.unverified == 0 ? 0 : 1;
} catch (const guarantor::Error& error) {
  fmt::print(stderr, "{}\n", error.what());
  return 2;
}
