// The incidents of a findings version as their own CSV and XLSX: one row per incident with its
// most serious outcome and each provision's outcome, as the findings say; text that a
// spreadsheet would run stays text; unpublished versions exist only for monitors and the
// secretariat, as the findings they belong to.
#include <chrono>
#include <fstream>
#include <map>
#include <thread>

#include <fmt/format.h>

#include "http_fixture.hpp"
#include "xlsx_reader.hpp"

namespace guarantor::testing {
namespace {

using nlohmann::json;

// RFC 4180 records of `text` (quoted fields may hold commas, doubled quotes and line breaks).
std::vector<std::vector<std::string>> incident_csv_records(const std::string& text) {
  std::vector<std::vector<std::string>> records(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    if (quoted) {
      if (c == '"' && at + 1 < text.size() && text[at + 1] == '"') records.back().back() += text[++at];
      else if (c == '"') quoted = false;
      else records.back().back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      records.back().emplace_back();
    } else if (c == '\r' && at + 1 < text.size() && text[at + 1] == '\n') {
      ++at;
      records.emplace_back(1);
    } else {
      records.back().back() += c;
    }
  }
  if (records.back().size() == 1 && records.back().front().empty()) records.pop_back();
  return records;
}

const std::map<std::string, int> INCIDENT_SEVERITY = {{"violation", 0}, {"undetermined", 1}, {"no_violation", 2}};

class IncidentsExport : public HttpTest {
protected:
  // A findings version verified from the test fixture's reports plus one whose id reads as a
  // formula; returns its id.
  std::int64_t verified_version() {
    return verified_version_of(
        "formula.csv", verify_fixture("reports_guarantor.csv") +
                           "=HYPERLINK(1),2025-03-22,Reuters,UA,RU,strike,power_generation_transmission,drone,,,"
                           "31.0,48.0,500,0,formula id\n");
  }
};

TEST_P(IncidentsExport, OneRowPerIncidentWithItsMostSeriousOutcome) {
  const std::int64_t id = verified_version();
  auto client = server_->client();
  const json findings =
      json_of(client.Get(fmt::format("/api/v1/findings/{}", id), as("monitor"))).at("findings").at("findings");
  std::map<std::string, std::string> worst;
  std::map<std::string, std::size_t> judged;
  for (const auto& finding : findings) {
    const std::string incident = finding.at("incident");
    const std::string outcome = finding.at("outcome");
    if (!worst.contains(incident) || INCIDENT_SEVERITY.at(outcome) < INCIDENT_SEVERITY.at(worst[incident]))
      worst[incident] = outcome;
    ++judged[incident];
  }
  ASSERT_GE(worst.size(), 2u) << "the fixture makes several incidents";

  const std::string path = fmt::format("/api/v1/findings/{}/incidents.csv", id);
  EXPECT_EQ(client.Get(path, as("observer"))->status, 404) << "unpublished findings do not exist for an observer";
  EXPECT_EQ(client.Get(path, as("planner"))->status, 404);
  const auto answer = client.Get(path, as("monitor"));
  ASSERT_EQ(answer->status, 200) << answer->body;
  EXPECT_EQ(answer->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(answer->get_header_value("Content-Disposition"),
            fmt::format("attachment; filename=\"incidents-{}-ILLUSTRATIVE.csv\"", id))
      << "the example agreement and registry make the findings illustrative";
  const auto records = incident_csv_records(answer->body);
  ASSERT_FALSE(records.empty());
  const std::vector<std::string> header = {"findings_version", "incident", "date",      "longitude",    "latitude",
                                           "country",          "area",     "area_name", "most_serious", "outcomes",
                                           "reports",          "sources",  "published", "illustrative"};
  ASSERT_EQ(records.front(), header);
  ASSERT_EQ(records.size(), worst.size() + 1) << answer->body;
  bool formula_seen = false;
  for (std::size_t row = 1; row < records.size(); ++row) {
    const auto& record = records[row];
    ASSERT_EQ(record.size(), header.size()) << "row " << row;
    EXPECT_EQ(record[0], std::to_string(id));
    ASSERT_TRUE(worst.contains(record[1])) << record[1];
    EXPECT_EQ(record[8], worst.at(record[1])) << "incident " << record[1];
    std::size_t provisions = 1;
    for (const char c : record[9]) provisions += c == ';' ? 1 : 0;
    EXPECT_EQ(provisions, judged.at(record[1])) << "one outcome per finding: " << record[9];
    EXPECT_EQ(record[12], "no");
    EXPECT_EQ(record[13], "ILLUSTRATIVE");
    for (const auto& cell : record)
      EXPECT_TRUE(cell.empty() || std::string_view("=+-@\t\r").find(cell.front()) == std::string_view::npos) << cell;
    formula_seen = formula_seen || record[11].find("guarantor_csv:=HYPERLINK(1) (") != std::string::npos;
  }
  // Source ids carry their format first, so this one is text as it stands; a cell that began
  // with = + - @ would have failed the check above.
  EXPECT_TRUE(formula_seen) << "the report whose id reads as a formula is listed as text: " << answer->body;

  const auto xlsx = client.Get(fmt::format("/api/v1/findings/{}/incidents.xlsx", id), as("secretariat"));
  ASSERT_EQ(xlsx->status, 200) << xlsx->body;
  EXPECT_EQ(xlsx->get_header_value("Content-Disposition"),
            fmt::format("attachment; filename=\"incidents-{}-ILLUSTRATIVE.xlsx\"", id));
  const auto parts = unzip(xlsx->body);
  EXPECT_NE(parts.at("xl/workbook.xml").find(R"(name="Incidents")"), std::string::npos);
  std::size_t xlsx_rows = 0;
  const std::string& sheet = parts.at("xl/worksheets/sheet1.xml");
  for (std::size_t at = 0; (at = sheet.find("<row ", at)) != std::string::npos; ++at) ++xlsx_rows;
  EXPECT_EQ(xlsx_rows, worst.size() + 1);

  // Published, the incidents are everyone's, as the findings are.
  ASSERT_EQ(client.Post(fmt::format("/api/v1/findings/{}/publish", id), as("monitor"), "", "application/json")->status,
            200);
  const auto published = client.Get(path, as("observer"));
  ASSERT_EQ(published->status, 200) << published->body;
  const auto after = incident_csv_records(published->body);
  ASSERT_EQ(after.size(), records.size());
  EXPECT_EQ(after[1][12], "yes");
  EXPECT_EQ(client.Get("/api/v1/findings/999999/incidents.csv", as("monitor"))->status, 404);
}

GUARANTOR_HTTP_ON_BOTH_BACKENDS(IncidentsExport);

}  // namespace
}  // namespace guarantor::testing
