// The weekly cycle over HTTP: the secretariat opens a week; its agenda is generated from the
// workspace (unmet lines with the numbers of force generation, pledges expiring, sites awaiting
// decision, decisions due, caveats new or lifted since the last closed week); closing freezes a
// snapshot that later weeks compare against; a liaison never sees through the agenda what
// another nation does not share.
#include <algorithm>
#include <functional>

#include <fmt/format.h>

#include "guarantor/force/force_generation.hpp"
#include "http_fixture.hpp"

namespace guarantor::testing {
namespace {

using nlohmann::json;

class WeekApi : public HttpTest {
protected:
  static httplib::Result post(httplib::Client& client, const std::string& path, const std::string& user, const json& body,
                              httplib::Headers extra = {}) {
    return client.Post(path, as(user, std::move(extra)), body.dump(), "application/json");
  }
  static httplib::Headers version(const std::string& etag) { return {{"If-Match", etag}}; }
  static void edit_fr1(httplib::Client& client, const std::function<void(json&)>& change) {
    auto read = client.Get("/api/v1/pledges/FR-1", as("liaison.fr"));
    json pledge = json_of(read);
    change(pledge);
    auto written = client.Put("/api/v1/pledges/FR-1", as("liaison.fr", version(read->get_header_value("ETag"))), pledge.dump(),
                              "application/json");
    ASSERT_EQ(written->status, 200) << written->body;
  }
  static bool mentions(const json& items, const std::string& pledge_id) {
    return std::any_of(items.begin(), items.end(), [&](const json& item) { return item.at("pledge_id") == pledge_id; });
  }
};

TEST_P(WeekApi, AgendaDecisionsCloseAndCompare) {
  auto client = server_->client();
  const auto history_before = workspace_->history().size();
  for (const auto& [body, where] : std::vector<std::pair<json, std::string>>{{{{"starts_on", "2026-02-30"}}, "/starts_on"},
                                                                             {{{"start", "2026-03-02"}}, "/start"},
                                                                             {{{"starts_on", 20260302}}, "/starts_on"}}) {
    auto refused = post(client, "/api/v1/weeks", "secretariat", body);
    ASSERT_EQ(refused->status, 400) << refused->body;
    EXPECT_EQ(json_of(refused).at("where"), where);
  }
  EXPECT_EQ(workspace_->history().size(), history_before);
  auto opened = post(client, "/api/v1/weeks", "secretariat", {{"starts_on", "2026-03-02"}});
  ASSERT_EQ(opened->status, 201) << opened->body;
  EXPECT_EQ(opened->get_header_value("Location"), "/api/v1/weeks/1");
  EXPECT_EQ(post(client, "/api/v1/weeks", "secretariat", {{"starts_on", "2026-03-09"}})->status, 409) << "week 1 is open";

  // The agenda's unmet lines are force generation's, line for line.
  edit_fr1(client, [](json& pledge) { pledge["valid_until"] = "2026-03-20"; });
  ASSERT_EQ(client.Put("/api/v1/sites/hub.lutsk/negotiation", as("host", version("\"0\"")), R"({"status":"surveyed"})",
                       "application/json")->status, 200);
  json week = json_of(client.Get("/api/v1/weeks/1", as("planner")));
  const model::Scenario scenario = [&] {
    model::Scenario s = *base_;
    s.coalition = workspace_->coalition();
    s.mandate = workspace_->mandate();
    return s;
  }();
  std::vector<std::string> expected_unmet;
  for (const auto& phase : force::generate_force(scenario).phases)
    for (const auto& line : phase.lines)
      if (line.phase == phase.phase && line.status != force::LineStatus::Covered) expected_unmet.push_back(line.line_id);
  std::vector<std::string> unmet;
  for (const auto& line : week.at("agenda").at("unmet_lines")) unmet.push_back(line.at("line_id"));
  EXPECT_EQ(unmet, expected_unmet);
  ASSERT_TRUE(mentions(week.at("agenda").at("pledges_expiring"), "FR-1"));
  for (const auto& item : week.at("agenda").at("pledges_expiring")) {
    if (item.at("pledge_id") == "FR-1") {
      EXPECT_EQ(item.at("days_left"), 18);
    }
  }
  ASSERT_EQ(week.at("agenda").at("sites_awaiting_decision").size(), 1u);
  EXPECT_EQ(week.at("agenda").at("sites_awaiting_decision").at(0).at("awaiting"), "the host nation's offer");
  EXPECT_TRUE(week.at("agenda").at("caveat_changes").empty()) << "nothing to compare with before the first close";
  EXPECT_TRUE(week.at("since_last_close").is_null());

  // Decisions: owner and due week; one due before its week is refused where it is wrong.
  auto bad_decision = post(client, "/api/v1/weeks/1/decisions", "secretariat", {{"text", "x"}, {"owner", "FR"}, {"due_week", 0}});
  ASSERT_EQ(bad_decision->status, 400);
  EXPECT_EQ(json_of(bad_decision).at("where"), "/due_week");
  auto decision = post(client, "/api/v1/weeks/1/decisions", "secretariat",
                       {{"text", "France to confirm FR-1 beyond 20 March"}, {"owner", "FR"}, {"due_week", 2}});
  ASSERT_EQ(decision->status, 201) << decision->body;
  EXPECT_EQ(post(client, "/api/v1/weeks/1/decisions", "planner", {{"text", "x"}, {"owner", "FR"}, {"due_week", 2}})->status, 403);

  // Close week 1: its snapshot is frozen, later edits do not change what it says.
  auto closed = post(client, "/api/v1/weeks/1/close", "secretariat", json::object(), version(opened->get_header_value("ETag")));
  ASSERT_EQ(closed->status, 200) << closed->body;
  EXPECT_EQ(post(client, "/api/v1/weeks/1/close", "secretariat", json::object(), version(closed->get_header_value("ETag")))->status, 409);
  EXPECT_EQ(post(client, "/api/v1/weeks/1/decisions", "secretariat", {{"text", "late"}, {"owner", "FR"}, {"due_week", 2}})->status, 409);
  const auto close_entry = workspace_->history("week", "1").back();
  EXPECT_EQ(close_entry.action, "close");
  EXPECT_EQ(close_entry.after.at("snapshot_sha256").get<std::string>().size(), 64u);
  const json week1_agenda = json_of(client.Get("/api/v1/weeks/1", as("planner"))).at("agenda");
  EXPECT_EQ(post(client, "/api/v1/weeks", "secretariat", {{"starts_on", "2026-03-01"}})->status, 409) << "before week 1";
  ASSERT_EQ(post(client, "/api/v1/weeks", "secretariat", {{"starts_on", "2026-03-09"}})->status, 201);

  // France adds a caveat and shares only aggregates: the planner sees the change, Germany does not.
  edit_fr1(client, [](json& pledge) {
    pledge["caveats"].push_back({{"kind", "condition"}, {"values", {"us_backstop"}}, {"source", "national statement"}});
  });
  ASSERT_EQ(client.Put("/api/v1/nations/FR/sharing", as("liaison.fr", version("\"1\"")), R"({"sharing":"aggregate"})",
                       "application/json")->status, 200);
  week = json_of(client.Get("/api/v1/weeks/2", as("planner")));
  ASSERT_TRUE(mentions(week.at("agenda").at("caveat_changes"), "FR-1")) << week.at("agenda").dump();
  EXPECT_EQ(week.at("agenda").at("caveat_changes").at(0).at("change"), "new");
  EXPECT_TRUE(mentions(week.at("since_last_close").at("pledges"), "FR-1"));
  ASSERT_EQ(week.at("agenda").at("decisions_due").size(), 1u);
  EXPECT_EQ(week.at("agenda").at("decisions_due").at(0).at("owner"), "FR");

  const json seen_by_de = json_of(client.Get("/api/v1/weeks/2", as("liaison.de")));
  EXPECT_FALSE(mentions(seen_by_de.at("agenda").at("caveat_changes"), "FR-1"));
  EXPECT_FALSE(mentions(seen_by_de.at("agenda").at("pledges_expiring"), "FR-1"));
  EXPECT_FALSE(mentions(seen_by_de.at("since_last_close").at("pledges"), "FR-1"));
  EXPECT_GE(seen_by_de.at("agenda").at("withheld").get<int>(), 2);
  for (const auto& line : seen_by_de.at("agenda").at("unmet_lines")) EXPECT_FALSE(line.contains("reasons"));
  EXPECT_EQ(seen_by_de.dump().find("us_backstop"), std::string::npos);
  EXPECT_TRUE(mentions(json_of(client.Get("/api/v1/weeks/2", as("liaison.fr"))).at("agenda").at("caveat_changes"), "FR-1"));
  EXPECT_EQ(json_of(client.Get("/api/v1/weeks/1", as("planner"))).at("agenda"), week1_agenda) << "a closed week is frozen";

  const std::int64_t decision_id = json_of(decision).at("id");
  auto done = client.Put(fmt::format("/api/v1/decisions/{}", decision_id), as("secretariat", version("\"1\"")),
                         R"({"status":"done"})", "application/json");
  ASSERT_EQ(done->status, 200) << done->body;
  EXPECT_TRUE(json_of(client.Get("/api/v1/weeks/2", as("planner"))).at("agenda").at("decisions_due").empty());
  ASSERT_EQ(client.Put("/api/v1/nations/FR/sharing", as("liaison.fr", version("\"2\"")), R"({"sharing":"full"})",
                       "application/json")->status, 200);
}

GUARANTOR_HTTP_ON_BOTH_BACKENDS(WeekApi);

}  // namespace
}  // namespace guarantor::testing
