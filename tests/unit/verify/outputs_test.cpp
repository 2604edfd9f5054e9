// The verifier's outputs are written straight into text, a chunk of records per thread: these
// tests pin that the bytes do not depend on the thread count, and that every record is exactly
// nlohmann's dump of the same value (so readers of earlier outputs read the same documents).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "guarantor/verify/outputs.hpp"
#include "guarantor/verify/pipeline.hpp"
#include "guarantor/verify/verify_json.hpp"
#include "synthetic_reports.hpp"

namespace guarantor::verify {
namespace {

std::string dumped(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A run of a few thousand findings (more than one round of chunks on any thread count), with
// outlets and origins that need escaping or replacing.
const VerifyResult& run() {
  static const VerifyResult result = [] {
    testing::SyntheticConfig config;
    config.events = 2000;
    auto synthetic = testing::make_synthetic_reports(config);
    for (std::size_t index = 0; index < synthetic.reports.size(); index += 7) {
      synthetic.reports[index].outlets.push_back("Харків \"q\" \\ bad \xff byte");
      synthetic.reports[index].origin += "\t\x01";
    }
    const auto data = std::filesystem::path(GUARANTOR_TEST_DATA_DIR);
    return verify_reports(std::move(synthetic.reports), {{"x.csv:3", "bad \"row\""}},
                          load_agreement(data / "agreements" / "default_agreement.json"),
                          load_source_registry(data / "sources" / "source_registry.json"), nullptr, nullptr,
                          VerifyParams{}, nullptr);
  }();
  return result;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

template <typename Writer>
std::string written(Writer write, unsigned threads) {
  std::ostringstream out;
  write(run(), out, threads);
  return out.str();
}

// Hands `result`'s findings to `sink` a block of `block` incidents at a time, as a run does.
void feed_in_blocks(const VerifyResult& result, std::size_t block, FindingSink& sink) {
  std::size_t next = 0;
  for (std::size_t first = 0; first < result.clusters.incidents.size(); first += block) {
    const std::size_t last = std::min(result.clusters.incidents.size(), first + block);
    std::vector<Finding> findings;
    while (next < result.findings.size() && result.findings[next].incident < last) findings.push_back(result.findings[next++]);
    sink.add(result, first, last, findings);
  }
}

TEST(Outputs, WrittenABlockOfIncidentsAtATimeTheFilesAreTheSameBytes) {
  const auto spill = std::filesystem::temp_directory_path() / "verify_outputs_test_spill";
  std::filesystem::remove_all(spill);
  std::filesystem::create_directories(spill);
  for (const std::size_t block : {61UL, 100000UL}) {
    std::ostringstream geojson_text;
    IncidentsGeojsonStream geojson(geojson_text, 3);
    feed_in_blocks(run(), block, geojson);
    geojson.finish();
    EXPECT_EQ(geojson_text.str(), written(write_incidents_geojson, 2)) << block;

    FindingsJsonStream findings(spill, 3);
    EXPECT_TRUE(std::filesystem::is_empty(spill)) << "the findings' temporary has no name: nothing is left behind";
    feed_in_blocks(run(), block, findings);
    std::ostringstream findings_text;
    findings.write(run(), findings_text);
    EXPECT_EQ(findings_text.str(), written(write_findings_json, 2)) << block;
  }
  std::filesystem::remove_all(spill);
}

TEST(Outputs, SameBytesOnOneThreadAndOnMany) {
  ASSERT_GT(run().findings.size(), 4096u) << "enough findings for several chunks per thread";
  for (unsigned threads : {2u, 3u, 8u}) {
    EXPECT_EQ(written(write_findings_json, 1), written(write_findings_json, threads)) << threads;
    EXPECT_EQ(written(write_incidents_geojson, 1), written(write_incidents_geojson, threads)) << threads;
    EXPECT_EQ(written(write_incidents_acled_csv, 1), written(write_incidents_acled_csv, threads)) << threads;
  }
}

TEST(Outputs, FindingsFileIsTheFindingsDocumentWithOneDumpedFindingPerLine) {
  const VerifyResult& result = run();
  const std::string text = written(write_findings_json, 0);
  // Compared as dumps: the document holds the invalid UTF-8 the file has replaced.
  EXPECT_EQ(dumped(nlohmann::json::parse(text)), dumped(findings_json(result)));
  std::vector<std::string> finding_lines;
  for (const std::string& line : lines_of(text))
    if (line.rfind("{\"area\":", 0) == 0)
      finding_lines.push_back(line.back() == ',' ? line.substr(0, line.size() - 1) : line);
  ASSERT_EQ(finding_lines.size(), result.findings.size());
  for (std::size_t index = 0; index < result.findings.size(); ++index)
    ASSERT_EQ(finding_lines[index], dumped(finding_to_json(result, result.findings[index]))) << "finding " << index;
}

TEST(Outputs, GeoJsonFeaturesAreTheDumpOfEachIncident) {
  const VerifyResult& result = run();
  const std::string text = written(write_incidents_geojson, 0);
  const auto document = nlohmann::json::parse(text);
  ASSERT_EQ(document.at("features").size(), result.clusters.incidents.size());
  std::vector<nlohmann::json> findings(result.clusters.incidents.size(), nlohmann::json::array());
  for (const Finding& finding : result.findings)
    findings[finding.incident].push_back(
        {{"provision", finding.provision_id}, {"outcome", to_string(finding.outcome)}});
  // Each incident's merges in the order they happened, with the rule's short name.
  std::vector<nlohmann::json> merges(result.clusters.incidents.size(), nlohmann::json::array());
  for (const MergeExplanation& merge : result.clusters.merges)
    merges[merge.incident].push_back(
        {{"report", result.reports[merge.report].id},
         {"distance_m", std::round(merge.distance_m)},
         {"gate_m", std::round(merge.gate_m)},
         {"time_gap_s", merge.time_apart_s},
         {"rule", merge.rule.rfind("same admin area", 0) == 0 ? "same_area" : "distance_gate"},
         {"candidates", merge.candidates},
         {"extent_m", std::round(merge.extent_m)},
         {"span_s", merge.span_s}});
  const std::vector<std::string> lines = lines_of(text);
  for (std::size_t index = 0; index < result.clusters.incidents.size(); ++index) {
    const Incident& incident = result.clusters.incidents[index];
    nlohmann::json properties = to_json(incident, result.reports);
    properties.erase("position");
    properties["grade"] = result.grades[index].code();
    properties["findings"] = findings[index];
    properties["first_report"] = result.reports[incident.reports.front()].id;
    properties["merges"] = merges[index];
    properties["area_name"] = incident.area_name;
    properties["precision"] = to_string(incident.precision);
    const nlohmann::json expected{
        {"type", "Feature"},
        {"geometry", {{"type", "Point"}, {"coordinates", {incident.position.lon, incident.position.lat}}}},
        {"properties", properties}};
    std::string line = lines[index + 1];
    if (line.back() == ',') line.pop_back();
    ASSERT_EQ(line, dumped(expected)) << "incident " << index;
  }
}

}  // namespace
}  // namespace guarantor::verify
