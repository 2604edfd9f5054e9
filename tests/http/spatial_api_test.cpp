// POST /api/v1/sites/search and /api/v1/findings/{id}/incidents/search over HTTP on both back
// ends: answers checked against the project's geometry on the served theatre, who may see which
// findings version, and every bad body refused with the field named and nothing written.
#include <cmath>

#include <fmt/format.h>

#include "guarantor/geo/geodesic.hpp"
#include "guarantor/store/spatial.hpp"
#include "http_fixture.hpp"

namespace guarantor::testing {
namespace {

using nlohmann::json;

// PostGIS and the project's geodesic code agree on distances to within this fraction (the store
// tests measure it against brute force); plus a metre.
constexpr double SEARCH_DISTANCE_TOLERANCE = 0.005;

class SpatialApi : public HttpTest {
protected:
  httplib::Result post(const std::string& path, const std::string& body, const std::string& user = "planner") {
    auto client = server_->client();
    return client.Post(path, as(user), body, "application/json");
  }

  // A findings version whose incidents lie where the test says: Kharkiv (UA-63), Lviv (UA-46),
  // one located only to Kharkiv oblast (its centre), and Donetsk, in the occupied area.
  std::int64_t store_findings() {
    const json findings = json::array({
        {{"incident", "I1"},
         {"position", {36.23, 49.99}},
         {"date", "2026-03-01"},
         {"country", "UA"},
         {"outcome", "violation"}},
        {{"incident", "I2"},
         {"position", {24.03, 49.84}},
         {"date", "2026-03-01"},
         {"country", "UA"},
         {"outcome", "no_violation"}},
        {{"incident", "I3"},
         {"position", {36.6, 49.6}},
         {"date", "2026-03-02"},
         {"country", "UA"},
         {"outcome", "undetermined"},
         {"reasons", {"location too coarse to judge: located only to area UA-63 (+/- 90 km); inside the zone"}}},
        {{"incident", "I4"},
         {"position", {37.80, 48.00}},
         {"date", "2026-03-03"},
         {"country", "UA (occupied area)"},
         {"outcome", "undetermined"}},
    });
    return workspace_
        ->store_findings_version(json{{"findings", findings}}.dump(), json::object(), json::object(), "job", "monitor")
        .id;
  }

  static std::vector<std::string> incident_ids(const json& answer) {
    std::vector<std::string> ids;
    for (const auto& item : answer.at("items")) ids.push_back(item.at("incident").get<std::string>());
    return ids;
  }
};

TEST_P(SpatialApi, SitesNearTheLineOfContactAreMeasuredAndOrdered) {
  const auto* occupied = base_->theatre.occupied_area();
  ASSERT_NE(occupied, nullptr);
  auto result = post("/api/v1/sites/search?limit=1000", R"({"line_of_contact": true, "min_m": 10000, "max_m": 80000})");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  const json answer = json_of(result);
  EXPECT_EQ(answer.at("measured_from"), "line_of_contact");
  ASSERT_GT(answer.at("total").get<std::size_t>(), 0U);
  EXPECT_EQ(answer.at("items").size(), answer.at("total").get<std::size_t>());
  double previous = 0;
  for (const auto& item : answer.at("items")) {
    const auto* site = base_->theatre.find_site(item.at("id").get<std::string>());
    ASSERT_NE(site, nullptr) << item.dump();
    EXPECT_EQ(item.at("name"), site->name);
    const double measured = item.at("distance_m").get<double>();
    const double own = occupied->area.distance_to_boundary(site->position).value;
    EXPECT_NEAR(measured, own, SEARCH_DISTANCE_TOLERANCE * own + 1) << site->id;
    EXPECT_GE(measured, 10000);
    EXPECT_LE(measured, 80000);
    EXPECT_GE(measured, previous) << "nearest first";
    previous = measured;
    EXPECT_EQ(item.at("negotiation_status"), "proposed");
  }
  // A page of the same answer.
  auto page = json_of(
      post("/api/v1/sites/search?limit=2&offset=1", R"({"line_of_contact": true, "min_m": 10000, "max_m": 80000})"));
  ASSERT_EQ(page.at("items").size(), std::min<std::size_t>(2, answer.at("total").get<std::size_t>() - 1));
  EXPECT_EQ(page.at("items").at(0).at("id"), answer.at("items").at(1).at("id"));
}

TEST_P(SpatialApi, SitesAroundAPointAndALineAreFiltered) {
  const geo::LonLat kyiv{30.52, 50.45};
  auto around = json_of(
      post("/api/v1/sites/search", R"({"point": [30.52, 50.45], "max_m": 300000, "kind": ["airfield"]})", "host"));
  ASSERT_GT(around.at("total").get<int>(), 0) << around.dump();
  for (const auto& item : around.at("items")) {
    EXPECT_EQ(item.at("kind"), "airfield");
    const auto* site = base_->theatre.find_site(item.at("id").get<std::string>());
    ASSERT_NE(site, nullptr);
    const double own = geo::geodesic_distance(site->position, kyiv).value;
    EXPECT_LE(own, 300000 * (1 + SEARCH_DISTANCE_TOLERANCE)) << site->id;
    EXPECT_NEAR(item.at("distance_m").get<double>(), own, 1.0) << site->id;
  }
  // Every airfield of the theatre the point's radius holds is listed.
  std::size_t within = 0;
  for (const auto& site : base_->theatre.sites)
    if (site.kind == model::SiteKind::Airfield &&
        geo::geodesic_distance(site.position, kyiv).value < 300000 * (1 - SEARCH_DISTANCE_TOLERANCE))
      ++within;
  EXPECT_GE(around.at("total").get<std::size_t>(), within);

  auto along = json_of(post(
      "/api/v1/sites/search",
      R"({"line": {"type": "LineString", "coordinates": [[22.0, 50.0], [24.0, 49.8]]}, "max_m": 120000, "country": ["PL"]})",
      "monitor"));
  EXPECT_EQ(along.at("measured_from"), "line");
  ASSERT_GT(along.at("total").get<int>(), 0) << along.dump();
  for (const auto& item : along.at("items")) {
    EXPECT_EQ(item.at("country"), "PL");
  }
}

TEST_P(SpatialApi, BadSiteSearchesNameTheFieldAndWriteNothing) {
  const auto history_before = workspace_->history().size();
  const std::pair<const char*, const char*> cases[] = {
      {R"({"line_of_contact": true, "point": [30, 50], "max_m": 1000})", "/point"},
      {R"({"max_m": 1000})", ""},
      {R"({"point": [200, 50], "max_m": 1000})", "/point"},
      {R"({"point": [30], "max_m": 1000})", "/point"},
      {R"({"point": [30, 50]})", "/max_m"},
      {R"({"point": [30, 50], "max_m": -5})", "/max_m"},
      {R"({"point": [30, 50], "max_m": "far"})", "/max_m"},
      {R"({"point": [30, 50], "max_m": 1000, "min_m": 2000})", "/min_m"},
      {R"({"point": [30, 50], "max_m": 1000, "kind": ["castle"]})", "/kind/0"},
      {R"({"point": [30, 50], "max_m": 1000, "radius_m": 5})", "/radius_m"},
      {R"({"line_of_contact": "yes", "max_m": 1000})", "/line_of_contact"},
      {R"({"line": {"type": "LineString", "coordinates": [[30, 50]]}, "max_m": 1000})", "/line/coordinates"},
      {R"({"line": {"type": "Polygon", "coordinates": []}, "max_m": 1000})", "/line/type"},
      {R"({"line": {"type": "MultiLineString", "coordinates": [[[30, 50], [31, "x"]]]}, "max_m": 1000})",
       "/line/coordinates/0/1"},
      {R"([1, 2])", ""},
  };
  for (const auto& [body, where] : cases) {
    auto result = post("/api/v1/sites/search", body);
    ASSERT_TRUE(result) << body;
    EXPECT_EQ(result->status, 400) << body << " -> " << result->body;
    EXPECT_EQ(json_of(result).value("where", ""), where) << body << " -> " << result->body;
    EXPECT_FALSE(json_of(result).value("message", "").empty()) << body;
  }
  auto malformed = post("/api/v1/sites/search", R"({"point": [30, 50], "max_m": )");
  ASSERT_TRUE(malformed);
  EXPECT_EQ(malformed->status, 400);
  EXPECT_EQ(workspace_->history().size(), history_before);
}

TEST_P(SpatialApi, IncidentsInAnOblastTheOccupiedAreaAndAPolygonFlagAreaOnlyOnes) {
  const std::int64_t id = store_findings();
  const std::string path = fmt::format("/api/v1/findings/{}/incidents/search", id);
  auto kharkiv = json_of(post(path, R"({"oblast": "UA-63"})", "monitor"));
  EXPECT_EQ(incident_ids(kharkiv), (std::vector<std::string>{"I1", "I3"})) << kharkiv.dump();
  EXPECT_EQ(kharkiv.at("located_only_to_area"), 1);
  EXPECT_FALSE(kharkiv.at("items").at(0).contains("located_only_to_area"));
  EXPECT_EQ(kharkiv.at("items").at(1).at("located_only_to_area"), "UA-63");
  EXPECT_EQ(kharkiv.at("items").at(0).at("violations"), 1);

  auto occupied = json_of(post(path, R"({"occupied_area": true})", "secretariat"));
  EXPECT_EQ(incident_ids(occupied), std::vector<std::string>{"I4"}) << occupied.dump();
  auto drawn = json_of(post(
      path, R"({"polygon": {"type": "Polygon", "coordinates": [[[23, 49], [25, 49], [25, 51], [23, 51], [23, 49]]]}})",
      "monitor"));
  EXPECT_EQ(incident_ids(drawn), std::vector<std::string>{"I2"}) << drawn.dump();

  // Readers of published findings only do not see the version until it is published.
  for (const char* user : {"observer", "planner", "liaison.fr", "host"}) {
    auto hidden = post(path, R"({"oblast": "UA-63"})", user);
    ASSERT_TRUE(hidden);
    EXPECT_EQ(hidden->status, 404) << user;
  }
  workspace_->publish_findings_version(id, "monitor");
  auto seen = json_of(post(path, R"({"oblast": "UA-63"})", "observer"));
  EXPECT_EQ(incident_ids(seen), (std::vector<std::string>{"I1", "I3"}));
}

TEST_P(SpatialApi, BadIncidentSearchesNameTheField) {
  const std::int64_t id = store_findings();
  const std::string path = fmt::format("/api/v1/findings/{}/incidents/search", id);
  const auto history_before = workspace_->history().size();
  const std::tuple<const char*, int, const char*> cases[] = {
      {R"({})", 400, ""},
      {R"({"oblast": "UA-99"})", 400, "/oblast"},
      {R"({"oblast": 63})", 400, "/oblast"},
      {R"({"oblast": "UA-63", "polygon": {}})", 400, "/polygon"},
      {R"({"occupied_area": false})", 400, "/occupied_area"},
      {R"({"polygon": {"type": "Point", "coordinates": [30, 50]}})", 400, "/polygon/type"},
      {R"({"polygon": {"type": "Polygon", "coordinates": [[[30, 50], [31, 50]]]}})", 400, "/polygon/coordinates/0"},
      {R"({"oblast": "UA-63", "where": 1})", 400, "/where"},
  };
  for (const auto& [body, status, where] : cases) {
    auto result = post(path, body, "monitor");
    ASSERT_TRUE(result) << body;
    EXPECT_EQ(result->status, status) << body << " -> " << result->body;
    EXPECT_EQ(json_of(result).value("where", ""), where) << body << " -> " << result->body;
  }
  auto unknown = post("/api/v1/findings/999999/incidents/search", R"({"oblast": "UA-63"})", "monitor");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  EXPECT_EQ(workspace_->history().size(), history_before);
}

GUARANTOR_HTTP_ON_BOTH_BACKENDS(SpatialApi);

}  // namespace
}  // namespace guarantor::testing
