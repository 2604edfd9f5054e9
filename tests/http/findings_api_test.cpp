// Ceasefire monitoring in the server: a monitor uploads report files (read by their adapter at
// upload; unusable files refused with nothing stored), runs a verify job on the worker pool, and
// the findings are stored as a version recording its inputs' hashes; publishing is a separate,
// audited act, and only then do other roles see the findings, and the week's agenda lists
// them by party. Verify jobs belong to monitors:
// planners neither start nor follow them. Jobs are recorded in the workspace and outlive a
// restart.
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "guarantor/core/sha256.hpp"
#include "http_fixture.hpp"

namespace guarantor::testing {
namespace {

using nlohmann::json;

class FindingsApi : public HttpTest {
protected:
  static json wait_for(httplib::Client& client, const std::string& id) { return finished_job(client, id, "monitor"); }

  static httplib::Result upload(httplib::Client& client, const std::string& name, const std::string& content,
                                const std::string& user = "monitor") {
    return client.Post("/api/v1/reports", as(user), json{{"name", name}, {"content", content}}.dump(), "application/json");
  }
};

TEST_P(FindingsApi, ReportsAreVerifiedIntoFindingsThatOthersSeeOnlyOncePublished) {
  auto client = server_->client();
  const std::string csv = verify_fixture("reports_guarantor.csv");
  auto uploaded = upload(client, "week12.csv", csv);
  ASSERT_EQ(uploaded->status, 201) << uploaded->body;
  const json file = json_of(uploaded);
  EXPECT_EQ(file.at("format"), "guarantor_csv");
  EXPECT_EQ(file.at("sha256"), sha256_hex(csv));
  EXPECT_GT(file.at("reports").get<int>(), 0);
  // Row g4 has the date 2025-03-32: rejected, and named by the uploaded file's name and line.
  ASSERT_GT(file.at("rejected").get<int>(), 0);
  EXPECT_EQ(file.at("rejections").at(0).at("where").get<std::string>().rfind("week12.csv:", 0), 0u) << file.dump();
  const std::int64_t file_id = file.at("id");
  auto stored = client.Get("/api/v1/reports/" + std::to_string(file_id), as("secretariat"));
  ASSERT_EQ(stored->status, 200);
  EXPECT_EQ(json_of(stored).at("content"), csv);

  // Planners plan; verifying is the monitors' work.
  const std::string body = json{{"kind", "verify"}, {"report_files", {file_id}}}.dump();
  EXPECT_EQ(client.Post("/api/v1/jobs", as("planner"), body, "application/json")->status, 403);
  auto started = client.Post("/api/v1/jobs", as("monitor"), body, "application/json");
  ASSERT_EQ(started->status, 202) << started->body;
  const std::string job = json_of(started).at("id");
  EXPECT_EQ(client.Get("/api/v1/jobs/" + job, as("planner"))->status, 404);
  EXPECT_EQ(client.Get("/api/v1/jobs/" + job, as("host"))->status, 404);
  const json done = wait_for(client, job);
  ASSERT_EQ(done.at("state"), "succeeded") << done.dump();
  EXPECT_EQ(done.at("progress").at("done"), done.at("progress").at("total"));
  const std::int64_t version = done.at("result").at("findings_version");
  const std::string one = "/api/v1/findings/" + std::to_string(version);

  auto full = client.Get(one, as("monitor"));
  ASSERT_EQ(full->status, 200) << full->body;
  const json findings = json_of(full);
  EXPECT_FALSE(findings.at("published"));
  EXPECT_EQ(findings.at("inputs").at("report_files").at(0).at("sha256"), sha256_hex(csv));
  EXPECT_EQ(findings.at("inputs").at("agreement_sha256").get<std::string>().size(), 64u);
  EXPECT_EQ(findings.at("summary").at("read"), file.at("reports"));
  EXPECT_EQ(findings.at("findings").at("counts"), findings.at("summary"));
  // The findings document is the stored one, member for member (it is sent as stored).
  EXPECT_EQ(findings.at("findings"), json::parse(workspace_->findings_version_text(version)));
  // The run names its input as the workspace does, never by a scratch path.
  EXPECT_EQ(findings.at("findings").at("inputs").at(0).at("path"), fmt::format("{}/week12.csv", file_id));
  EXPECT_EQ(findings.dump().find(std::filesystem::temp_directory_path().string()), std::string::npos);

  // Unpublished findings do not exist for anyone but monitors and the secretariat.
  EXPECT_EQ(client.Get(one, as("observer"))->status, 404);
  EXPECT_EQ(client.Get(one, as("planner"))->status, 404);
  const json observer_list = json_of(client.Get("/api/v1/findings?limit=1000", as("observer")));
  for (const json& item : observer_list.at("items")) EXPECT_NE(item.at("id"), version);

  // The week starting today lists findings once they are published in it, not before.
  const std::string today = findings.at("created_at").get<std::string>().substr(0, 10);
  auto week = client.Post("/api/v1/weeks", as("secretariat"), json{{"starts_on", today}}.dump(), "application/json");
  ASSERT_EQ(week->status, 201) << week->body;
  const std::string week_path = fmt::format("/api/v1/weeks/{}", json_of(week).at("number").get<int>());
  const auto agenda_findings = [&] { return json_of(client.Get(week_path, as("secretariat"))).at("agenda").at("findings"); };
  EXPECT_EQ(agenda_findings().at("versions"), json::array()) << "unpublished findings are not on the agenda";

  EXPECT_EQ(client.Post(one + "/publish", as("planner"), "", "application/json")->status, 403);
  auto published = client.Post(one + "/publish", as("monitor"), "", "application/json");
  ASSERT_EQ(published->status, 200) << published->body;
  EXPECT_EQ(json_of(published).at("published_by"), "monitor");
  EXPECT_EQ(client.Post(one + "/publish", as("secretariat"), "", "application/json")->status, 409);
  auto seen = client.Get(one, as("observer"));
  ASSERT_EQ(seen->status, 200);
  EXPECT_EQ(json_of(seen).at("findings"), findings.at("findings"));

  // Published: the agenda has the version, and its findings by party with counts per provision.
  const json listed = agenda_findings();
  ASSERT_EQ(listed.at("versions").size(), 1u) << listed.dump();
  EXPECT_EQ(listed.at("versions").at(0).at("id"), version);
  EXPECT_EQ(listed.at("count"), findings.at("summary").at("findings"));
  const json& by_side = findings.at("findings").at("by_side");
  ASSERT_FALSE(by_side.empty());
  ASSERT_EQ(listed.at("by_party").size(), by_side.size());
  for (const json& party : listed.at("by_party")) {
    const json& expected = by_side.at(party.at("party").get<std::string>());
    ASSERT_EQ(party.at("provisions").size(), expected.size());
    for (const json& provision : party.at("provisions"))
      EXPECT_EQ(provision.at("counts"), expected.at(provision.at("provision").get<std::string>())) << party.dump();
  }

  const auto history = workspace_->history("findings_version", std::to_string(version));
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].action, "create");
  EXPECT_EQ(history[1].action, "publish");
  EXPECT_EQ(history[1].actor, "monitor");
  EXPECT_GE(workspace_->verify_history(), 1);
}

TEST_P(FindingsApi, UnusableUploadsAndBadJobRequestsAreRefusedWithNothingStored) {
  auto client = server_->client();
  const auto files_before = workspace_->report_files().size();
  const auto versions_before = workspace_->findings_versions().size();
  const struct {
    std::string name, content, where;
  } bad[] = {
      {"../escape.csv", verify_fixture("reports_guarantor.csv"), "/name"},
      {"sub/dir.csv", verify_fixture("reports_guarantor.csv"), "/name"},
      {"notes.txt", "hello", "/name"},
      {"unknown.csv", "a,b\n1,2\n", "/content"},
      {"broken.json", "{\"reports\": [", "/content"},
      {"empty.csv", "", "/content"},
  };
  for (const auto& c : bad) {
    auto result = upload(client, c.name, c.content);
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, 400) << c.name << ": " << result->body;
    EXPECT_EQ(json_of(result).value("where", ""), c.where) << c.name << ": " << result->body;
  }
  EXPECT_EQ(upload(client, "x.csv", verify_fixture("reports_guarantor.csv"), "planner")->status, 403);
  EXPECT_EQ(workspace_->report_files().size(), files_before);

  for (const auto& [body, where] : std::vector<std::pair<json, std::string>>{
           {{{"kind", "verify"}, {"report_files", {999999}}}, "/report_files/0"},
           {{{"kind", "verify"}, {"report_files", json::array()}}, "/report_files"},
           {{{"kind", "verify"}, {"report_files", {"1"}}}, "/report_files/0"},
           {{{"kind", "verify"}, {"files", {1}}}, "/files"},
           {{{"kind", "audit"}}, "/kind"}}) {
    auto result = client.Post("/api/v1/jobs", as("monitor"), body.dump(), "application/json");
    EXPECT_EQ(result->status, 400) << body.dump() << ": " << result->body;
    EXPECT_EQ(json_of(result).value("where", ""), where) << body.dump();
  }
  EXPECT_EQ(workspace_->findings_versions().size(), versions_before);
}

// Verify jobs judge against the workspace's theatre as it stands when the run starts, not the
// default scenario's: a workspace whose theatre also outlines Lithuania places a strike near
// Vilnius in a country outside the monitored theatre (kept, not judged), where the default
// theatre, without that outline, cannot tell the country and judges it. Each findings version
// records the hash of the theatre it read.
TEST_P(FindingsApi, VerifyJudgesAgainstTheWorkspacesOwnTheatre) {
  const std::string data = GUARANTOR_TEST_DATA_DIR;
  server::ServerOptions options;
  options.verify.workspace_theatre = true;
  options.verify.asset_dir = GUARANTOR_TEST_ASSET_DIR;
  options.verify.admin_area_names = data + "/verify/admin_areas.json";
  options.verify.theatre_scope = data + "/verify/theatre_scope.json";
  server_ = std::make_unique<RunningServer>(*workspace_, *base_, options);
  auto client = server_->client();
  const std::string csv =
      "id,date,outlet,claimant,claimed_actor,category,target_kind,weapon_class,place,admin1,lon,lat,"
      "location_uncertainty_m,fatalities,description\n"
      "lt1,2025-03-20T03:00:00Z,Reuters,,RU,strike,power_generation_transmission,drone,,,25.2797,54.6872,500,0,"
      "\"Drone strike on a substation near Vilnius\"\n"
      "ua1,2025-03-20T02:10:00Z,Reuters,,RU,strike,power_generation_transmission,drone,,,36.2304,49.9935,500,0,"
      "\"Drone strike on a substation, Kharkiv\"\n";
  auto uploaded = upload(client, "theatre.csv", csv);
  ASSERT_EQ(uploaded->status, 201) << uploaded->body;
  const std::string body = json{{"kind", "verify"}, {"report_files", {json_of(uploaded).at("id")}}}.dump();
  const auto run = [&] {
    auto started = client.Post("/api/v1/jobs", as("monitor"), body, "application/json");
    EXPECT_EQ(started->status, 202) << started->body;
    const json done = wait_for(client, json_of(started).at("id").get<std::string>());
    EXPECT_EQ(done.at("state"), "succeeded") << done.dump();
    return json_of(
        client.Get(fmt::format("/api/v1/findings/{}", done.at("result").at("findings_version").get<std::int64_t>()),
                   as("monitor")));
  };
  // The findings whose incident has the report among its sources.
  const auto findings_naming = [](const json& version, const std::string& report) {
    int count = 0;
    for (const json& finding : version.at("findings").at("findings"))
      for (const json& source : finding.at("sources")) count += source.at("report") == report ? 1 : 0;
    return count;
  };

  const json as_seeded = run();
  const std::string seeded_theatre = as_seeded.at("inputs").at("theatre_sha256");
  EXPECT_EQ(seeded_theatre.size(), 64u);
  EXPECT_EQ(as_seeded.at("findings").at("out_of_theatre"), json::array()) << as_seeded.at("findings").dump();
  EXPECT_GT(findings_naming(as_seeded, "guarantor_csv:lt1"), 0) << "no outline names the country: judged";
  EXPECT_GT(findings_naming(as_seeded, "guarantor_csv:ua1"), 0);

  // The workspace's theatre gains Lithuania's outline, through export, edit and import as a user
  // would make it.
  const auto exported = db_->scratch() / "theatre-edit";
  workspace_->export_scenario(exported);
  const auto countries_file = exported / "theatre" / "countries.json";
  json countries = json::parse(std::ifstream(countries_file));
  countries.at("countries")
      .push_back({{"iso2", "LT"},
                  {"iso_n3", "440"},
                  {"name", "Lithuania"},
                  {"role", "neighbour_other"},
                  {"nato", true},
                  {"eu", true},
                  {"rail_gauge_mm", "1520"},
                  {"source", "ISO 3166-1"}});
  std::ofstream(countries_file, std::ios::trunc) << countries.dump(1);
  workspace_->import_scenario(exported / "scenario.json", io::LoadOptions{GUARANTOR_TEST_ASSET_DIR}, "import");
  const json widened = run();
  workspace_->import_scenario(default_scenario(), "import");

  EXPECT_NE(widened.at("inputs").at("theatre_sha256"), seeded_theatre);
  ASSERT_EQ(widened.at("findings").at("out_of_theatre").size(), 1u) << widened.at("findings").dump();
  EXPECT_EQ(findings_naming(widened, "guarantor_csv:lt1"), 0)
      << "in Lithuania, outside the monitored theatre: not judged";
  EXPECT_EQ(findings_naming(widened, "guarantor_csv:ua1"), findings_naming(as_seeded, "guarantor_csv:ua1"));
}

// A restart keeps finished jobs readable (state, result, the stream's last event) and reports a
// job the stopped server left running as interrupted instead of forgetting it.
TEST_P(FindingsApi, JobsOutliveARestart) {
  auto client = server_->client();
  auto uploaded = upload(client, "restart.csv", verify_fixture("reports_guarantor.csv"));
  ASSERT_EQ(uploaded->status, 201) << uploaded->body;
  const std::string body = json{{"kind", "verify"}, {"report_files", {json_of(uploaded).at("id")}}}.dump();
  const std::string finished = json_of(client.Post("/api/v1/jobs", as("monitor"), body, "application/json")).at("id");
  const json before = wait_for(client, finished);
  ASSERT_EQ(before.at("state"), "succeeded");
  // As the journal holds a job whose server was killed mid-run.
  const std::string cut_short = "job-00000000000000ab";
  workspace_->record_job({{"id", cut_short},
                          {"kind", "plan"},
                          {"state", "running"},
                          {"progress", {{"stage", "hubs"}, {"done", 2}, {"total", 8}}},
                          {"created_by", "planner"},
                          {"created_at", "2026-03-02T09:00:00Z"},
                          {"revision", 4}});

  server_ = std::make_unique<RunningServer>(*workspace_, *base_);
  auto restarted = server_->client();
  auto after = restarted.Get("/api/v1/jobs/" + finished, as("monitor"));
  ASSERT_EQ(after->status, 200) << after->body;
  EXPECT_EQ(json_of(after).at("state"), "succeeded");
  EXPECT_EQ(json_of(after).at("result"), before.at("result"));
  EXPECT_EQ(restarted.Get("/api/v1/jobs/" + finished, as("planner"))->status, 404) << "verify jobs stay the monitors'";
  std::string stream;
  restarted.Get("/api/v1/jobs/" + finished + "/events", as("monitor"), [&](const char* data, std::size_t size) {
    stream.append(data, size);
    return true;
  });
  EXPECT_EQ(stream.rfind("event: end\n", 0), 0u) << stream;

  auto interrupted = restarted.Get("/api/v1/jobs/" + cut_short, as("planner"));
  ASSERT_EQ(interrupted->status, 200) << interrupted->body;
  EXPECT_EQ(json_of(interrupted).at("state"), "interrupted");
  EXPECT_FALSE(json_of(interrupted).at("error").get<std::string>().empty());
  EXPECT_EQ(json_of(interrupted).at("progress").at("stage"), "hubs");
  EXPECT_EQ(restarted.Delete("/api/v1/jobs/" + cut_short, as("planner"))->status, 409);
}

// The weekly brief's findings: the versions published since the last close, and the newest of
// them per provision and party beside the newest version that close knew. One week closes knowing
// a version of one Russian claim; the week after then has a version of the whole file, so Ukraine's
// claims are new and Russia's are compared with the earlier week's.
TEST_P(FindingsApi, TheBriefComparesNewFindingsPerProvisionAndPartyWithTheLastClose) {
  auto client = server_->client();
  const auto verify_and_publish = [&](const std::string& name, const std::string& content) -> std::int64_t {
    auto uploaded = upload(client, name, content);
    EXPECT_EQ(uploaded->status, 201) << uploaded->body;
    const std::string body = json{{"kind", "verify"}, {"report_files", {json_of(uploaded).at("id")}}}.dump();
    const json done = wait_for(client, json_of(client.Post("/api/v1/jobs", as("monitor"), body, "application/json")).at("id"));
    const std::int64_t version = done.at("result").at("findings_version");
    EXPECT_EQ(client.Post(fmt::format("/api/v1/findings/{}/publish", version), as("monitor"), "", "application/json")->status, 200);
    return version;
  };
  const auto by_side = [&](std::int64_t version) {
    return json_of(client.Get(fmt::format("/api/v1/findings/{}", version), as("secretariat"))).at("findings").at("by_side");
  };
  // The suite's workspace is shared: a week an earlier test left open is closed first, and the
  // weeks here start after any it opened.
  const auto close_latest = [&] {
    const json weeks = json_of(client.Get("/api/v1/weeks?limit=1000", as("secretariat"))).at("items");
    if (weeks.empty() || weeks.back().at("closed").get<bool>()) return std::int64_t{0};
    const std::int64_t number = weeks.back().at("number");
    const auto read = client.Get(fmt::format("/api/v1/weeks/{}", number), as("secretariat"));
    const auto closed = client.Post(fmt::format("/api/v1/weeks/{}/close", number), as("secretariat", {{"If-Match", read->get_header_value("ETag")}}),
                                    "{}", "application/json");
    EXPECT_EQ(closed->status, 200) << closed->body;
    return number;
  };
  const auto open_week = [&](const std::string& day) {
    auto opened = client.Post("/api/v1/weeks", as("secretariat"), json{{"starts_on", day}}.dump(), "application/json");
    EXPECT_EQ(opened->status, 201) << opened->body;
    return opened->get_header_value("ETag");
  };
  const std::string csv = verify_fixture("reports_guarantor.csv");
  // The header and row g3 alone (the Russian ministry's claim of a drone attack on a refinery).
  std::string russian_claim;
  std::istringstream rows_of(csv);
  for (std::string row; std::getline(rows_of, row);)
    if (russian_claim.empty() || row.rfind("g3,", 0) == 0) russian_claim += row + "\n";

  close_latest();
  open_week("2099-01-05");
  const std::int64_t first = verify_and_publish("russian-claim.csv", russian_claim);
  ASSERT_EQ(by_side(first).size(), 1u) << by_side(first).dump();
  ASSERT_TRUE(by_side(first).contains("RU")) << by_side(first).dump();
  ASSERT_GT(close_latest(), 0);
  open_week("2099-01-12");
  const std::string week2 = fmt::format("/api/v1/weeks/{}", json_of(client.Get("/api/v1/weeks?limit=1000", as("secretariat"))).at("items").back().at("number").get<int>());
  json findings = json_of(client.Get(week2, as("planner"))).at("since_last_close").at("findings");
  EXPECT_EQ(findings.at("new_versions"), json::array()) << "nothing published since week 1's close yet";
  EXPECT_EQ(findings.at("compared_with_version"), first);
  EXPECT_EQ(findings.at("by_provision_and_party"), json::array());

  const std::int64_t second = verify_and_publish("week2.csv", csv);
  findings = json_of(client.Get(week2, as("liaison.fr"))).at("since_last_close").at("findings");
  ASSERT_EQ(findings.at("new_versions").size(), 1u) << findings.dump();
  EXPECT_EQ(findings.at("new_versions").at(0).at("id"), second);
  EXPECT_EQ(findings.at("latest_version"), second);
  EXPECT_EQ(findings.at("compared_with_version"), first);
  const json was = by_side(first);
  const json now = by_side(second);
  ASSERT_TRUE(now.contains("UA")) << now.dump();
  std::size_t expected_rows = 0;
  for (const auto& [party, provisions] : now.items()) expected_rows += provisions.size();
  for (const auto& [party, provisions] : was.items())
    for (const auto& [provision, counts] : provisions.items()) expected_rows += now.contains(party) && now.at(party).contains(provision) ? 0 : 1;
  const json& rows = findings.at("by_provision_and_party");
  EXPECT_EQ(rows.size(), expected_rows) << rows.dump();
  bool ukraine_new = false;
  for (const json& row : rows) {
    const std::string party = row.at("party"), provision = row.at("provision");
    EXPECT_EQ(row.at("after"), now.contains(party) ? now.at(party).value(provision, json()) : json()) << row.dump();
    EXPECT_EQ(row.at("before"), was.contains(party) ? was.at(party).value(provision, json()) : json()) << row.dump();
    EXPECT_FALSE(row.at("title").get<std::string>().empty()) << row.dump();
    ukraine_new = ukraine_new || (party == "UA" && row.at("before").is_null() && row.at("after").is_object());
  }
  EXPECT_TRUE(ukraine_new) << "Ukraine's claims are new in week 2: " << rows.dump();
}

GUARANTOR_HTTP_ON_BOTH_BACKENDS(FindingsApi);

}  // namespace
}  // namespace guarantor::testing
