// GET /api/v1/health answers anyone with the schema version and the back end, and no data;
// GET /api/v1/status gives the secretariat the grouped writes counted since the server's
// workspace was opened, which a write over the API advances.
#include <fmt/format.h>

#include "http_fixture.hpp"

namespace guarantor::testing {
namespace {

class StatusApi : public HttpTest {};

TEST_P(StatusApi, HealthIsPublicAndNamesSchemaAndBackEnd) {
  auto client = server_->client();
  auto result = client.Get("/api/v1/health");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  const auto body = json_of(result);
  EXPECT_EQ(body.at("status"), "ok");
  EXPECT_EQ(body.at("schema_version"), workspace_->schema_version());
  EXPECT_EQ(body.at("back_end"), backend_name(GetParam()));
  EXPECT_EQ(body.size(), 3U) << "the health answer names no data: " << body.dump();
  // The same answer with credentials: a token changes nothing.
  EXPECT_EQ(json_of(client.Get("/api/v1/health", as("observer"))), body);
}

TEST_P(StatusApi, CountsTheGroupedWritesForTheSecretariat) {
  auto client = server_->client();
  const auto before = json_of(client.Get("/api/v1/status", as("secretariat")));
  ASSERT_TRUE(before.contains("writes")) << before.dump();
  EXPECT_EQ(before.at("back_end"), backend_name(GetParam()));
  EXPECT_EQ(before.at("database"), workspace_->database_name());
  EXPECT_EQ(before.at("writes").at("pending"), 0);
  EXPECT_EQ(before.at("event_streams").at("open"), 0);

  // A nation the other suites leave alone: its sharing level set to what it is (a grouped write
  // that still records a new version).
  const auto nation = workspace_->nations().back();
  const std::string path = fmt::format("/api/v1/nations/{}/sharing", nation.nation.iso2);
  const nlohmann::json sharing = {{"sharing", store::to_string(nation.sharing)}};
  httplib::Headers headers = as("secretariat", {{"If-Match", fmt::format("\"{}\"", nation.version)}});
  auto written = client.Put(path, headers, sharing.dump(), "application/json");
  ASSERT_TRUE(written);
  ASSERT_EQ(written->status, 200) << written->body;

  const auto after = json_of(client.Get("/api/v1/status", as("secretariat")));
  EXPECT_EQ(after.at("writes").at("writes").get<int>(), before.at("writes").at("writes").get<int>() + 1);
  EXPECT_EQ(after.at("writes").at("groups").get<int>(), before.at("writes").at("groups").get<int>() + 1);
  EXPECT_GE(after.at("writes").at("largest_group").get<int>(), 1);
  EXPECT_EQ(after.at("writes").at("writes"), workspace_->write_statistics().writes);
  EXPECT_EQ(after.at("event_streams").at("limit"), server::ServerOptions{}.max_event_streams);
}

GUARANTOR_HTTP_ON_BOTH_BACKENDS(StatusApi);

}  // namespace
}  // namespace guarantor::testing
