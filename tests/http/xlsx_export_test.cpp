// Spreadsheet exports (XLSX): each is the caller's cut of the API route it mirrors (a liaison
// never gets a pledge the JSON list hides), with the CSV exports' columns plus `illustrative`,
// ILLUSTRATIVE at the head of each printed page when the data is, and no text cell that a
// spreadsheet would run as a formula. The files are read back as the ZIP archives they are.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <regex>
#include <set>
#include <thread>

#include "http_fixture.hpp"
#include "xlsx_reader.hpp"
#include "xlsx_workbook.hpp"

namespace guarantor::testing {
namespace {

using nlohmann::json;

// The text of every shared string (the sheets' text cells), unescaped.
std::vector<std::string> shared_strings(const std::map<std::string, std::string>& parts) {
  std::vector<std::string> out;
  const std::string& xml = parts.at("xl/sharedStrings.xml");
  const std::regex text(R"(<t(?: [^>]*)?>([^<]*)</t>)");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), text); it != std::sregex_iterator(); ++it) {
    std::string value = (*it)[1];
    for (const auto& [entity, plain] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}})
      for (std::size_t at; (at = value.find(entity)) != std::string::npos;) value.replace(at, std::string(entity).size(), plain);
    out.push_back(value);
  }
  return out;
}

std::size_t rows_in(const std::string& sheet_xml) {
  std::size_t rows = 0;
  for (std::size_t at = 0; (at = sheet_xml.find("<row ", at)) != std::string::npos; ++at) ++rows;
  return rows;
}

bool holds(const std::vector<std::string>& strings, const std::string& text) {
  return std::find(strings.begin(), strings.end(), text) != strings.end();
}

class XlsxExports : public HttpTest {
protected:
  static std::map<std::string, std::string> workbook(const httplib::Result& answer) {
    EXPECT_EQ(answer->get_header_value("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    return unzip(answer->body);
  }
};

TEST(XlsxWorkbook, TextThatASpreadsheetWouldRunStaysText) {
  EXPECT_EQ(server::formula_neutral("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
  for (const std::string text : {"+1", "-x", "@SUM(A1)", "\tx", "\rx"}) EXPECT_EQ(server::formula_neutral(text), "'" + text) << text;
  EXPECT_EQ(server::formula_neutral("FR-1"), "FR-1");
  const auto parts = unzip(server::xlsx_workbook({{"Sheet", {"a", "b"}, {{"=1+1", -3}, {"plain", nullptr}}}}, "t", ""));
  const auto strings = shared_strings(parts);
  EXPECT_TRUE(holds(strings, "'=1+1")) << parts.at("xl/sharedStrings.xml");
  const std::string& sheet = parts.at("xl/worksheets/sheet1.xml");
  EXPECT_EQ(sheet.find("<f>"), std::string::npos) << "no formula cell";
  EXPECT_NE(sheet.find("<v>-3</v>"), std::string::npos) << "numbers stay numbers: " << sheet;
  EXPECT_EQ(sheet.find("ILLUSTRATIVE"), std::string::npos) << "no label without a note";
  EXPECT_THROW(server::xlsx_workbook({{"bad[name]", {"a"}, {}}}, "t", ""), std::runtime_error);
}

TEST_P(XlsxExports, PledgesAreTheCallersCutLabelledIllustrative) {
  auto client = server_->client();
  // France shares only totals: Germany's liaison gets no French pledge, in JSON or XLSX.
  const json nations = json_of(client.Get("/api/v1/nations", as("secretariat"))).at("items");
  const auto france = std::find_if(nations.begin(), nations.end(), [](const json& n) { return n.at("iso2") == "FR"; });
  ASSERT_NE(france, nations.end());
  ASSERT_EQ(client.Put("/api/v1/nations/FR/sharing", as("liaison.fr", {{"If-Match", fmt::format("\"{}\"", france->at("version").get<int>())}}),
                       R"({"sharing":"aggregate"})", "application/json")->status, 200);
  for (const std::string user : {"secretariat", "liaison.de"}) {
    const json list = json_of(client.Get("/api/v1/pledges?limit=1000", as(user)));
    const auto answer = client.Get("/api/v1/pledges.xlsx", as(user));
    ASSERT_EQ(answer->status, 200) << answer->body;
    EXPECT_EQ(answer->get_header_value("Content-Disposition"), "attachment; filename=\"pledges-ILLUSTRATIVE.xlsx\"");
    const auto parts = workbook(answer);
    const auto strings = shared_strings(parts);
    EXPECT_EQ(rows_in(parts.at("xl/worksheets/sheet1.xml")), list.at("total").get<std::size_t>() + 1) << user;
    EXPECT_EQ(holds(strings, "FR-1"), user == "secretariat") << user;
    for (const auto& item : list.at("items")) EXPECT_TRUE(holds(strings, item.at("pledge").at("id").get<std::string>())) << user;
    EXPECT_TRUE(holds(strings, "illustrative") && holds(strings, "ILLUSTRATIVE")) << "the label column";
    EXPECT_NE(parts.at("xl/worksheets/sheet1.xml").find("ILLUSTRATIVE</oddHeader>"), std::string::npos) << "printed pages carry the label";
    EXPECT_NE(parts.at("docProps/core.xml").find("ILLUSTRATIVE: pledges marked illustrative"), std::string::npos);
  }
  EXPECT_EQ(client.Get("/api/v1/pledges.xlsx", as("observer"))->status, 403);
}

TEST_P(XlsxExports, GapBoardHasARowPerLineAndPledge) {
  auto client = server_->client();
  const json board = json_of(client.Get("/api/v1/gap-board", as("planner")));
  std::size_t expected = 1;
  for (const auto& phase : board.at("phases"))
    for (const auto& line : phase.at("lines")) expected += std::max<std::size_t>(1, line.at("pledges").size());
  const auto answer = client.Get("/api/v1/gap-board.xlsx", as("planner"));
  ASSERT_EQ(answer->status, 200) << answer->body;
  const auto parts = workbook(answer);
  EXPECT_EQ(rows_in(parts.at("xl/worksheets/sheet1.xml")), expected);
  const auto strings = shared_strings(parts);
  EXPECT_TRUE(holds(strings, "phase") && holds(strings, "verdict") && holds(strings, "reason"));
  EXPECT_EQ(client.Get("/api/v1/gap-board.xlsx", as("liaison.fr"))->status, 200)
      << "liaisons read the gap board as shared";
  EXPECT_EQ(client.Get("/api/v1/gap-board.xlsx", as("monitor"))->status, 403) << "monitors do not read the gap board";
}

TEST_P(XlsxExports, MovementsFollowThePlanEarliestInPlaceFirst) {
  auto client = server_->client();
  const json plan = {{"assignments",
                      {{{"unit", "U-2"}, {"nation", "DE"}, {"capability", "INF-BN"}, {"line", "R-LAND-1"}, {"arrival_day", 12}, {"ready_day", 3},
                        {"entry_day", 5}, {"entry_node", "=cmd|' /C calc'!A0"}, {"transshipment_day", -1}, {"personnel", 600}},
                       {{"unit", "U-1"}, {"nation", "FR"}, {"capability", "INF-BN"}, {"line", "R-LAND-1"}, {"arrival_day", 9}, {"ready_day", 2},
                        {"entry_day", 4}, {"entry_node", "Krakovets"}, {"transshipment_day", 6}, {"personnel", 550}}}}};
  store::PlanHeadline headline;
  headline.illustrative = true;
  const auto version = workspace_->store_plan_version(plan.dump(), json::object(), headline, "job-test", "planner");
  const std::string path = fmt::format("/api/v1/plans/{}/movements.xlsx", version.id);
  const auto answer = client.Get(path, as("host"));
  ASSERT_EQ(answer->status, 200) << answer->body;
  EXPECT_EQ(answer->get_header_value("Content-Disposition"), fmt::format("attachment; filename=\"plan-{}-movements-ILLUSTRATIVE.xlsx\"", version.id));
  const auto parts = workbook(answer);
  const std::string& sheet = parts.at("xl/worksheets/sheet1.xml");
  EXPECT_EQ(rows_in(sheet), 3u);
  const auto strings = shared_strings(parts);
  EXPECT_TRUE(holds(strings, "'=cmd|' /C calc'!A0")) << "an entry node that reads as a formula stays text";
  const auto index_of = [&](const std::string& text) { return std::find(strings.begin(), strings.end(), text) - strings.begin(); };
  EXPECT_NE(sheet.find(fmt::format(R"(<c r="A2" t="s"><v>{}</v>)", index_of("U-1"))), std::string::npos)
      << "U-1, in place on D+9, comes before U-2 (D+12): " << sheet;
  EXPECT_NE(sheet.find(fmt::format(R"(<c r="A3" t="s"><v>{}</v>)", index_of("U-2"))), std::string::npos) << sheet;
  EXPECT_EQ(client.Get(path, as("liaison.fr"))->status, 403) << "liaisons read headline figures only";
  EXPECT_EQ(client.Get("/api/v1/plans/999999/movements.xlsx", as("planner"))->status, 404);
}

TEST_P(XlsxExports, FindingsAndIncidentsOfAVersionInTwoSheets) {
  auto client = server_->client();
  const std::int64_t id = verified_version_of("x.csv", verify_fixture("reports_guarantor.csv"));
  ASSERT_NE(id, 0);
  const json version = json_of(client.Get(fmt::format("/api/v1/findings/{}", id), as("monitor")));
  const json& findings = version.at("findings").at("findings");
  std::set<std::string> incidents;
  for (const auto& finding : findings) incidents.insert(finding.at("incident").get<std::string>());

  const std::string path = fmt::format("/api/v1/findings/{}.xlsx", id);
  EXPECT_EQ(client.Get(path, as("observer"))->status, 404) << "unpublished findings do not exist for an observer";
  const auto answer = client.Get(path, as("monitor"));
  ASSERT_EQ(answer->status, 200) << answer->body;
  EXPECT_EQ(answer->get_header_value("Content-Disposition"), fmt::format("attachment; filename=\"findings-{}-ILLUSTRATIVE.xlsx\"", id))
      << "the example agreement and registry make the findings illustrative";
  const auto parts = workbook(answer);
  EXPECT_EQ(rows_in(parts.at("xl/worksheets/sheet1.xml")), findings.size() + 1);
  EXPECT_EQ(rows_in(parts.at("xl/worksheets/sheet2.xml")), incidents.size() + 1);
  EXPECT_NE(parts.at("xl/workbook.xml").find(R"(name="Incidents")"), std::string::npos);
  const auto strings = shared_strings(parts);
  for (const auto& finding : findings) {
    EXPECT_TRUE(holds(strings, finding.at("incident").get<std::string>()));
    EXPECT_TRUE(holds(strings, finding.at("grade").at("code").get<std::string>()));
    EXPECT_TRUE(holds(strings, finding.at("outcome").get<std::string>()));
  }
  EXPECT_TRUE(holds(strings, "ILLUSTRATIVE"));
}

GUARANTOR_HTTP_ON_BOTH_BACKENDS(XlsxExports);

}  // namespace
}  // namespace guarantor::testing
