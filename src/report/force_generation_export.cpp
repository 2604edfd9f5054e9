#include "guarantor/report/force_generation_export.hpp"

#include "guarantor/force/figures.hpp"
#include "guarantor/force/figures_json.hpp"

#include <fmt/format.h>

#include "guarantor/io/csv_writer.hpp"

namespace guarantor::report {

namespace {
std::string join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string text;
  for (const auto& p : parts) text += (text.empty() ? "" : std::string(separator)) + p;
  return text;
}

std::vector<std::string> fillers(const force::LineResult& line) {
  std::vector<std::string> names;
  for (const auto& p : line.pledges)
    if (p.committed > 0 && !p.pledge_id.empty())
      names.push_back(fmt::format("{} {}x ({})", p.nation, p.committed, p.pledge_id));
    else if (p.committed > 0) names.push_back(fmt::format("{}x (nations sharing only totals)", p.committed));
  return names;
}
}  // namespace

nlohmann::json force_generation_to_json(const model::Scenario& scenario, const force::ForceGenerationResult& result) {
  using nlohmann::json;
  json doc;
  doc["scenario"] = {{"name", scenario.name}, {"as_of", scenario.as_of_iso()}};
  json files = json::array();
  for (const auto& f : scenario.files) files.push_back({{"role", f.role}, {"path", f.path}, {"sha256", f.sha256}});
  doc["scenario"]["files"] = files;
  doc["illustrative"] = result.illustrative;
  if (result.illustrative) doc["notice"] = "ILLUSTRATIVE: pledges are built from public statements, not real offers.";
  json phases = json::array();
  for (const auto& phase : result.phases) {
    json lines = json::array();
    for (const auto& line : phase.lines) {
      json pledges = json::array();
      for (const auto& p : line.pledges) {
        json entry = {{"pledge", p.pledge_id},
                      {"nation", p.nation},
                      {"offered", p.offered},
                      {"committed", p.committed},
                      {"verdict", force::to_string(p.verdict)},
                      {"reason", p.reason}};
        // Pledges of nations sharing only totals, summed by force::disclose: no id, no nation.
        if (p.pledge_id.empty()) {
          entry["pledge"] = nullptr;
          entry["nation"] = nullptr;
          entry["pledges"] = p.pledge_count;
        }
        pledges.push_back(std::move(entry));
      }
      lines.push_back({{"id", line.line_id}, {"capability", line.capability}, {"priority", line.priority},
                       {"required", line.required}, {"filled", line.filled}, {"shortfall", line.required - line.filled},
                       {"status", force::to_string(line.status)}, {"pledges", pledges},
                       {"gap_reasons", line.gap_reasons}});
    }
    const auto& pool = phase.rotation;
    json rotation = force::rotation_figures_json(pool.figures);
    rotation["source"] = pool.rotation_source;
    phases.push_back({{"phase", model::to_string(phase.phase)}, {"opens_day", phase.opens_day}, {"lines", lines},
                      {"rotation", rotation}});
  }
  doc["phases"] = phases;
  doc["lines_covered_by_pledges"] = force::lines_covered_by_pledges(scenario);
  // The definitions travel with the numbers (docs/planner.md, "Figures").
  json definitions = json::object();
  for (const auto& line : force::figure_lines(force::ForceFigures{})) definitions[std::string(line.label)] = line.definition;
  definitions["covered by pledges"] = force::COVERED_DEFINITION;
  doc["definitions"] = definitions;
  return doc;
}

std::string force_generation_to_csv(const model::Scenario&, const force::ForceGenerationResult& result) {
  std::string csv = "phase,line,capability,priority,required,filled,shortfall,status,filled_by,gap_reasons,illustrative\n";
  for (const auto& phase : result.phases) {
    for (const auto& line : phase.lines) {
      csv += fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", model::to_string(phase.phase), io::csv_text_field(line.line_id),
                         io::csv_text_field(line.capability), line.priority, line.required, line.filled,
                         line.required - line.filled, force::to_string(line.status),
                         io::csv_text_field(join(fillers(line), "; ")), io::csv_text_field(join(line.gap_reasons, " | ")),
                         result.illustrative ? "true" : "false");
    }
  }
  return csv;
}

}  // namespace guarantor::report
