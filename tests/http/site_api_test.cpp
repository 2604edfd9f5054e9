// Sites over HTTP: the host nation moves a site's negotiation one legal step at a time with
// If-Match, records the lead nation and comments; surveyors record assessments; a bad body is
// refused with the field's pointer and writes nothing; the parties read the site's history.
#include "http_fixture.hpp"

namespace guarantor::testing {
namespace {

class SiteApi : public HttpTest {
protected:
  static httplib::Headers if_match(const std::string& user, std::int64_t version) {
    return as(user, {{"If-Match", "\"" + std::to_string(version) + "\""}});
  }
  static httplib::Result put(httplib::Client& client, const std::string& path, const std::string& user, std::int64_t version,
                             const nlohmann::json& body) {
    return client.Put(path, if_match(user, version), body.dump(), "application/json");
  }
};

TEST_P(SiteApi, TheHostNationNegotiatesOneLegalStepAtATime) {
  auto client = server_->client();
  const std::string path = "/api/v1/sites/hub.rivne";
  auto read = client.Get(path, as("liaison.fr"));
  ASSERT_EQ(read->status, 200) << read->body;
  EXPECT_EQ(read->get_header_value("ETag"), "\"0\"");
  EXPECT_EQ(json_of(read).at("negotiation").at("status"), "proposed");

  auto surveyed = put(client, path + "/negotiation", "host", 0, {{"status", "surveyed"}, {"lead_nation", "FR"}, {"comment", "first visit"}});
  ASSERT_EQ(surveyed->status, 200) << surveyed->body;
  EXPECT_EQ(surveyed->get_header_value("ETag"), "\"1\"");
  EXPECT_EQ(json_of(surveyed).at("negotiation").at("lead_nation"), "FR");
  EXPECT_EQ(json_of(surveyed).at("comments").at(0).at("text"), "first visit");

  const auto history_before = workspace_->history().size();
  // Skipping a step is a conflict with the site's state; a stale version is 412; neither writes.
  auto skipped = put(client, path + "/negotiation", "host", 1, {{"status", "agreed"}});
  ASSERT_EQ(skipped->status, 409) << skipped->body;
  EXPECT_EQ(json_of(skipped).at("where"), "/status");
  EXPECT_EQ(put(client, path + "/negotiation", "host", 0, {{"status", "offered"}})->status, 412);
  EXPECT_EQ(client.Put(path + "/negotiation", as("host"), R"({"status":"offered"})", "application/json")->status, 428);
  EXPECT_EQ(put(client, path + "/negotiation", "host", 1, {{"status", "offered"}, {"lead_nation", "ZZ"}})->status, 400);
  EXPECT_EQ(put(client, path + "/negotiation", "host", 1, {{"status", "offered"}, {"extra", 1}})->status, 400);
  EXPECT_EQ(put(client, path + "/negotiation", "host", 1, {{"status", "done"}})->status, 400);
  EXPECT_EQ(workspace_->history().size(), history_before);

  auto offered = put(client, path + "/negotiation", "host", 1, {{"status", "offered"}});
  ASSERT_EQ(offered->status, 200) << offered->body;
  EXPECT_EQ(json_of(offered).at("negotiation").at("lead_nation"), "FR") << "an omitted lead nation stays";
  auto agreed = put(client, path + "/negotiation", "secretariat", 2, {{"status", "agreed"}});
  ASSERT_EQ(agreed->status, 200) << agreed->body;
  EXPECT_EQ(put(client, path + "/negotiation", "host", 3, {{"status", "rejected"}})->status, 409) << "agreed is final";

  // The planner may not move the negotiation; a liaison comments; the host reads the history.
  EXPECT_EQ(put(client, path + "/negotiation", "planner", 3, {{"status", "rejected"}})->status, 403);
  auto comment = client.Post(path + "/comments", as("liaison.fr"), R"({"text":"ready for the advance party"})", "application/json");
  ASSERT_EQ(comment->status, 201) << comment->body;
  auto history = client.Get("/api/v1/history?entity=site&id=hub.rivne", as("host"));
  ASSERT_EQ(history->status, 200);
  const auto entries = json_of(history).at("items");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].at("actor"), "host");
  EXPECT_EQ(entries[2].at("after").at("status"), "agreed");
  EXPECT_EQ(entries[2].at("actor"), "secretariat");

  auto listed = client.Get("/api/v1/sites?status=agreed", as("monitor"));
  ASSERT_EQ(listed->status, 200);
  ASSERT_EQ(json_of(listed).at("total"), 1);
  EXPECT_EQ(json_of(listed).at("items").at(0).at("id"), "hub.rivne");
}

TEST_P(SiteApi, AssessmentsAreValidatedAndRecorded) {
  auto client = server_->client();
  const std::string path = "/api/v1/sites/airfield.vasylkiv";
  const auto history_before = workspace_->history().size();
  auto bad = put(client, path + "/assessment", "planner", 0, {{"runway_m", 2500}, {"rail_gauge_mm", 1000}});
  ASSERT_EQ(bad->status, 400) << bad->body;
  EXPECT_EQ(json_of(bad).at("where"), "/rail_gauge_mm");
  EXPECT_EQ(client.Put(path + "/assessment", if_match("planner", 0), "{\"runway_m\": ", "application/json")->status, 400);
  EXPECT_EQ(workspace_->history().size(), history_before);

  const nlohmann::json assessment = {{"runway_m", 2500},           {"rail_siding", true},      {"rail_gauge_mm", 1520},
                                     {"housing_personnel", 1200},  {"protected_storage_m2", 5000.0}, {"power_mw", 4.5},
                                     {"medical", "role1"},         {"assessed_on", "2026-02-20"}, {"notes", "apron cratered"}};
  auto good = put(client, path + "/assessment", "host", 0, assessment);
  ASSERT_EQ(good->status, 200) << good->body;
  EXPECT_EQ(json_of(good).at("negotiation").at("assessment"), assessment);
  EXPECT_EQ(json_of(good).at("negotiation").at("status"), "proposed");
  EXPECT_EQ(put(client, path + "/assessment", "liaison.fr", 1, assessment)->status, 403);
  EXPECT_EQ(client.Get("/api/v1/sites/no.such.site", as("planner"))->status, 404);
}

GUARANTOR_HTTP_ON_BOTH_BACKENDS(SiteApi);

}  // namespace
}  // namespace guarantor::testing
