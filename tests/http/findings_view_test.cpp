// The monitoring page's reads at scale: GET /api/v1/findings/{id}/summary and /findings. Every
// figure of the summary and every page of the list is recomputed here from the whole findings
// document (GET /api/v1/findings/{id}) under the same filters, on both back ends.
#include <chrono>
#include <cmath>
#include <numbers>
#include <set>
#include <thread>

#include "http_fixture.hpp"

namespace guarantor::testing {
namespace {

using nlohmann::json;

// Reports on 24 days around the energy moratorium's window (from 18 March 2025, 30 days), from
// three claimants, at places spread over the theatre: findings with every outcome, several
// parties and grades, and incidents far enough apart to stay apart.
std::string spread_reports_csv() {
  std::string csv =
      "id,date,outlet,claimant,claimed_actor,category,target_kind,weapon_class,place,admin1,lon,lat,"
      "location_uncertainty_m,fatalities,description\n";
  const char* outlets[][3] = {{"Ministry of Defence of Ukraine", "UA", "RU"},
                              {"Ministry of Defence of the Russian Federation", "RU", "UA"},
                              {"Reuters", "", "RU"}};
  for (int i = 0; i < 48; ++i) {
    const auto& [outlet, claimant, actor] = outlets[i % 3];
    csv += fmt::format(
        "v{},2025-{:02}-{:02},{},{},{},strike,power_generation_transmission,drone,,,{:.4f},{:.4f},500,0,"
        "\"Strike on a substation {}\"\n",
        i, 3 + (i / 2) / 31, 1 + (10 + i / 2) % 31, outlet, claimant, actor, 24.0 + 0.31 * i, 46.5 + 0.11 * (i % 37),
        i);
  }
  return csv;
}

bool passes_filter(const json& finding, const std::map<std::string, std::string>& filter) {
  const auto wanted = [&](const std::string& key) {
    const auto found = filter.find(key);
    return found == filter.end() ? std::string() : found->second;
  };
  const std::string date = finding.value("date", "");
  const std::string grade = finding.at("grade").value("code", "");
  if (!wanted("provision").empty() && finding.at("provision") != wanted("provision")) return false;
  if (!wanted("outcome").empty() && finding.at("outcome") != wanted("outcome")) return false;
  if (!wanted("grade").empty() && grade != wanted("grade")) return false;
  if (!wanted("incident").empty() && finding.at("incident") != wanted("incident")) return false;
  if (!wanted("from").empty() && date < wanted("from")) return false;
  if (!wanted("until").empty() && date > wanted("until")) return false;
  if (!wanted("party").empty()) {
    const json& claims = finding.at("claims");
    const bool unclaimed = claims.empty() && wanted("party") == "independent";
    if (!unclaimed && !claims.contains(wanted("party"))) return false;
  }
  return true;
}

std::vector<std::string> claiming_parties(const json& finding) {
  std::vector<std::string> parties;
  for (const auto& [party, claim] : finding.at("claims").items()) parties.push_back(party);
  if (parties.empty()) parties.emplace_back("independent");
  return parties;
}

int severity_of(const json& finding) {
  const std::string outcome = finding.at("outcome");
  return outcome == "violation" ? 0 : outcome == "undetermined" ? 1 : 2;
}

void bump(json& counts, const std::string& key, const std::string& outcome) {
  if (!counts.contains(key)) counts[key] = {{"violation", 0}, {"undetermined", 0}, {"no_violation", 0}};
  counts[key][outcome] = counts[key][outcome].get<int>() + 1;
}

std::string query_of(const std::map<std::string, std::string>& filter) {
  std::string out;
  for (const auto& [key, value] : filter) out += fmt::format("{}{}={}", out.empty() ? "?" : "&", key, value);
  return out;
}

class FindingsViewApi : public HttpTest {
protected:
  // One findings version of the spread reports per back end, verified by the first case.
  std::int64_t spread_version() {
    static std::map<Backend, std::int64_t> made;
    if (const auto found = made.find(GetParam()); found != made.end()) return found->second;
    return made[GetParam()] = verified_version_of("spread.csv", spread_reports_csv());
  }

  // Spoils or mends the stored document of `version` behind the server's back (a leading "x"
  // makes it no JSON), so a read that uses the document rather than a kept index fails.
  void spoil_document(std::int64_t version, bool spoiled) {
    const std::string text = spoiled ? "'x' || findings_json" : "substr(findings_json, 2)";
    ASSERT_EQ(db_->run_sql(fmt::format("UPDATE findings_version SET findings_json = {} WHERE id = {}", text, version)),
              "");
  }
  json whole_document(std::int64_t version) {
    auto client = server_->client();
    return json_of(client.Get(fmt::format("/api/v1/findings/{}", version), as("monitor"))).at("findings");
  }
};

TEST_P(FindingsViewApi, SummaryCountsAreThoseOfTheWholeDocumentUnderEachFilter) {
  const auto version = spread_version();
  const json document = whole_document(version);
  const json& all = document.at("findings");
  ASSERT_GT(all.size(), 20u);
  std::set<std::string> outcomes_seen, parties_seen, grades_seen;
  for (const json& finding : all) {
    outcomes_seen.insert(finding.at("outcome").get<std::string>());
    grades_seen.insert(finding.at("grade").value("code", ""));
    for (const auto& party : claiming_parties(finding)) parties_seen.insert(party);
  }
  ASSERT_GE(outcomes_seen.size(), 2u) << "the reports straddle the moratorium's window";
  ASSERT_GE(parties_seen.size(), 3u);
  std::vector<std::map<std::string, std::string>> filters = {
      {},
      {{"from", "2025-03-15"}, {"until", "2025-03-25"}},
      {{"provision", all.at(0).at("provision").get<std::string>()}}};
  for (const auto& outcome : outcomes_seen) filters.push_back({{"outcome", outcome}});
  for (const auto& party : parties_seen) filters.push_back({{"party", party}});
  for (const auto& grade : grades_seen) filters.push_back({{"grade", grade}, {"outcome", "violation"}});

  auto client = server_->client();
  for (const auto& filter : filters) {
    const auto result =
        client.Get(fmt::format("/api/v1/findings/{}/summary{}", version, query_of(filter)), as("observer"));
    ASSERT_EQ(result->status, 404) << "unpublished versions are the monitors' own";
    const auto asked =
        client.Get(fmt::format("/api/v1/findings/{}/summary{}", version, query_of(filter)), as("monitor"));
    ASSERT_EQ(asked->status, 200) << asked->body;
    const json summary = json_of(asked);
    json by_outcome = {{"violation", 0}, {"undetermined", 0}, {"no_violation", 0}};
    json by_provision = json::object(), by_party = json::object(), by_grade = json::object(), by_day = json::object();
    std::map<std::pair<std::string, std::string>, json> pairs;
    std::map<std::string, json> points;  // incident -> {lon, lat, date, worst, findings}
    std::set<std::string> incidents;
    int passing = 0;
    for (const json& finding : all) {
      if (!passes_filter(finding, filter)) continue;
      ++passing;
      const std::string outcome = finding.at("outcome");
      const std::string date = finding.value("date", "");
      by_outcome[outcome] = by_outcome[outcome].get<int>() + 1;
      bump(by_provision, finding.at("provision").get<std::string>(), outcome);
      bump(by_grade, finding.at("grade").value("code", ""), outcome);
      if (!date.empty()) bump(by_day, date, outcome);
      for (const auto& party : claiming_parties(finding)) {
        bump(by_party, party, outcome);
        json& pair = pairs[{finding.at("provision").get<std::string>(), party}];
        if (pair.is_null())
          pair = {{"findings", 0},
                  {"outcomes", {{"violation", 0}, {"undetermined", 0}, {"no_violation", 0}}},
                  {"actors", json::object()},
                  {"days", json::object()}};
        pair["findings"] = pair["findings"].get<int>() + 1;
        pair["outcomes"][outcome] = pair["outcomes"][outcome].get<int>() + 1;
        if (finding.at("claims").contains(party))
          for (const auto& [actor, count] : finding.at("claims").at(party).at("claimed_actors").items())
            pair["actors"][actor] = pair["actors"].value(actor, 0) + count.get<int>();
        if (date.empty()) continue;
        json& day = pair["days"][date];
        if (day.is_null()) day = {{"findings", 0}, {"worst", outcome}};
        day["findings"] = day["findings"].get<int>() + 1;
        if (severity_of(finding) < severity_of(json{{"outcome", day["worst"]}})) day["worst"] = outcome;
      }
      incidents.insert(finding.at("incident").get<std::string>());
      json& point = points[finding.at("incident").get<std::string>()];
      if (point.is_null())
        point = {{"lon", finding.at("position").at(0)},
                 {"lat", finding.at("position").at(1)},
                 {"date", date},
                 {"worst", outcome},
                 {"findings", 0}};
      if (!finding.value("area", "").empty()) {
        point["area"] = finding.at("area");
        point["area_name"] = finding.at("area_name");
      }
      point["findings"] = point["findings"].get<int>() + 1;
      if (severity_of(finding) < severity_of(json{{"outcome", point["worst"]}})) point["worst"] = outcome;
    }
    const std::string label = query_of(filter);
    EXPECT_EQ(summary.at("findings"), passing) << label;
    EXPECT_EQ(summary.at("incidents"), incidents.size()) << label;
    EXPECT_EQ(summary.at("total_findings"), all.size());
    EXPECT_EQ(summary.at("agreement"), document.at("agreement"));
    EXPECT_EQ(summary.at("by_outcome"), by_outcome) << label;
    EXPECT_EQ(summary.at("by_provision"), by_provision) << label;
    EXPECT_EQ(summary.at("by_party"), by_party) << label;
    EXPECT_EQ(summary.at("by_grade"), by_grade) << label;
    EXPECT_EQ(summary.at("by_day"), by_day) << label;
    ASSERT_EQ(summary.at("by_provision_party").size(), pairs.size()) << label;
    for (const json& pair : summary.at("by_provision_party")) {
      json expected = pairs.at({pair.at("provision").get<std::string>(), pair.at("party").get<std::string>()});
      expected["provision"] = pair.at("provision");
      expected["party"] = pair.at("party");
      EXPECT_EQ(pair, expected) << label;
    }
    const json& map = summary.at("map");
    EXPECT_FALSE(map.at("aggregated")) << label;
    EXPECT_EQ(map.at("incidents"), points.size()) << label;
    EXPECT_EQ(map.at("cells"), json::array());
    ASSERT_EQ(map.at("points").size(), points.size()) << label;
    for (json point : map.at("points")) {
      const std::string incident = point.at("incident");
      point.erase("incident");
      EXPECT_EQ(point, points.at(incident)) << label << " " << incident;
    }
    const json& choices = summary.at("choices");
    EXPECT_EQ(choices.at("parties").get<std::set<std::string>>(), parties_seen);
    EXPECT_EQ(choices.at("provisions").size(), document.at("provisions").size());
  }
}

// Past `max_points` incidents the map answers cells of 48 screen pixels at the asked zoom (Web
// Mercator), each with its incidents' count, mean position, bounds and most serious outcome;
// a bounding box keeps the incidents inside it.
TEST_P(FindingsViewApi, MapAggregatesIncidentsIntoCellsByZoomPastMaxPoints) {
  const auto version = spread_version();
  const json all = whole_document(version).at("findings");
  std::map<std::string, std::pair<std::array<double, 2>, int>> incidents;  // incident -> position, severity
  for (const json& finding : all) {
    auto entry = incidents
                     .try_emplace(finding.at("incident").get<std::string>(),
                                  std::array<double, 2>{finding.at("position").at(0), finding.at("position").at(1)},
                                  severity_of(finding))
                     .first;
    entry->second.second = std::min(entry->second.second, severity_of(finding));
  }
  auto client = server_->client();
  for (const int zoom : {3, 6, 9}) {
    const json map = json_of(client.Get(fmt::format("/api/v1/findings/{}/summary?zoom={}&max_points=5", version, zoom),
                                        as("monitor")))
                         .at("map");
    ASSERT_TRUE(map.at("aggregated")) << map.dump();
    EXPECT_EQ(map.at("points"), json::array());
    std::map<std::pair<long, long>, std::vector<std::string>> cells;
    for (const auto& [incident, entry] : incidents) {
      const double world = 256.0 * std::pow(2.0, zoom);
      const double lat = entry.first[1] * std::numbers::pi / 180.0;
      const double x = (entry.first[0] + 180.0) / 360.0 * world;
      const double y = (1.0 - std::log(std::tan(lat) + 1.0 / std::cos(lat)) / std::numbers::pi) / 2.0 * world;
      cells[{std::lround(std::floor(x / 48.0)), std::lround(std::floor(y / 48.0))}].push_back(incident);
    }
    ASSERT_EQ(map.at("cells").size(), cells.size()) << "zoom " << zoom;
    std::size_t at = 0;
    for (const auto& [key, members] : cells) {
      const json& cell = map.at("cells").at(at++);
      double lon = 0, lat = 0;
      int worst = 3;
      for (const auto& member : members) {
        lon += incidents.at(member).first[0] / static_cast<double>(members.size());
        lat += incidents.at(member).first[1] / static_cast<double>(members.size());
        worst = std::min(worst, incidents.at(member).second);
        EXPECT_GE(incidents.at(member).first[0], cell.at("bounds").at(0).get<double>());
        EXPECT_LE(incidents.at(member).first[1], cell.at("bounds").at(3).get<double>());
      }
      EXPECT_EQ(cell.at("incidents"), members.size()) << "zoom " << zoom;
      EXPECT_NEAR(cell.at("lon").get<double>(), lon, 1e-9);
      EXPECT_NEAR(cell.at("lat").get<double>(), lat, 1e-9);
      const std::array<const char*, 3> outcome_names{"violation", "undetermined", "no_violation"};
      EXPECT_EQ(cell.at("worst"), outcome_names.at(worst));
    }
    // A moved map asks for its part alone.
    const json alone = json_of(client.Get(
        fmt::format("/api/v1/findings/{}/summary?zoom={}&max_points=5&only=map", version, zoom), as("monitor")));
    EXPECT_EQ(alone, json({{"map", map}}));
    if (zoom == 3) {
      EXPECT_LT(cells.size(), incidents.size()) << "a continent-wide view groups incidents";
    }
  }
  // The western half of the spread, drawn one by one.
  const json west =
      json_of(client.Get(fmt::format("/api/v1/findings/{}/summary?bbox=22,44,31,53", version), as("monitor")))
          .at("map");
  std::size_t inside = 0;
  for (const auto& [incident, entry] : incidents) inside += entry.first[0] <= 31 ? 1 : 0;
  ASSERT_GT(inside, 0u);
  EXPECT_LT(inside, incidents.size());
  EXPECT_EQ(west.at("incidents"), inside);
  EXPECT_EQ(west.at("points").size(), inside);
}

TEST_P(FindingsViewApi, PagesOfFindingsFollowThePagesOrderAndFilters) {
  const auto version = spread_version();
  const json all = whole_document(version).at("findings");
  auto client = server_->client();
  for (const std::map<std::string, std::string>& filter :
       std::vector<std::map<std::string, std::string>>{{},
                                                       {{"outcome", "violation"}},
                                                       {{"party", "RU"}, {"from", "2025-03-20"}},
                                                       {{"incident", all.at(3).at("incident").get<std::string>()}}}) {
    std::vector<json> expected;
    for (const json& finding : all)
      if (passes_filter(finding, filter)) expected.push_back(finding);
    std::stable_sort(expected.begin(), expected.end(), [](const json& a, const json& b) {
      if (severity_of(a) != severity_of(b)) return severity_of(a) < severity_of(b);
      if (a.value("date", "") != b.value("date", "")) return a.value("date", "") < b.value("date", "");
      return a.at("incident").get<std::string>() < b.at("incident").get<std::string>();
    });
    std::vector<json> paged;
    for (std::size_t offset = 0;; offset += 7) {
      auto filter_page = filter;
      filter_page["limit"] = "7";
      filter_page["offset"] = std::to_string(offset);
      const auto result =
          client.Get(fmt::format("/api/v1/findings/{}/findings{}", version, query_of(filter_page)), as("monitor"));
      ASSERT_EQ(result->status, 200) << result->body;
      const json page = json_of(result);
      EXPECT_EQ(page.at("total"), expected.size());
      EXPECT_EQ(page.at("offset"), offset);
      for (const json& item : page.at("items")) paged.push_back(item);
      if (page.at("items").size() < 7) break;
    }
    EXPECT_EQ(paged, expected) << query_of(filter);
  }
}

TEST_P(FindingsViewApi, BadQueriesAreRefusedNamingTheParameter) {
  const auto version = spread_version();
  auto client = server_->client();
  for (const auto& [query, where] :
       std::vector<std::pair<std::string, std::string>>{{"outcome=guilty", "?outcome"},
                                                        {"provision=no-such-provision", "?provision"},
                                                        {"from=20-03-2025", "?from"},
                                                        {"until=2025-3-1", "?until"},
                                                        {"zoom=23", "?zoom"},
                                                        {"zoom=x", "?zoom"},
                                                        {"max_points=3001", "?max_points"},
                                                        {"bbox=1,2,3", "?bbox"},
                                                        {"bbox=30,50,20,45", "?bbox"},
                                                        {"bbox=a,b,c,d", "?bbox"},
                                                        {"only=counts", "?only"}}) {
    for (const char* route : {"summary", "findings"}) {
      if (std::string(route) == "findings" &&
          (where == "?zoom" || where == "?max_points" || where == "?bbox" || where == "?only"))
        continue;
      const auto result = client.Get(fmt::format("/api/v1/findings/{}/{}?{}", version, route, query), as("monitor"));
      ASSERT_EQ(result->status, 400) << query << ": " << result->body;
      EXPECT_EQ(json_of(result).at("where"), where) << query;
      EXPECT_NE(json_of(result).at("message").get<std::string>().find("expected"), std::string::npos) << result->body;
    }
  }
  EXPECT_EQ(client.Get("/api/v1/findings/999999/summary", as("monitor"))->status, 404);
  EXPECT_EQ(client.Get("/api/v1/findings/999999/findings", as("monitor"))->status, 404);
}

// The first view of a large version waited seconds for its index to be built from the document
// (11.9 s for 60 MiB under load); verify jobs now index the version they store, and a starting
// server the newest version. The stored document is spoiled before the first read, so only a
// kept index can answer it.
TEST_P(FindingsViewApi, VersionsAreIndexedWhenStoredAndAtStartBeforeTheirFirstRead) {
  std::string csv = spread_reports_csv();
  csv +=
      "indexed-1,2025-03-20,Reuters,,RU,strike,power_generation_transmission,drone,,,30.5000,50.4500,500,0,"
      "\"Strike on a substation near Kyiv\"\n";
  const auto version = verified_version_of("indexed.csv", csv);
  const auto expected = json_of(server_->client().Get(fmt::format("/api/v1/findings/{}", version), as("monitor")));
  const auto findings_in_document = expected.at("findings").at("findings").size();
  ASSERT_GT(findings_in_document, 20u);
  const auto read_summary = [&] {
    const auto result = server_->client().Get(fmt::format("/api/v1/findings/{}/summary", version), as("monitor"));
    EXPECT_EQ(result->status, 200) << result->body;
    return json_of(result);
  };

  spoil_document(version, true);
  EXPECT_EQ(read_summary().at("total_findings"), findings_in_document);
  const auto page =
      json_of(server_->client().Get(fmt::format("/api/v1/findings/{}/findings?limit=5", version), as("monitor")));
  EXPECT_EQ(page.at("total"), findings_in_document);
  EXPECT_EQ(page.at("items").size(), 5u);

  // A new server knows no index: it builds the newest version's at start, from the document.
  spoil_document(version, false);
  server_ = std::make_unique<RunningServer>(*workspace_, *base_);
  server_->server->wait_for_start_indexing();
  spoil_document(version, true);
  EXPECT_EQ(read_summary().at("total_findings"), findings_in_document);

  // Without the start's index, the first read meets the spoiled document and says so.
  server_ = std::make_unique<RunningServer>(*workspace_, *base_);
  server_->server->wait_for_start_indexing();
  const auto refused = server_->client().Get(fmt::format("/api/v1/findings/{}/summary", version), as("monitor"));
  EXPECT_GE(refused->status, 400) << refused->body;
  EXPECT_NE(refused->body.find(fmt::format("findings version {}", version)), std::string::npos) << refused->body;
  spoil_document(version, false);
}

GUARANTOR_HTTP_ON_BOTH_BACKENDS(FindingsViewApi);

}  // namespace
}  // namespace guarantor::testing
