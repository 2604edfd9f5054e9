// Pledges over HTTP: create, read, replace, delete with ETag/If-Match; invalid bodies are
// refused with the field's pointer and write nothing; a liaison sees other nations' pledges only
// as they share them, by every route; parallel writers lose nothing; writes survive a restart;
// the cached reads follow every part of what they depend on; the gap board has the numbers of
// `guarantor forcegen`.
#include <algorithm>
#include <map>
#include <set>

#include "guarantor/force/force_generation.hpp"
#include "guarantor/io/record_codec.hpp"
#include "guarantor/report/force_generation_export.hpp"
#include "http_fixture.hpp"

namespace guarantor::testing {
namespace {

class PledgeApi : public HttpTest {
protected:
  nlohmann::json pledge_body(const std::string& id, const std::string& nation) const {
    model::Pledge pledge = workspace_->pledges().front().value;
    pledge.id = id;
    pledge.nation = nation;
    pledge.sites.clear();
    pledge.quantity = 1;
    return io::encode_pledge(pledge);
  }
  static httplib::Headers if_match(const std::string& user, std::int64_t version) {
    return as(user, {{"If-Match", "\"" + std::to_string(version) + "\""}});
  }
};

TEST_P(PledgeApi, CreateReadReplaceDeleteWithVersions) {
  auto client = server_->client();
  auto created = client.Post("/api/v1/pledges", as("liaison.fr"), pledge_body("FR-90", "FR").dump(), "application/json");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  EXPECT_EQ(created->get_header_value("ETag"), "\"1\"");
  auto read = client.Get("/api/v1/pledges/FR-90", as("planner"));
  EXPECT_EQ(json_of(read).at("quantity"), 1);

  auto body = pledge_body("FR-90", "FR");
  body["quantity"] = 4;
  EXPECT_EQ(client.Put("/api/v1/pledges/FR-90", as("liaison.fr"), body.dump(), "application/json")->status, 428);
  auto first = client.Put("/api/v1/pledges/FR-90", if_match("liaison.fr", 1), body.dump(), "application/json");
  ASSERT_EQ(first->status, 200) << first->body;
  EXPECT_EQ(first->get_header_value("ETag"), "\"2\"");
  // A second editor who read version 1 is refused, never silently overwrites.
  body["quantity"] = 7;
  auto second = client.Put("/api/v1/pledges/FR-90", if_match("secretariat", 1), body.dump(), "application/json");
  ASSERT_EQ(second->status, 412) << second->body;
  EXPECT_EQ(json_of(second).at("code"), "version_conflict");
  EXPECT_EQ(workspace_->pledge("FR-90")->value.quantity, 4);

  // A liaison of another nation may not write it.
  EXPECT_EQ(client.Put("/api/v1/pledges/FR-90", if_match("liaison.de", 2), body.dump(), "application/json")->status, 403);
  EXPECT_EQ(client.Post("/api/v1/pledges", as("liaison.de"), pledge_body("FR-91", "FR").dump(), "application/json")->status, 403);
  EXPECT_EQ(client.Delete("/api/v1/pledges/FR-90", if_match("liaison.fr", 2))->status, 204);
  EXPECT_EQ(client.Get("/api/v1/pledges/FR-90", as("planner"))->status, 404);
  const auto history = workspace_->history("pledge", "FR-90");
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[1].actor, "liaison.fr");
}

TEST_P(PledgeApi, InvalidBodiesAreLocatedAndWriteNothing) {
  auto client = server_->client();
  const auto history_before = workspace_->history().size();
  auto body = pledge_body("FR-95", "FR");
  body["quantity"] = "three";
  body["capability"] = "LAND.NO_SUCH";
  auto wrong_type = client.Post("/api/v1/pledges", as("secretariat"), body.dump(), "application/json");
  ASSERT_EQ(wrong_type->status, 400);
  EXPECT_EQ(json_of(wrong_type).at("where"), "/quantity");
  body["quantity"] = 2;
  auto unknown_capability = client.Post("/api/v1/pledges", as("secretariat"), body.dump(), "application/json");
  ASSERT_EQ(unknown_capability->status, 400);
  EXPECT_EQ(json_of(unknown_capability).at("where"), "/capability");
  body = pledge_body("FR-95", "FR");
  body["extra"] = "x";
  EXPECT_EQ(json_of(client.Post("/api/v1/pledges", as("secretariat"), body.dump(), "application/json")).at("where"), "/extra");
  auto malformed = client.Post("/api/v1/pledges", as("secretariat"), "{\"id\": \"FR-95\",", "application/json");
  EXPECT_EQ(malformed->status, 400);
  EXPECT_EQ(json_of(malformed).at("code"), "syntax");
  const std::string huge(300 * 1024, ' ');
  EXPECT_EQ(client.Post("/api/v1/pledges", as("secretariat"), "{" + huge + "}", "application/json")->status, 413);
  auto duplicate = client.Post("/api/v1/pledges", as("secretariat"), pledge_body("FR-1", "FR").dump(), "application/json");
  EXPECT_EQ(duplicate->status, 409);
  auto renamed = pledge_body("FR-2", "FR");
  EXPECT_EQ(json_of(client.Put("/api/v1/pledges/FR-1", if_match("secretariat", 1), renamed.dump(), "application/json")).at("where"), "/id");
  EXPECT_EQ(workspace_->history().size(), history_before);
  EXPECT_FALSE(workspace_->pledge("FR-95").has_value());
}

// An id beginning "FR-" is France's: not even the secretariat puts another nation's pledge there,
// by creating one or by moving a French pledge to another nation. France's liaison, which
// creates ids only in that space, so never meets an id there that it cannot see.
TEST_P(PledgeApi, NoPledgeOfAnotherNationInANationsIdSpace) {
  auto client = server_->client();
  const auto history_before = workspace_->history().size();
  const auto check_refused = [](const httplib::Result& result, const char* what) {
    ASSERT_TRUE(result) << what;
    EXPECT_EQ(result->status, 400) << what << ": " << result->body;
    const auto body = nlohmann::json::parse(result->body);
    EXPECT_EQ(body.at("where"), "/id") << what;
    EXPECT_NE(body.at("message").get<std::string>().find("\"FR-\""), std::string::npos) << body.at("message");
  };
  check_refused(
      client.Post("/api/v1/pledges", as("secretariat"), pledge_body("FR-96", "DE").dump(), "application/json"),
      "a German pledge created as FR-96");
  const auto version = workspace_->pledge("FR-1")->version;
  auto moved = io::encode_pledge(workspace_->pledge("FR-1")->value);
  moved["nation"] = "DE";
  check_refused(client.Put("/api/v1/pledges/FR-1", if_match("secretariat", version), moved.dump(), "application/json"),
                "FR-1 moved to Germany");
  EXPECT_EQ(workspace_->history().size(), history_before);
  EXPECT_FALSE(workspace_->pledge("FR-96").has_value());
  EXPECT_EQ(workspace_->pledge("FR-1")->value.nation, "FR");
  // Ids outside every nation's space stay free to any nation's pledge.
  auto outside =
      client.Post("/api/v1/pledges", as("secretariat"), pledge_body("EU-96", "DE").dump(), "application/json");
  EXPECT_EQ(outside->status, 201) << outside->body;
}

TEST_P(PledgeApi, LiaisonSeesOtherNationsOnlyAsTheyShare) {
  auto client = server_->client();
  auto restrict = [&](const std::string& level) {
    const auto version = workspace_->nation("DE")->version;
    auto result = client.Put("/api/v1/nations/DE/sharing", if_match("liaison.de", version),
                             nlohmann::json{{"sharing", level}}.dump(), "application/json");
    ASSERT_EQ(result->status, 200) << result->body;
  };
  restrict("aggregate");
  auto list = json_of(client.Get("/api/v1/pledges?limit=1000", as("liaison.fr")));
  for (const auto& item : list.at("items")) EXPECT_NE(item.at("pledge").at("nation"), "DE") << item.dump();
  bool aggregated = false;
  for (const auto& total : list.at("aggregates")) aggregated |= total.at("nation") == "DE";
  EXPECT_TRUE(aggregated);
  EXPECT_EQ(client.Get("/api/v1/pledges/DE-1", as("liaison.fr"))->status, 404);
  EXPECT_EQ(client.Get("/api/v1/pledges/DE-1", as("host"))->status, 404);
  EXPECT_EQ(client.Delete("/api/v1/pledges/DE-1", if_match("liaison.fr", 1))->status, 404);
  auto history = client.Get("/api/v1/history?entity=pledge&id=DE-1", as("liaison.fr"));
  EXPECT_EQ(json_of(history).at("total"), 0) << history->body;
  // Its own liaison and the planner still see everything.
  EXPECT_EQ(client.Get("/api/v1/pledges/DE-1", as("liaison.de"))->status, 200);
  EXPECT_EQ(json_of(client.Get("/api/v1/history?entity=pledge&id=DE-1", as("planner"))).at("total"), 1);

  restrict("capability_only");
  auto cut = json_of(client.Get("/api/v1/pledges/DE-1", as("liaison.fr")));
  EXPECT_TRUE(cut.contains("capability"));
  EXPECT_FALSE(cut.contains("caveats")) << cut.dump();
  EXPECT_FALSE(cut.contains("source"));
  auto cut_history = json_of(client.Get("/api/v1/history?entity=pledge&id=DE-1", as("liaison.fr")));
  ASSERT_EQ(cut_history.at("total"), 1);
  EXPECT_FALSE(cut_history.at("items")[0].at("after").contains("caveats"));
  restrict("full");
}

// The two pledge reads are answered from a cache (response_cache.hpp). Each read here follows one
// that differs in a single part of what the answer depends on: the caller's role, a liaison's
// nation, the path, the query, or the workspace's state (written through the server or beside
// it, as another process would). A key that missed that part would hand back the first answer.
TEST_P(PledgeApi, CachedReadsFollowScopePathQueryAndEveryWrite) {
  auto client = server_->client();
  const auto read = [&](const std::string& user, const std::string& path) {
    auto result = client.Get(path, as(user));
    EXPECT_TRUE(result) << path;
    return result ? std::make_pair(result->status, json_of(result)) : std::make_pair(-1, nlohmann::json());
  };
  const auto full = [&](const std::string& user) { return read(user, "/api/v1/pledges/DE-1").second.contains("caveats"); };
  const auto share = [&](store::SharingLevel level) { workspace_->set_sharing("DE", level, std::nullopt, "test"); };
  share(store::SharingLevel::CapabilityOnly);
  // Role: one role's full answer never reaches a role that sees less, nor the other way round.
  EXPECT_TRUE(full("planner"));
  EXPECT_FALSE(full("host"));
  EXPECT_TRUE(full("secretariat"));
  // Nation: a liaison's view of its own pledge never reaches another nation's liaison.
  EXPECT_TRUE(full("liaison.de"));
  EXPECT_FALSE(full("liaison.fr"));
  EXPECT_TRUE(full("liaison.de"));
  // Path and query.
  EXPECT_EQ(read("planner", "/api/v1/pledges/FR-1").second.at("id"), "FR-1");
  for (const std::string nation : {"FR", "DE"}) {
    const auto items = read("planner", "/api/v1/pledges?limit=1000&nation=" + nation).second.at("items");
    ASSERT_FALSE(items.empty()) << nation;
    for (const auto& item : items) EXPECT_EQ(item.at("pledge").at("nation"), nation);
  }
  EXPECT_EQ(read("planner", "/api/v1/pledges?limit=1").second.at("items").size(), 1u);
  EXPECT_EQ(read("planner", "/api/v1/pledges?limit=2").second.at("items").size(), 2u);
  // A sharing level set beside the server is seen by the next read, by both routes.
  share(store::SharingLevel::Aggregate);
  EXPECT_EQ(read("liaison.fr", "/api/v1/pledges/DE-1").first, 404);
  const auto seen_by_fr = read("liaison.fr", "/api/v1/pledges?limit=1000").second.at("items");
  for (const auto& item : seen_by_fr) EXPECT_NE(item.at("pledge").at("nation"), "DE");
  share(store::SharingLevel::Full);
  EXPECT_TRUE(full("liaison.fr"));
  // A pledge written through the server, then beside it, is read back at once by every route.
  auto pledge = workspace_->pledge("FR-1").value();
  pledge.value.quantity += 1;
  auto put = client.Put("/api/v1/pledges/FR-1", if_match("liaison.fr", pledge.version),
                        io::encode_pledge(pledge.value).dump(), "application/json");
  ASSERT_EQ(put->status, 200) << put->body;
  EXPECT_EQ(read("planner", "/api/v1/pledges/FR-1").second.at("quantity"), pledge.value.quantity);
  pledge.value.quantity += 1;
  workspace_->update_pledge(pledge.value, std::nullopt, "test");
  EXPECT_EQ(read("planner", "/api/v1/pledges/FR-1").second.at("quantity"), pledge.value.quantity);
  const auto listed = read("planner", "/api/v1/pledges?limit=1000&nation=FR").second.at("items");
  const auto fr1 = std::find_if(listed.begin(), listed.end(), [](const auto& item) { return item.at("pledge").at("id") == "FR-1"; });
  ASSERT_NE(fr1, listed.end());
  EXPECT_EQ(fr1->at("pledge").at("quantity"), pledge.value.quantity);
}

// The list is written from each pledge's ready JSON: for a liaison that sees pledges in full, cut
// to their capability and only as aggregates, it must be the document the store's records give
// when encoded whole, in canonical form, and follow pledges created and deleted beside the server.
TEST_P(PledgeApi, ListIsTheEncodedRecordsForEveryVisibilityAndFollowsCreatesAndDeletes) {
  auto client = server_->client();
  workspace_->set_sharing("DE", store::SharingLevel::CapabilityOnly, std::nullopt, "test");
  workspace_->set_sharing("GB", store::SharingLevel::Aggregate, std::nullopt, "test");
  const auto expected_list = [&] {
    nlohmann::json items = nlohmann::json::array();
    std::map<std::pair<std::string, std::string>, std::pair<int, int>> hidden;
    for (const auto& record : workspace_->pledges()) {
      const auto& pledge = record.value;
      if (pledge.nation == "GB") {
        hidden[{pledge.nation, pledge.capability}].first += pledge.quantity;
        hidden[{pledge.nation, pledge.capability}].second += 1;
        continue;
      }
      nlohmann::json view = io::encode_pledge(pledge);
      std::string visibility = "full";
      if (pledge.nation == "DE") {
        visibility = "capability_only";
        nlohmann::json cut;
        for (const char* field : {"id", "nation", "capability", "quantity", "readiness_days", "status", "illustrative"})
          if (view.contains(field)) cut[field] = view.at(field);
        view = cut;
      }
      items.push_back({{"pledge", view}, {"version", record.version}, {"visibility", visibility}});
    }
    nlohmann::json aggregates = nlohmann::json::array();
    for (const auto& [key, totals] : hidden)
      aggregates.push_back(
          {{"nation", key.first}, {"capability", key.second}, {"quantity", totals.first}, {"pledges", totals.second}});
    return nlohmann::json{
        {"items", items},
        {"total", items.size()},
        {"limit", 1000},
        {"offset", 0},
        {"aggregates", aggregates},
        {"illustrative_note", "pledges marked illustrative are built from public statements, not real offers"}};
  };
  const auto listed = [&] {
    auto result = client.Get("/api/v1/pledges?limit=1000", as("liaison.fr"));
    EXPECT_TRUE(result && result->status == 200);
    return result ? result->body : std::string();
  };
  ASSERT_FALSE(expected_list().at("aggregates").empty());
  EXPECT_EQ(listed(), expected_list().dump());
  // Created and deleted beside the server, as another process would.
  model::Pledge added = io::decode_pledge(pledge_body("FR-BESIDE", "FR"), "test");
  workspace_->create_pledge(added, "test");
  EXPECT_NE(listed().find("FR-BESIDE"), std::string::npos);
  EXPECT_EQ(listed(), expected_list().dump());
  EXPECT_EQ(client.Get("/api/v1/pledges/FR-BESIDE", as("liaison.fr"))->status, 200);
  workspace_->delete_pledge("FR-BESIDE", std::nullopt, "test");
  EXPECT_EQ(listed().find("FR-BESIDE"), std::string::npos);
  EXPECT_EQ(client.Get("/api/v1/pledges/FR-BESIDE", as("liaison.fr"))->status, 404);
  workspace_->set_sharing("DE", store::SharingLevel::Full, std::nullopt, "test");
  workspace_->set_sharing("GB", store::SharingLevel::Full, std::nullopt, "test");
}

TEST_P(PledgeApi, TwentyParallelWritersLoseNothing) {
  constexpr int WRITERS = 20;
  std::vector<std::thread> threads;
  std::vector<int> statuses(WRITERS, 0);
  for (int w = 0; w < WRITERS; ++w) {
    threads.emplace_back([&, w] {
      auto client = server_->client();
      auto result = client.Post("/api/v1/pledges", as("secretariat"),
                                pledge_body("FR-P" + std::to_string(w), "FR").dump(), "application/json");
      statuses[w] = result ? result->status : -1;
    });
  }
  for (auto& thread : threads) thread.join();
  for (int w = 0; w < WRITERS; ++w) {
    EXPECT_EQ(statuses[w], 201) << w;
    EXPECT_TRUE(workspace_->pledge("FR-P" + std::to_string(w)).has_value()) << w;
  }
  EXPECT_GT(workspace_->verify_history(), WRITERS);
}

TEST_P(PledgeApi, WritesSurviveARestartOfServerAndDatabase) {
  {
    auto client = server_->client();
    ASSERT_EQ(client.Post("/api/v1/pledges", as("secretariat"), pledge_body("FR-KEPT", "FR").dump(), "application/json")->status, 201);
  }
  server_.reset();
  store::Workspace reopened(db_->location());
  RunningServer restarted(reopened, *base_);
  auto client = restarted.client();
  auto read = client.Get("/api/v1/pledges/FR-KEPT", as("planner"));
  ASSERT_TRUE(read);
  EXPECT_EQ(read->status, 200) << read->body;
}

TEST_P(PledgeApi, GapBoardHasTheNumbersOfForcegen) {
  auto client = server_->client();
  auto board = json_of(client.Get("/api/v1/gap-board", as("planner")));
  workspace_->export_scenario(db_->scratch() / "export");
  const auto exported = io::load_scenario(db_->scratch() / "export" / "scenario.json", io::LoadOptions{GUARANTOR_TEST_ASSET_DIR});
  auto expected = report::force_generation_to_json(exported, force::generate_force(exported, {}));
  ASSERT_TRUE(board.contains("phases")) << board.dump().substr(0, 200);
  board["scenario"].erase("files");
  expected["scenario"].erase("files");
  EXPECT_EQ(board, expected);
}

// The catalogue's controlled lists are those the API checks pledges against: the capabilities of
// the catalogue, the mandate's conditions, and a list for every caveat kind that holds every
// value the workspace's pledges use.
TEST_P(PledgeApi, CatalogueListsWhatAPledgeMayName) {
  auto client = server_->client();
  const auto answer = client.Get("/api/v1/catalogue", as("liaison.fr"));
  ASSERT_EQ(answer->status, 200) << answer->body;
  const nlohmann::json catalogue = json_of(answer);
  std::vector<std::string> codes, expected_codes;
  for (const auto& capability : catalogue.at("capabilities")) codes.push_back(capability.at("code"));
  for (const auto& capability : base_->catalogue.capabilities) expected_codes.push_back(capability.code);
  EXPECT_EQ(codes, expected_codes);
  std::set<std::string> conditions;
  for (const auto& condition : catalogue.at("conditions")) conditions.insert(condition.at("key"));
  std::set<std::string> expected_conditions;
  for (const auto& [key, met] : workspace_->mandate().conditions) expected_conditions.insert(key);
  EXPECT_EQ(conditions, expected_conditions);
  EXPECT_EQ(catalogue.at("sharing_levels"), nlohmann::json({"full", "capability_only", "aggregate"}));
  EXPECT_EQ(catalogue.at("pledge_statuses"), nlohmann::json({"offered", "confirmed", "verified"}));
  std::map<std::string, std::set<std::string>> values_of;  // caveat kind -> its list
  for (const auto& kind : catalogue.at("caveat_kinds")) {
    const nlohmann::json& list = catalogue.at(kind.at("values_from").get<std::string>());
    for (const auto& value : list) values_of[kind.at("kind")].insert(value.is_object() ? value.value("key", value.value("phase", "")) : value.get<std::string>());
  }
  EXPECT_EQ(values_of.size(), 4u) << "where, when, condition, excluded_role";
  std::size_t caveats = 0;
  const nlohmann::json pledges = json_of(client.Get("/api/v1/pledges?limit=1000", as("secretariat")));
  for (const auto& item : pledges.at("items")) {
    const auto& pledge = item.at("pledge");
    EXPECT_NE(std::find(codes.begin(), codes.end(), pledge.at("capability")), codes.end()) << pledge.dump();
    for (const auto& caveat : pledge.value("caveats", nlohmann::json::array())) {
      ++caveats;
      for (const auto& value : caveat.at("values"))
        EXPECT_TRUE(values_of[caveat.at("kind")].contains(value)) << caveat.dump() << " is not in the catalogue's lists";
    }
  }
  EXPECT_GT(caveats, 0u) << "the default pledges carry caveats to check against the lists";
  EXPECT_EQ(client.Get("/api/v1/catalogue")->status, 401);
}

// The effect of an edit before saving: a pledge that fills a ceasefire line, limited to the
// peace-deal phase, no longer fills it; every line's figures are force generation's on the
// scenario with and without the edit (the gap board's numbers); nothing is written; a liaison
// previews only its own nation's pledges and gets the gap reasons of its cut of the board.
TEST_P(PledgeApi, PreviewShowsTheEffectOfAnEditAndWritesNothing) {
  auto client = server_->client();
  model::Scenario before = *base_;
  before.coalition = workspace_->coalition();
  before.mandate = workspace_->mandate();
  const auto was = force::generate_force(before);
  std::string id, line_id;
  for (const auto& line : was.phases.front().lines)
    for (const auto& assessment : line.pledges)
      if (id.empty() && assessment.committed > 0 && assessment.nation == "FR") id = assessment.pledge_id, line_id = line.line_id;
  ASSERT_FALSE(id.empty()) << "a French pledge fills a line of the first phase";
  const auto read = client.Get("/api/v1/pledges/" + id, as("liaison.fr"));
  nlohmann::json edited = json_of(read);
  edited["caveats"].push_back({{"kind", "when"}, {"values", {"peace_deal"}}, {"source", "preview test"}});
  const auto history_before = workspace_->history().size();
  for (const std::string user : {"secretariat", "liaison.fr"}) {
    const auto answer = client.Post("/api/v1/pledges/" + id + "/preview", as(user), edited.dump(), "application/json");
    ASSERT_EQ(answer->status, 200) << answer->body;
    const nlohmann::json preview = json_of(answer);
    EXPECT_FALSE(preview.at("saved").get<bool>());
    model::Scenario after = before;
    for (auto& pledge : after.coalition.pledges)
      if (pledge.id == id) pledge = io::decode_pledge(edited, "test");
    const auto now = force::generate_force(after);
    bool no_longer_fills = false;
    for (const auto& line : preview.at("lines")) {
      for (std::size_t p = 0; p < now.phases.size(); ++p) {
        if (model::to_string(now.phases[p].phase) != line.at("phase").get<std::string>()) continue;
        for (std::size_t l = 0; l < now.phases[p].lines.size(); ++l) {
          if (now.phases[p].lines[l].line_id != line.at("line_id").get<std::string>()) continue;
          EXPECT_EQ(line.at("before").at("filled"), was.phases[p].lines[l].filled) << line.dump();
          EXPECT_EQ(line.at("after").at("filled"), now.phases[p].lines[l].filled) << line.dump();
        }
      }
      if (line.at("line_id") == line_id && line.at("phase") == model::to_string(was.phases.front().phase)) {
        EXPECT_EQ(line.at("effect"), "no longer fills") << line.dump();
        EXPECT_EQ(line.at("after").at("committed"), 0);
        EXPECT_NE(line.at("after").value("reason", "").find("peace_deal"), std::string::npos) << line.dump();
        no_longer_fills = true;
      }
      // Both get the line's reasons: the secretariat the full board's, the liaison its cut of it
      // (gap_board_view_test.cpp checks what the cut hides).
      EXPECT_TRUE(line.contains("gap_reasons")) << user;
    }
    EXPECT_TRUE(no_longer_fills) << preview.dump();
  }
  EXPECT_EQ(workspace_->history().size(), history_before) << "a preview writes nothing";
  EXPECT_EQ(json_of(client.Get("/api/v1/pledges/" + id, as("liaison.fr"))), json_of(read));

  nlohmann::json bad = edited;
  bad["quantity"] = -2;
  const auto refused = client.Post("/api/v1/pledges/" + id + "/preview", as("liaison.fr"), bad.dump(), "application/json");
  EXPECT_EQ(refused->status, 400);
  EXPECT_EQ(json_of(refused).value("where", ""), "/quantity") << refused->body;
  EXPECT_EQ(client.Post("/api/v1/pledges/" + id + "/preview", as("liaison.de"), edited.dump(), "application/json")->status, 403)
      << "a liaison previews only its own nation's pledges";
}

GUARANTOR_HTTP_ON_BOTH_BACKENDS(PledgeApi);

}  // namespace
}  // namespace guarantor::testing
