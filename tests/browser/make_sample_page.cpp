// Writes the theatre page of the hand-made sample scenario, for the browser test. Usage:
//   make_sample_page <asset_dir> <output.html>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "guarantor/core/error.hpp"
#include "guarantor/report/theatre_page.hpp"
#include "sample_scenario.hpp"

int main(int argc, char** argv) try {
  if (argc != 3) {
    std::cerr << "usage: make_sample_page <asset_dir (node_modules)> <output.html>\n";
    return 2;
  }
  guarantor::report::PageOptions options;
  options.asset_dir = argv[1];
  const std::filesystem::path output = argv[2];
  const std::string page = guarantor::report::render_theatre_page(
      guarantor::report::testing::make_sample_scenario(), guarantor::report::testing::make_sample_force(), options);
  // Write beside the target, then rename, so a reader never sees half a page.
  const std::filesystem::path partial = output.string() + ".partial";
  {
    std::ofstream out(partial, std::ios::binary);
    out << page;
    if (!out.flush()) {
      std::cerr << partial.string() << ": cannot write\n";
      return 8;
    }
  }
  std::filesystem::rename(partial, output);
  std::cout << "wrote " << output.string() << " (" << page.size() << " bytes)\n";
  return 0;
} catch (const guarantor::Error& error) {
  for (const auto& diagnostic : error.diagnostics()) std::cerr << diagnostic.to_string() << '\n';
  return static_cast<int>(error.code());
}
