// The weekly cycle over HTTP: the secretariat opens a week; its agenda is generated from the
// workspace (unmet lines with the numbers of force generation, pledges expiring, sites awaiting
// decision, decisions due, caveats new or lifted since the last closed week); closing freezes a
// snapshot that later weeks compare against; a liaison never sees through the agenda what
// another nation does not share.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <regex>

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
  static std::int64_t close_two_weeks(httplib::Client& client);
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
  // An open week gives a liaison its cut of the gap board's reasons: none names a pledge of
  // France, which shares only totals.
  const std::regex names_fr1("(^|[^A-Za-z0-9.-])FR-1([^0-9]|$)");
  for (const auto& line : seen_by_de.at("agenda").at("unmet_lines")) {
    ASSERT_TRUE(line.contains("reasons")) << line.dump();
    EXPECT_FALSE(std::regex_search(line.at("reasons").dump(), names_fr1)) << line.dump();
  }
  // Germany's own pledges may be blocked by a US backstop of their own, so its reasons may say
  // so; everything else of the week must not show France's new caveat.
  json without_reasons = seen_by_de;
  for (auto& line : without_reasons.at("agenda").at("unmet_lines")) line.erase("reasons");
  EXPECT_EQ(without_reasons.dump().find("us_backstop"), std::string::npos);
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

// Weeks until the newest is closed and follows another closed week, whatever earlier cases left;
// returns the newest week's number.
std::int64_t WeekApi::close_two_weeks(httplib::Client& client) {
  for (int step = 0; step < 6; ++step) {
    const json weeks = HttpTest::json_of(client.Get("/api/v1/weeks?limit=1000", HttpTest::as("secretariat"))).at("items");
    int closed = 0;
    for (const auto& week : weeks) closed += week.at("closed").get<bool>() ? 1 : 0;
    if (!weeks.empty() && !weeks.back().at("closed").get<bool>()) {
      const std::string path = fmt::format("/api/v1/weeks/{}", weeks.back().at("number").get<std::int64_t>());
      const auto read = client.Get(path, HttpTest::as("secretariat"));
      const auto done = client.Post(path + "/close", HttpTest::as("secretariat", {{"If-Match", read->get_header_value("ETag")}}), "{}",
                                    "application/json");
      EXPECT_EQ(done->status, 200) << done->body;
    } else if (closed < 2) {
      std::string starts_on = "2026-03-02";
      if (!weeks.empty()) {
        // A week after the newest one's start.
        const std::string last = weeks.back().at("starts_on");
        const std::chrono::sys_days day{std::chrono::year{std::stoi(last.substr(0, 4))} / std::stoi(last.substr(5, 2)) /
                                        std::stoi(last.substr(8, 2))};
        const std::chrono::year_month_day next{day + std::chrono::days{7}};
        starts_on = fmt::format("{:04}-{:02}-{:02}", static_cast<int>(next.year()), static_cast<unsigned>(next.month()),
                                static_cast<unsigned>(next.day()));
      }
      const auto opened = client.Post("/api/v1/weeks", HttpTest::as("secretariat"), json{{"starts_on", starts_on}}.dump(), "application/json");
      EXPECT_EQ(opened->status, 201) << opened->body;
    } else {
      return weeks.back().at("number");
    }
  }
  ADD_FAILURE() << "could not close two weeks";
  return 0;
}

std::string run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  while (std::size_t got = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, got);
  pclose(pipe);
  return out;
}

// Runs of white space as one space: pdftotext breaks lines where the page wraps them.
std::string flattened(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    if (!space) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  return out;
}

// The closed week's brief as PDF, printed by Chromium from the /brief page, read back with
// pdftotext (poppler-utils): the heading, the headline figures GET /weeks/n gives, ILLUSTRATIVE at
// the head of every page and "Page p of n" at every foot. Printed on both back ends: the page
// reads the closed week from the store.
TEST_P(WeekApi, BriefPdfOfTheClosedWeek) {
  ASSERT_TRUE(std::filesystem::exists("/usr/bin/pdftotext")) << "pdftotext is needed (scripts/setup.sh installs poppler-utils)";
  auto client = server_->client();
  const std::int64_t number = close_two_weeks(client);
  const json week = json_of(client.Get(fmt::format("/api/v1/weeks/{}", number), as("secretariat")));
  ASSERT_FALSE(week.at("since_last_close").is_null());
  ASSERT_TRUE(week.at("agenda").at("illustrative").get<bool>()) << "the default pledges are illustrative";

  const auto pdf = client.Get(fmt::format("/api/v1/weeks/{}/brief.pdf", number), as("secretariat"));
  ASSERT_TRUE(pdf);
  ASSERT_EQ(pdf->status, 200) << pdf->body;
  EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf->get_header_value("Content-Disposition"), fmt::format("attachment; filename=\"brief-week-{}-ILLUSTRATIVE.pdf\"", number));
  const auto file = std::filesystem::temp_directory_path() / fmt::format("brief-week-{}-{}.pdf", number, getpid());
  std::ofstream(file, std::ios::binary) << pdf->body;
  const std::string info = run("/usr/bin/pdfinfo " + file.string());
  const auto pages_at = info.find("Pages:");
  ASSERT_NE(pages_at, std::string::npos) << info;
  const int pages = std::stoi(info.substr(pages_at + 6));
  EXPECT_GE(pages, 1);
  EXPECT_LE(pages, 4) << "a brief of two weeks of the default workspace fits a few pages";
  const std::string text = flattened(run("/usr/bin/pdftotext " + file.string() + " -"));
  EXPECT_NE(text.find(fmt::format("Weekly brief: week {}, starting {}", number, week.at("starts_on").get<std::string>())), std::string::npos) << text;
  const json& counts = week.at("since_last_close").at("gap_counts");
  const auto count = [&](const char* when, const char* status) { return counts.at(when).value(status, 0); };
  EXPECT_NE(text.find(fmt::format("Requirement lines covered {} → {}, partly covered {} → {}, missing {} → {}.", count("before", "covered"),
                                  count("after", "covered"), count("before", "partial"), count("after", "partial"),
                                  count("before", "missing"), count("after", "missing"))),
            std::string::npos) << text;
  EXPECT_EQ(text.find("could not be loaded"), std::string::npos) << text;
  for (int page = 1; page <= pages; ++page) {
    const std::string one = flattened(run(fmt::format("/usr/bin/pdftotext -f {0} -l {0} {1} -", page, file.string())));
    EXPECT_EQ(one.rfind("ILLUSTRATIVE", 0), 0u) << "page " << page << " starts with the banner: " << one;
    EXPECT_NE(one.find(fmt::format("Page {} of {}", page, pages)), std::string::npos) << "page " << page << ": " << one;
  }
  std::filesystem::remove(file);
}

// A server that cannot print answers with a stable code and no document, whatever the cause.
TEST_P(WeekApi, BriefPdfWithoutAWorkingBrowserIsAClearError) {
  auto client = server_->client();
  const std::int64_t number = close_two_weeks(client);
  EXPECT_EQ(client.Get("/api/v1/weeks/999999/brief.pdf", as("secretariat"))->status, 404);
  for (const auto& [browser, code] : std::vector<std::pair<std::string, std::string>>{
           {"/nonexistent/chromium", "pdf_printer_unavailable"}, {"/bin/false", "pdf_print_failed"}, {"/bin/true", "pdf_print_failed"}}) {
    server::ServerOptions options;
    options.pdf.chromium = browser;
    RunningServer broken(*workspace_, *base_, options);
    auto answer = broken.client().Get(fmt::format("/api/v1/weeks/{}/brief.pdf", number), as("planner"));
    ASSERT_TRUE(answer);
    EXPECT_EQ(answer->status, 503) << browser;
    EXPECT_EQ(json_of(answer).value("code", ""), code) << answer->body;
    EXPECT_NE(json_of(answer).value("message", "").find(browser), std::string::npos) << answer->body;
  }
}

GUARANTOR_HTTP_ON_BOTH_BACKENDS(WeekApi);

}  // namespace
}  // namespace guarantor::testing
