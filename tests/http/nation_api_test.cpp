// Editing a nation over HTTP: PUT /api/v1/nations/{iso2} with If-Match, a history entry with
// the record before and after, 412 on a stale version, 400 naming the field, and the split of
// who edits what (the secretariat every field, a liaison its own nation's home and source).
#include "guarantor/io/record_codec.hpp"
#include "http_fixture.hpp"

namespace guarantor::testing {
namespace {

using nlohmann::json;

class NationApi : public HttpTest {
protected:
  static httplib::Headers nation_version(const std::string& user, std::int64_t version) {
    return as(user, {{"If-Match", "\"" + std::to_string(version) + "\""}});
  }
  json nation_record(const std::string& iso2) const { return io::encode_nation(workspace_->nation(iso2)->nation); }
};

TEST_P(NationApi, SecretariatEditsEveryFieldWithVersionsAndHistory) {
  auto client = server_->client();
  const auto stored = *workspace_->nation("FR");
  json edited = nation_record("FR");
  edited["name"] = "French Republic";
  edited["home"] = json::array({2.5, 48.5});
  const auto history_before = workspace_->history("nation", "FR").size();

  EXPECT_EQ(client.Put("/api/v1/nations/FR", as("secretariat"), edited.dump(), "application/json")->status, 428);
  auto written = client.Put("/api/v1/nations/FR", nation_version("secretariat", stored.version), edited.dump(),
                            "application/json");
  ASSERT_EQ(written->status, 200) << written->body;
  EXPECT_EQ(written->get_header_value("ETag"), "\"" + std::to_string(stored.version + 1) + "\"");
  EXPECT_EQ(json_of(written).at("name"), "French Republic");
  EXPECT_EQ(json_of(written).at("sharing"), store::to_string(stored.sharing)) << "the sharing level is kept";
  EXPECT_EQ(workspace_->nation("FR")->nation.name, "French Republic");

  const auto entries = workspace_->history("nation", "FR");
  ASSERT_EQ(entries.size(), history_before + 1);
  EXPECT_EQ(entries.back().actor, "secretariat");
  EXPECT_EQ(entries.back().before.at("name"), "France");
  EXPECT_EQ(entries.back().after.at("name"), "French Republic");
  EXPECT_EQ(entries.back().after.at("home"), json::array({2.5, 48.5}));

  // A write based on the version before is refused with the current ETag; nothing changes.
  edited["name"] = "France again";
  auto stale = client.Put("/api/v1/nations/FR", nation_version("secretariat", stored.version), edited.dump(),
                          "application/json");
  EXPECT_EQ(stale->status, 412) << stale->body;
  EXPECT_EQ(stale->get_header_value("ETag"), "\"" + std::to_string(stored.version + 1) + "\"");
  EXPECT_EQ(workspace_->nation("FR")->nation.name, "French Republic");

  // The edit is part of the exported scenario, which still loads.
  workspace_->export_scenario(db_->scratch() / "nation-export");
  const auto exported =
      io::load_scenario(db_->scratch() / "nation-export" / "scenario.json", io::LoadOptions{GUARANTOR_TEST_ASSET_DIR});
  ASSERT_NE(exported.coalition.find_nation("FR"), nullptr);
  EXPECT_EQ(exported.coalition.find_nation("FR")->name, "French Republic");

  edited = nation_record("FR");
  edited["name"] = "France";
  ASSERT_EQ(client
                .Put("/api/v1/nations/FR", nation_version("secretariat", stored.version + 1), edited.dump(),
                     "application/json")
                ->status,
            200);
  EXPECT_EQ(
      client.Put("/api/v1/nations/ZZ", nation_version("secretariat", 1), edited.dump(), "application/json")->status,
      404);
}

TEST_P(NationApi, InvalidFieldsAreNamedAndWriteNothing) {
  auto client = server_->client();
  const auto stored = *workspace_->nation("GB");
  const auto history_before = workspace_->history().size();
  const std::pair<std::function<void(json&)>, std::string> cases[] = {
      {[](json& n) {
         n["home"] = json::array({200.0, 51.0});
       },
       "/home"},
      {[](json& n) { n["nato"] = "yes"; }, "/nato"},
      {[](json& n) { n.erase("name"); }, "/name"},
      {[](json& n) { n["capital"] = "London"; }, "/capital"},
      {[](json& n) { n["iso2"] = "FR"; }, "/iso2"},
  };
  for (const auto& [change, where] : cases) {
    json body = nation_record("GB");
    change(body);
    auto refused = client.Put("/api/v1/nations/GB", nation_version("secretariat", stored.version), body.dump(),
                              "application/json");
    ASSERT_EQ(refused->status, 400) << where << " " << refused->body;
    EXPECT_EQ(json_of(refused).at("where").get<std::string>().rfind(where, 0), 0U) << refused->body;
  }
  auto broken =
      client.Put("/api/v1/nations/GB", nation_version("secretariat", stored.version), "{\"iso2\":", "application/json");
  EXPECT_EQ(broken->status, 400) << broken->body;
  EXPECT_EQ(workspace_->history().size(), history_before);
  EXPECT_EQ(workspace_->nation("GB")->version, stored.version);
}

TEST_P(NationApi, LiaisonEditsOnlyItsOwnNationsHomeAndSource) {
  auto client = server_->client();
  auto version_of = [&](const std::string& iso2) { return workspace_->nation(iso2)->version; };
  json own = nation_record("FR");
  own["home"] = json::array({5.37, 43.3});
  own["source"] = "Mounting area: Marseille (statement of the French liaison)";
  auto written =
      client.Put("/api/v1/nations/FR", nation_version("liaison.fr", version_of("FR")), own.dump(), "application/json");
  ASSERT_EQ(written->status, 200) << written->body;
  EXPECT_EQ(workspace_->nation("FR")->nation.home.lon, 5.37);
  EXPECT_EQ(workspace_->history("nation", "FR").back().actor, "liaison.fr");

  for (const auto& [field, value] : {std::pair<const char*, json>{"name", "Gaul"}, {"nato", false}, {"eu", false}}) {
    json body = nation_record("FR");
    body[field] = value;
    auto refused = client.Put("/api/v1/nations/FR", nation_version("liaison.fr", version_of("FR")), body.dump(),
                              "application/json");
    EXPECT_EQ(refused->status, 403) << refused->body;
    EXPECT_EQ(json_of(refused).at("where"), std::string("/") + field);
  }
  json other = nation_record("DE");
  other["home"] = json::array({13.0, 52.0});
  EXPECT_EQ(
      client
          .Put("/api/v1/nations/DE", nation_version("liaison.fr", version_of("DE")), other.dump(), "application/json")
          ->status,
      403);
  EXPECT_EQ(
      client.Put("/api/v1/nations/DE", nation_version("planner", version_of("DE")), other.dump(), "application/json")
          ->status,
      403);
  EXPECT_NE(workspace_->nation("DE")->nation.home.lon, 13.0);
}

GUARANTOR_HTTP_ON_BOTH_BACKENDS(NationApi);

}  // namespace
}  // namespace guarantor::testing
