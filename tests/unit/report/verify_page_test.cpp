// The verifier page with hostile report text: it must stay one intact page, draw its data and
// run its script without errors.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <gtest/gtest.h>

#include "guarantor/report/verify_page.hpp"
#include "synthetic_reports.hpp"

namespace guarantor::report {
namespace {

const std::filesystem::path FIXTURES = std::filesystem::path(GUARANTOR_TEST_FIXTURES_DIR) / "verify";
const std::filesystem::path DATA = GUARANTOR_TEST_DATA_DIR;

std::filesystem::path hostile_reports(const std::filesystem::path& dir) {
  const auto path = dir / "hostile.csv";
  std::ofstream out(path);
  out << "id,date,outlet,claimant,claimed_actor,category,target_kind,weapon_class,place,admin1,lon,lat,"
         "location_uncertainty_m,fatalities,description\n"
      << "h1,2025-03-20T02:10:00Z,\"<!--<script>alert(1)</script>\",UA,RU,strike,power_generation_transmission,drone,"
         "\"Kharkiv' onmouseover='x\",,36.2304,49.9935,,0,\"</script><!--<script>document.body.innerHTML=''\"\n";
  return path;
}

verify::VerifyResult run_with(const std::vector<std::filesystem::path>& files) {
  verify::VerifyRequest request;
  request.report_files = files;
  request.agreement = DATA / "agreements" / "default_agreement.json";
  request.source_registry = DATA / "sources" / "source_registry.json";
  return verify::run_verify(request);
}

std::string data_block(const std::string& page) {
  const std::string open = "<script type=\"application/json\" id=\"verify-data\">";
  const auto from = page.find(open);
  const auto to = page.find("</script>", from);
  if (from == std::string::npos || to == std::string::npos) return {};
  return page.substr(from + open.size(), to - from - open.size());
}

TEST(VerifyPage, HostileTextCannotEndOrCommentOutTheDataBlock) {
  const auto dir = std::filesystem::temp_directory_path() / "verify_page_test";
  std::filesystem::create_directories(dir);
  std::ostringstream page;
  write_verify_page(run_with({FIXTURES / "reports_guarantor.csv", hostile_reports(dir)}), page);
  const std::string block = data_block(page.str());
  ASSERT_FALSE(block.empty());
  EXPECT_EQ(block.find('<'), std::string::npos) << "a '<' in the data block can open <!-- or close the element";
  EXPECT_EQ(block.find('>'), std::string::npos);
  // The text survives, escaped: JSON.parse gives it back unchanged.
  EXPECT_NE(block.find("\\u003c!--\\u003cscript\\u003ealert(1)"), std::string::npos);
  EXPECT_EQ(page.str().find("<script>alert"), std::string::npos);
}

TEST(VerifyPage, RendersInHeadlessChromiumWithoutConsoleErrors) {
  const auto dir = std::filesystem::temp_directory_path() / "verify_page_test";
  std::filesystem::create_directories(dir);
  const auto page = dir / "report.html";
  {
    std::ofstream out(page);
    write_verify_page(run_with({hostile_reports(dir)}), out);
  }
  std::ostringstream text;
  text << std::ifstream(page).rdbuf();
  EXPECT_EQ(text.str().find("http://"), text.str().find("http://www.w3.org/2000/svg")) << "no network references";
  EXPECT_EQ(text.str().find("https://"), std::string::npos);
  const char* browser = nullptr;
  for (const char* candidate : {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"})
    if (std::filesystem::exists(candidate)) browser = candidate;
  if (browser == nullptr) GTEST_SKIP() << "no Chromium installed; the page was written to " << page;
  const auto dom = dir / "dom.html";
  const auto log = dir / "console.txt";
  const std::string command = std::string(browser) +
                              " --headless --no-sandbox --disable-gpu --enable-logging=stderr --v=0 --dump-dom file://" +
                              page.string() + " > " + dom.string() + " 2> " + log.string();
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  std::ostringstream dom_text, console;
  dom_text << std::ifstream(dom).rdbuf();
  console << std::ifstream(log).rdbuf();
  EXPECT_NE(dom_text.str().find("energy_moratorium_2025"), std::string::npos) << "the tables were drawn";
  EXPECT_NE(dom_text.str().find("&lt;!--&lt;script&gt;alert(1)"), std::string::npos)
      << "the hostile outlet is shown as text in the incident panel";
  EXPECT_EQ(console.str().find("Uncaught"), std::string::npos) << console.str();
  EXPECT_EQ(console.str().find("CONSOLE"), std::string::npos) << console.str();
}

// A strip of occupied land east of Kharkiv, as --line-of-contact would give it.
geo::MultiPolygon contact_strip() {
  return geo::MultiPolygon({geo::Polygon{{{37.0, 48.0}, {37.0, 50.5}, {38.5, 50.5}, {38.5, 48.0}, {37.0, 48.0}}, {}}});
}

// Runs Chromium on `page` and returns the DOM its script left, with the console in `console`.
std::string rendered_dom(const std::filesystem::path& page, std::string& console) {
  const char* browser = nullptr;
  for (const char* candidate : {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"})
    if (std::filesystem::exists(candidate)) browser = candidate;
  if (browser == nullptr) return {};
  const auto dom = page.parent_path() / (page.stem().string() + ".dom.html");
  const auto log = page.parent_path() / (page.stem().string() + ".console.txt");
  const std::string command =
      std::string(browser) + " --headless --no-sandbox --disable-gpu --enable-logging=stderr --v=0 --dump-dom file://" +
      page.string() + " > " + dom.string() + " 2> " + log.string();
  if (std::system(command.c_str()) != 0) return {};
  std::ostringstream dom_text, console_text;
  dom_text << std::ifstream(dom).rdbuf();
  console_text << std::ifstream(log).rdbuf();
  console = console_text.str();
  return dom_text.str();
}

std::size_t band_count(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
  return count;
}

TEST(VerifyPage, BandsAroundTheLineOfContactOnlyWhenALineIsGiven) {
  const verify::VerifyResult result = run_with({FIXTURES / "reports_guarantor.csv"});
  const geo::MultiPolygon strip = contact_strip();
  VerifyPageOptions with_line;
  with_line.occupied_area = &strip;
  with_line.occupied_area_source = "strip.geojson";
  std::ostringstream banded, plain;
  write_verify_page(result, banded, with_line);
  write_verify_page(result, plain);
  // The agreement's buffer zone (15 km) and its three pull-back distances, from the data.
  const nlohmann::json layers = nlohmann::json::parse(data_block(banded.str()))["layers"];
  ASSERT_TRUE(layers.contains("bands"));
  std::vector<std::pair<std::string, double>> bands;
  for (const auto& band : layers["bands"]) bands.emplace_back(band["kind"], band["distance_m"]);
  const std::vector<std::pair<std::string, double>> expected{
      {"buffer", 15000}, {"pullback", 50000}, {"pullback", 75000}, {"pullback", 150000}};
  EXPECT_EQ(bands, expected);
  EXPECT_NE(banded.str().find("function bandPolygons("), std::string::npos) << "web/band_geometry.js is embedded";
  EXPECT_EQ(banded.str().find("export function"), std::string::npos) << "as a classic script, not a module";
  EXPECT_FALSE(nlohmann::json::parse(data_block(plain.str()))["layers"].contains("bands"));
  EXPECT_EQ(plain.str().find("function bandPolygons("), std::string::npos);

  // Drawn by the page as filled areas with a legend entry each; none without a line.
  const auto dir = std::filesystem::temp_directory_path() / "verify_page_test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "banded.html") << banded.str();
  std::ofstream(dir / "plain.html") << plain.str();
  std::string console;
  const std::string dom = rendered_dom(dir / "banded.html", console);
  if (dom.empty()) GTEST_SKIP() << "no Chromium to render " << dir / "banded.html";
  EXPECT_EQ(console.find("Uncaught"), std::string::npos) << console;
  EXPECT_EQ(band_count(dom, "class=\"band buffer\""), 1u) << dom.substr(0, 2000);
  EXPECT_EQ(band_count(dom, "class=\"band pullback\""), 3u);
  EXPECT_EQ(band_count(dom, "class=\"band-item\""), 4u) << "one legend entry per band";
  EXPECT_NE(dom.find("buffer zone: 15 km from the line of contact (full_ceasefire_buffer_zone)"), std::string::npos);
  EXPECT_NE(dom.find("pull-back of mlrs: 75 km from the line of contact (full_ceasefire_pullback)"), std::string::npos);
  // The widest band is drawn first, so each narrower one shows over it.
  EXPECT_LT(dom.find("data-distance-m=\"150000\""), dom.find("data-distance-m=\"15000\""));
  EXPECT_NE(dom.find("first report, started the incident"), std::string::npos) << "the incident panel says why";
  const std::string plain_dom = rendered_dom(dir / "plain.html", console);
  EXPECT_EQ(band_count(plain_dom, "class=\"band "), 0u);
  EXPECT_NE(plain_dom.find("energy_moratorium_2025"), std::string::npos) << "the page still drew";
}

TEST(VerifyPage, ManyIncidentsAreAggregatedIntoCellsAndThePageStaysSmall) {
  verify::testing::SyntheticConfig config;
  config.events = 12000;
  auto synthetic = verify::testing::make_synthetic_reports(config);
  const verify::Agreement agreement = verify::load_agreement(DATA / "agreements" / "default_agreement.json");
  const verify::SourceRegistry registry = verify::load_source_registry(DATA / "sources" / "source_registry.json");
  const verify::VerifyResult result = verify::verify_reports(std::move(synthetic.reports), {}, agreement, registry, nullptr,
                                                             nullptr, verify::VerifyParams{}, nullptr);
  ASSERT_GT(result.clusters.incidents.size(), 3000u);
  std::ostringstream page;
  write_verify_page(result, page);
  const nlohmann::json data = nlohmann::json::parse(data_block(page.str()));
  EXPECT_TRUE(data["aggregated"].get<bool>());
  EXPECT_GT(data["cells"].size(), 10u);
  std::size_t total = 0;
  for (const auto& cell : data["cells"]) {
    total += cell["total"].get<std::size_t>();
    EXPECT_LE(cell["listed"].size(), 10u);
  }
  EXPECT_EQ(total, result.clusters.incidents.size()) << "every incident is counted in a cell";
  EXPECT_LE(data["incidents"].size(), 5000u);
  EXPECT_EQ(data["incident_total"].get<std::size_t>(), result.clusters.incidents.size());
  // Each listed incident says why its reports are one: its first report and every later merge.
  std::size_t merged = 0;
  for (const auto& incident : data["incidents"]) {
    EXPECT_EQ(incident["first_report"], incident["reports"][0]["id"]);
    EXPECT_EQ(incident["merge_count"].get<std::size_t>() + 1, incident["report_count"].get<std::size_t>());
    EXPECT_LE(incident["merges"].size(), 20u);
    for (const auto& merge : incident["merges"]) {
      if (merge["rule"] == "distance_gate") {
        EXPECT_LE(merge["distance_m"].get<double>(), merge["gate_m"].get<double>()) << merge.dump();
      }
      EXPECT_GE(merge["time_gap_s"].get<long long>(), 0);
      ++merged;
    }
  }
  EXPECT_GT(merged, 0u) << "the synthetic events have several reports each";
  EXPECT_LT(page.str().size(), 8u << 20) << "a page of a few MB, not hundreds";

  // Gathered a block of incidents at a time while a run judges (as `guarantor verify` writes it),
  // keeping only the findings of incidents that may be listed, the page is the same bytes.
  for (const std::size_t block : {37UL, 4096UL}) {
    VerifyPageStream stream;
    std::size_t next = 0;
    for (std::size_t first = 0; first < result.clusters.incidents.size(); first += block) {
      const std::size_t last = std::min(result.clusters.incidents.size(), first + block);
      std::vector<verify::Finding> findings;
      while (next < result.findings.size() && result.findings[next].incident < last)
        findings.push_back(result.findings[next++]);
      stream.add(result, first, last, findings);
    }
    std::ostringstream streamed;
    stream.write(result, streamed);
    EXPECT_EQ(streamed.str(), page.str()) << block;
  }
}

}  // namespace
}  // namespace guarantor::report
