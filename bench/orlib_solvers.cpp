// Benchmark of the planner's optimisation cores on public instances. Per instance it prints the
// objective, bound, gap to the published optimum and wall time, then the same for CBC on the
// textbook MILP run alternately in the same process, and the ratio of times-to-proven-optimum.
// A result counts only when verified: the objective is recomputed from the returned solution and
// must equal the published optimum, with the bound proving it.
#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "guarantor/core/error.hpp"
#include "guarantor/plan/max_covering.hpp"
#include "guarantor/plan/p_median.hpp"
#include "pmed_reader.hpp"
#include "sjc_reader.hpp"

namespace {

using guarantor::plan::SolveOptions;
using guarantor::plan::SolveStats;
using guarantor::plan::SolveStatus;

// Relative tolerance when comparing an objective with a published optimum printed to 3 decimals.
constexpr double PUBLISHED_TOLERANCE = 1e-6;

struct Run {
  SolveStats stats;
  bool verified = false;  // objective recomputed from the solution equals it, and is optimal
};

// One instance: a solver under test and the textbook baseline, each returning a verified run.
struct Workload {
  std::string name;
  double optimum = 0;
  std::function<Run(const SolveOptions&)> ours;
  std::function<Run(const SolveOptions&)> baseline;
};

struct Settings {
  double limit_s = 600;
  double baseline_limit_s = 60;
  int repeats = 1;
  std::vector<std::string> suites = {"pmed", "sjc"};
  std::string only;
};

bool matches(double value, double optimum) {
  return std::abs(value - optimum) <= PUBLISHED_TOLERANCE * std::max(1.0, std::abs(optimum));
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

std::vector<Workload> pmed_workloads(const nlohmann::json& best_known, const std::filesystem::path& root) {
  std::vector<Workload> workloads;
  for (int number = 1; number <= 40; ++number) {
    const std::string name = fmt::format("pmed{}", number);
    const std::filesystem::path path = root / best_known.at(name).at("file").get<std::string>();
    if (!std::filesystem::exists(path)) continue;
    auto instance = std::make_shared<guarantor::plan::PMedianInstance>(guarantor::orlib::read_pmed(path.string()));
    const double optimum = best_known.at(name).at("optimum").get<double>();
    auto verify = [instance, optimum](const guarantor::plan::PMedianResult& result) {
      const double recomputed = guarantor::plan::p_median_cost(*instance, result.solution.open_sites);
      return Run{result.stats, result.solution.open_sites.size() == instance->p() &&
                                   matches(recomputed, result.stats.objective) && matches(recomputed, optimum) &&
                                   result.stats.status == SolveStatus::Optimal};
    };
    workloads.push_back({name, optimum,
                         [instance, verify](const SolveOptions& options) {
                           return verify(guarantor::plan::solve_p_median(*instance, options));
                         },
                         [instance, verify](const SolveOptions& options) {
                           return verify(guarantor::plan::solve_p_median_textbook_milp(*instance, options));
                         }});
  }
  return workloads;
}

std::vector<Workload> sjc_workloads(const nlohmann::json& best_known, const std::filesystem::path& root) {
  std::vector<Workload> workloads;
  for (const auto& [name, entry] : best_known.at("instances").items()) {
    if (entry.at("problem") != "maximal-covering") continue;
    const std::filesystem::path path = root / entry.at("file").get<std::string>();
    if (!std::filesystem::exists(path)) continue;
    const std::size_t p = entry.at("p").get<std::size_t>();
    auto instance = std::make_shared<guarantor::plan::CoveringInstance>(
        guarantor::orlib::read_sjc(path.string(), entry.at("radius_m").get<double>()));
    const double optimum = entry.at("optimum").get<double>();
    auto verify = [instance, optimum, p](const guarantor::plan::CoveringResult& result) {
      const double recomputed = guarantor::plan::covered_weight(*instance, result.solution.open_sites);
      return Run{result.stats, result.solution.open_sites.size() <= p && matches(recomputed, result.stats.objective) &&
                                   matches(recomputed, optimum) && result.stats.status == SolveStatus::Optimal};
    };
    workloads.push_back({name, optimum,
                         [instance, verify, p](const SolveOptions& options) {
                           return verify(guarantor::plan::solve_max_covering(*instance, p, options));
                         },
                         [instance, verify, p](const SolveOptions& options) {
                           return verify(guarantor::plan::solve_max_covering_textbook_milp(*instance, p, options));
                         }});
  }
  return workloads;
}

struct Summary {
  int instances = 0, verified = 0, baseline_over_second = 0, faster_where_it_matters = 0;
  std::vector<double> ratios;
};

void run_workload(const Workload& workload, const Settings& settings, Summary& summary) {
  SolveOptions ours_options, baseline_options;
  ours_options.time_limit_s = settings.limit_s;
  baseline_options.time_limit_s = settings.baseline_limit_s;
  std::vector<double> ours_times, baseline_times;
  Run ours, baseline;
  bool ours_ok = true, baseline_ok = true;
  // Alternate the two so drift in machine load affects both alike.
  for (int repeat = 0; repeat < settings.repeats; ++repeat) {
    ours = workload.ours(ours_options);
    if (settings.baseline_limit_s > 0) baseline = workload.baseline(baseline_options);
    ours_ok = ours_ok && ours.verified;
    baseline_ok = baseline_ok && baseline.verified;
    ours_times.push_back(ours.stats.wall_seconds);
    baseline_times.push_back(baseline.stats.wall_seconds);
  }
  ++summary.instances;
  const double ours_median = median(ours_times), baseline_median = median(baseline_times);
  const double gap_to_best = (ours.stats.objective - workload.optimum) / std::max(1.0, std::abs(workload.optimum));
  std::string ratio = settings.baseline_limit_s > 0 ? "n/a" : "skipped";
  if (ours_ok && settings.baseline_limit_s > 0) {
    if (baseline_ok) {
      const double value = baseline_median / std::max(ours_median, 1e-6);
      summary.ratios.push_back(value);
      ratio = fmt::format("{:.2f}x", value);
    } else {
      // The baseline did not prove optimality within its cap: the ratio is a lower bound.
      ratio = fmt::format(">{:.2f}x", settings.baseline_limit_s / std::max(ours_median, 1e-6));
    }
  }
  if (ours_ok) {
    ++summary.verified;
    if (settings.baseline_limit_s > 0 && (!baseline_ok || baseline_median > 1.0)) {
      ++summary.baseline_over_second;
      if (ours_median < baseline_median) ++summary.faster_where_it_matters;
    }
  }
  fmt::print("{:<18} {:>13.3f} {:>13.3f} {:>9.2e} {:>8.3f} {:>8.3f} {:>8.3f} {:>8.3f} {:>24} {:>5} | {:>9.3f} {:>11} {:>8} {:>9}",
             workload.name, ours.stats.objective, ours.stats.bound, gap_to_best, ours_median,
             ours.stats.phases.heuristic, ours.stats.phases.bound, ours.stats.phases.exact,
             guarantor::plan::to_string(ours.stats.proved_by), ours_ok ? "ok" : "FAIL", baseline_median,
             guarantor::plan::to_string(baseline.stats.status), baseline_ok ? "ok" : "no", ratio);
  if (settings.repeats > 1) {
    fmt::print("  ours min/max {:.3f}/{:.3f} cbc min/max {:.3f}/{:.3f}",
               *std::min_element(ours_times.begin(), ours_times.end()),
               *std::max_element(ours_times.begin(), ours_times.end()),
               *std::min_element(baseline_times.begin(), baseline_times.end()),
               *std::max_element(baseline_times.begin(), baseline_times.end()));
  }
  fmt::print("\n");
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) try {
  Settings settings;
  CLI::App app{"Planner optimisation cores on OR-Library/SJC instances versus CBC on the textbook MILP"};
  app.add_option("--limit", settings.limit_s, "time limit per solve of ours, seconds");
  app.add_option("--baseline-limit", settings.baseline_limit_s,
                 "time limit per CBC baseline solve, seconds; 0 skips the baseline");
  app.add_option("--repeats", settings.repeats, "alternating runs per instance; medians are reported")->check(CLI::PositiveNumber);
  app.add_option("--suite", settings.suites, "suites to run: pmed, sjc");
  app.add_option("--only", settings.only, "run only instances whose name contains this text");
  CLI11_PARSE(app, argc, argv);

  std::ifstream best_known_file(GUARANTOR_BENCH_BEST_KNOWN);
  const nlohmann::json best_known = nlohmann::json::parse(best_known_file);
  const std::filesystem::path root = std::filesystem::path(GUARANTOR_BENCH_SHARED_DATA_DIR) / "orlib";
  fmt::print("Workload: solve each instance to proven optimality; baseline: CBC (default settings, one thread) "
             "on the textbook MILP, capped at {:.0f} s. ratio = baseline time / our time (> means the cap was hit).\n",
             settings.baseline_limit_s);
  fmt::print("{:<18} {:>13} {:>13} {:>9} {:>8} {:>8} {:>8} {:>8} {:>24} {:>5} | {:>9} {:>11} {:>8} {:>9}\n", "instance",
             "objective", "bound", "gap-best", "time-s", "heur-s", "bound-s", "exact-s", "proved-by", "check",
             "cbc-s", "cbc-status", "cbc-ok", "ratio");
  Summary summary;
  for (const std::string& suite : settings.suites) {
    std::vector<Workload> workloads;
    if (suite == "pmed") workloads = pmed_workloads(best_known.at("instances"), root);
    else if (suite == "sjc") workloads = sjc_workloads(best_known, root);
    else throw guarantor::Error(guarantor::ErrorCode::Usage, "--suite", fmt::format("unknown suite '{}'; expected pmed or sjc", suite));
    if (workloads.empty()) fmt::print("{}: instance files absent under {}; skipped\n", suite, root.string());
    for (const Workload& workload : workloads) {
      if (settings.only.empty() || workload.name.find(settings.only) != std::string::npos) {
        run_workload(workload, settings, summary);
      }
    }
  }
  fmt::print("\n{} instances, {} verified optimal; baseline > 1 s (or capped) on {}, ours faster on {} of those; "
             "median ratio {:.2f}x over {} instances the baseline proved\n",
             summary.instances, summary.verified, summary.baseline_over_second, summary.faster_where_it_matters,
             summary.ratios.empty() ? 0.0 : median(summary.ratios), summary.ratios.size());
  return summary.verified == summary.instances ? 0 : 1;
} catch (const guarantor::Error& error) {
  fmt::print(stderr, "{}\n", error.what());
  return 2;
}
