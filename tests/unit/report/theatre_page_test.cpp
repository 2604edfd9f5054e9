// The theatre page's content, from the hand-made sample scenario. Library files are small
// stand-ins, so these tests do not need the npm packages; the browser test uses the real ones.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "guarantor/core/error.hpp"
#include "guarantor/report/theatre_page.hpp"
#include "sample_scenario.hpp"

namespace guarantor::report {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class TheatrePage : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    asset_dir_ = fs::temp_directory_path() / ("guarantor_report_page_" + std::to_string(::getpid()));
    fs::create_directories(asset_dir_ / "leaflet/dist");
    fs::create_directories(asset_dir_ / "milsymbol/dist");
    std::ofstream(asset_dir_ / "leaflet/dist/leaflet.js") << "/* leaflet stand-in */";
    std::ofstream(asset_dir_ / "leaflet/dist/leaflet.css") << "/* leaflet css stand-in */";
    std::ofstream(asset_dir_ / "milsymbol/dist/milsymbol.js") << "/* milsymbol stand-in */";
  }
  static void TearDownTestSuite() { fs::remove_all(asset_dir_); }

  static std::string render(bool illustrative = true) {
    PageOptions options;
    options.asset_dir = asset_dir_;
    return render_theatre_page(testing::make_sample_scenario(illustrative), testing::make_sample_force(illustrative),
                               options);
  }

  // The JSON document the map script reads, parsed back.
  static json embedded_data(const std::string& page) {
    const std::string open = "<script type=\"application/json\" id=\"guarantor-data\">";
    const std::size_t begin = page.find(open);
    EXPECT_NE(begin, std::string::npos);
    const std::size_t end = page.find("</script>", begin);
    return json::parse(page.substr(begin + open.size(), end - begin - open.size()));
  }

  static std::size_t occurrences(const std::string& text, const std::string& needle) {
    std::size_t count = 0;
    for (std::size_t pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++count;
    return count;
  }

  static inline fs::path asset_dir_;
};

TEST_F(TheatrePage, EmbedsEveryLayer) {
  const std::string page = render();
  const json data = embedded_data(page);
  ASSERT_EQ(data["countries"].size(), 6U);
  const auto country = [&](const std::string& iso2) {
    return *std::find_if(data["countries"].begin(), data["countries"].end(),
                         [&](const json& c) { return c["iso2"] == iso2; });
  };
  EXPECT_EQ(country("UA")["role"], "host");
  EXPECT_EQ(country("PL")["role"], "neighbour_nato");
  EXPECT_EQ(country("RU")["coords"].size(), 1U) << "the part near the Pacific is outside the frame";
  ASSERT_EQ(data["regions"].size(), 4U);
  EXPECT_EQ(data["regions"][2]["iso"], "UA-63");
  EXPECT_EQ(data["regions"][2]["name_uk"], "Харківська область");
  ASSERT_EQ(data["areas"].size(), 1U);
  EXPECT_EQ(data["areas"][0]["as_of"], "2025-03-18");
  EXPECT_FALSE(data["areas"][0]["source"].get<std::string>().empty());

  // Host places >= 20,000 (six), places abroad >= 100,000 (Warsaw).
  std::vector<std::string> places;
  for (const json& place : data["places"]) places.push_back(place["name"]);
  EXPECT_EQ(places.size(), 7U);
  EXPECT_NE(std::find(places.begin(), places.end(), "Warsaw"), places.end());
  EXPECT_EQ(std::find(places.begin(), places.end(), "Smallville"), places.end());
  EXPECT_EQ(std::find(places.begin(), places.end(), "Smalltown Abroad"), places.end());
  EXPECT_TRUE(data["places"][0]["capital"].get<bool>());

  ASSERT_EQ(data["sites"].size(), 14U);
  const json& crossing = data["sites"][10];
  EXPECT_EQ(crossing["kind"], "border_crossing");
  EXPECT_TRUE(crossing["gauge_change"].get<bool>());
  EXPECT_EQ(data["sites"][1]["status"], "occupied");

  ASSERT_EQ(data["pledges"].size(), 9U);
  EXPECT_EQ(data["pledges"][0]["sidc"], "10031000161211020000");
  EXPECT_EQ(data["pledges"][0]["quantity"], 2);
  EXPECT_EQ(data["pledges"][0]["nation"], "FR");
  EXPECT_EQ(data["pledges"][0]["caveats"][0], "when: peace_deal");
  EXPECT_EQ(data["pledges"][8]["position"], json::array({2.35, 48.86})) << "no staging: drawn at the nation's home";

  // Initial view: Ukraine's bounds with the default 3 degree margin.
  EXPECT_EQ(data["view"], json::array({19.15, 41.4, 43.1, 55.35}));
  EXPECT_EQ(page.find("{{"), std::string::npos) << "every placeholder is filled";
}

TEST_F(TheatrePage, EscapesEveryStringFromData) {
  const std::string page = render();
  for (const char* hostile : {testing::HOSTILE_PLACE, testing::HOSTILE_SITE, testing::HOSTILE_ATTRIBUTION})
    EXPECT_EQ(page.find(hostile), std::string::npos) << hostile;
  EXPECT_EQ(page.find("window.__pwned=3</script>"), std::string::npos);
  EXPECT_NE(page.find("<li>Test data &lt;script&gt;window.__pwned=3&lt;/script&gt; &amp; friends</li>"),
            std::string::npos);
  EXPECT_NE(page.find("Hand-made test theatre &lt;b&gt;not&lt;/b&gt; real data"), std::string::npos);
  // In the embedded JSON the names survive exactly, for the script to escape when it draws them.
  const json data = embedded_data(page);
  EXPECT_EQ(data["places"][5]["name"], testing::HOSTILE_PLACE);
  EXPECT_EQ(data["sites"][4]["name"], testing::HOSTILE_SITE);
  EXPECT_EQ(data["attributions"][2], testing::HOSTILE_ATTRIBUTION);
  // Exactly the page's own scripts end a <script> element: data cannot close one early.
  EXPECT_EQ(occurrences(page, "</script>"), 6U);
}

TEST_F(TheatrePage, IllustrativeBannerIffAnyPledgeIsIllustrative) {
  EXPECT_NE(render(true).find("id=\"g-illustrative\""), std::string::npos);
  EXPECT_NE(render(true).find("ILLUSTRATIVE PLEDGES"), std::string::npos);
  EXPECT_EQ(render(false).find("ILLUSTRATIVE PLEDGES"), std::string::npos);
}

TEST_F(TheatrePage, GapTablesListEveryRequirementLine) {
  const std::string page = render();
  EXPECT_EQ(occurrences(page, "class=\"g-gap-row "), 7U);
  EXPECT_EQ(occurrences(page, "data-status=\"covered\""), 4U);
  EXPECT_EQ(occurrences(page, "data-status=\"partial\""), 2U);
  EXPECT_EQ(occurrences(page, "data-status=\"missing\""), 1U);
  EXPECT_EQ(occurrences(page, "class=\"g-summary-row\""), 2U);
  EXPECT_NE(page.find("data-line=\"R-AD-1\" data-status=\"missing\""), std::string::npos);
  EXPECT_NE(page.find("DE-1 needs condition us_backstop, which the scenario does not meet"), std::string::npos);
  EXPECT_NE(page.find("<i>condition unmet</i>"), std::string::npos);
  EXPECT_NE(page.find("<b>RO</b>&nbsp;&times;1"), std::string::npos);
  EXPECT_NE(page.find("<td class=\"g-shortfall\">740</td>"), std::string::npos);
  EXPECT_NE(page.find("Long-range air defence battery"), std::string::npos);
}

TEST_F(TheatrePage, FailedStreamIsAnOutputError) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  PageOptions options;
  options.asset_dir = asset_dir_;
  try {
    write_theatre_page(out, testing::make_sample_scenario(), testing::make_sample_force(), options);
    FAIL() << "expected guarantor::Error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::OutputFailed);
    EXPECT_EQ(error.where(), "theatre page");
  }
}

TEST_F(TheatrePage, WritesTheSamePageItRenders) {
  std::ostringstream out;
  PageOptions options;
  options.asset_dir = asset_dir_;
  write_theatre_page(out, testing::make_sample_scenario(), testing::make_sample_force(), options);
  EXPECT_EQ(out.str(), render());
}

}  // namespace
}  // namespace guarantor::report
