// The gap board as a liaison sees it: the one force-generation result cut by each nation's
// sharing level. Its figures are the full board's, line for line; no pledge id of a nation that
// shares only totals, and no caveat, condition, validity or source of a nation that shares by
// capability only, reaches the liaison through the JSON, the XLSX, the week agenda or an error.
#include <algorithm>
#include <regex>
#include <set>

#include "http_fixture.hpp"
#include "xlsx_reader.hpp"

namespace guarantor::testing {
namespace {

using nlohmann::json;

// Verdicts whose reason capability-only sharing shows (it names id, quantity and readiness).
const std::set<std::string> SHARED_REASON_VERDICTS = {"counted", "committed_elsewhere", "too_late"};

class GapBoardAsShared : public HttpTest {
protected:
  void share(httplib::Client& client, const std::string& nation, const std::string& level) const {
    const auto version = workspace_->nation(nation)->version;
    auto result = client.Put("/api/v1/nations/" + nation + "/sharing",
                             as("secretariat", {{"If-Match", "\"" + std::to_string(version) + "\""}}),
                             json{{"sharing", level}}.dump(), "application/json");
    ASSERT_EQ(result->status, 200) << result->body;
  }
  // Texts of the nations' pledges that only full sharing shows (caveat and pledge sources),
  // less those that pledges of other nations quote too (a declaration several nations signed).
  std::vector<std::string> private_texts(const std::set<std::string>& nations) const {
    std::set<std::string> mine, others;
    for (const auto& record : workspace_->pledges()) {
      auto& texts = nations.contains(record.value.nation) ? mine : others;
      texts.insert(record.value.source);
      for (const auto& caveat : record.value.caveats) texts.insert(caveat.source());
    }
    std::vector<std::string> only_mine;
    for (const auto& text : mine)
      if (!text.empty() && !others.contains(text)) only_mine.push_back(text);
    return only_mine;
  }
  std::vector<std::string> pledge_ids(const std::string& nation) const {
    std::vector<std::string> ids;
    for (const auto& record : workspace_->pledges())
      if (record.value.nation == nation) ids.push_back(record.value.id);
    return ids;
  }
};

// True when `text` names the pledge id as a whole word (DE-1, not DE-10).
bool names_pledge(const std::string& text, const std::string& id) {
  const std::regex whole("(^|[^A-Za-z0-9.-])" + id + "([^A-Za-z0-9]|$)");
  return std::regex_search(text, whole);
}

// Every text a spreadsheet's cells hold (shared strings), as one string.
std::string workbook_text(const std::string& body) {
  const auto parts = unzip(body);
  const auto found = parts.find("xl/sharedStrings.xml");
  return found == parts.end() ? std::string() : found->second;
}

// The nation other than `except` whose pledges the full board most often reports as blocked by
// their terms (caveat, condition, validity): the capability-only case then has something to hide.
std::string most_restricted_nation(const json& board, const std::set<std::string>& except) {
  std::map<std::string, int> restricted;
  for (const auto& phase : board.at("phases"))
    for (const auto& line : phase.at("lines"))
      for (const auto& pledge : line.at("pledges"))
        if (!SHARED_REASON_VERDICTS.contains(pledge.at("verdict").get<std::string>()) &&
            !except.contains(pledge.at("nation").get<std::string>()))
          ++restricted[pledge.at("nation").get<std::string>()];
  std::string best;
  for (const auto& [nation, count] : restricted)
    if (best.empty() || count > restricted[best]) best = nation;
  return best;
}

TEST_P(GapBoardAsShared, FiguresAreTheFullBoardsAndNothingRestrictedReachesALiaison) {
  auto client = server_->client();
  const json before = json_of(client.Get("/api/v1/gap-board", as("planner")));
  const std::string aggregate = "DE";
  const std::string capability_only = most_restricted_nation(before, {"FR", aggregate});
  ASSERT_FALSE(capability_only.empty()) << "the default coalition has pledges blocked by their terms";
  share(client, aggregate, "aggregate");
  share(client, capability_only, "capability_only");

  const json full = json_of(client.Get("/api/v1/gap-board", as("planner")));
  EXPECT_EQ(full, before) << "sharing levels do not change the full board";
  EXPECT_EQ(json_of(client.Get("/api/v1/gap-board", as("host"))), full) << "the host nation reads the full board";
  auto answer = client.Get("/api/v1/gap-board", as("liaison.fr"));
  ASSERT_EQ(answer->status, 200) << answer->body;
  const json cut = json_of(answer);
  const std::string text = answer->body;

  // The figures: every phase, line and rotation pool as in the full board; the pledges of each
  // line add up to the same offered and committed units.
  ASSERT_EQ(cut.at("phases").size(), full.at("phases").size());
  EXPECT_EQ(cut.at("lines_covered_by_pledges"), full.at("lines_covered_by_pledges"));
  int restricted_reasons = 0, summed_entries = 0;
  for (std::size_t p = 0; p < full.at("phases").size(); ++p) {
    const json& full_phase = full.at("phases")[p];
    const json& cut_phase = cut.at("phases")[p];
    EXPECT_EQ(cut_phase.at("rotation"), full_phase.at("rotation"));
    ASSERT_EQ(cut_phase.at("lines").size(), full_phase.at("lines").size());
    for (std::size_t l = 0; l < full_phase.at("lines").size(); ++l) {
      const json& full_line = full_phase.at("lines")[l];
      const json& cut_line = cut_phase.at("lines")[l];
      for (const char* figure : {"id", "capability", "priority", "required", "filled", "shortfall", "status"})
        EXPECT_EQ(cut_line.at(figure), full_line.at(figure)) << full_line.at("id") << " " << figure;
      EXPECT_EQ(cut_line.at("gap_reasons").empty(), full_line.at("gap_reasons").empty()) << full_line.at("id");
      int offered[2] = {0, 0}, committed[2] = {0, 0}, aggregate_pledges[2] = {0, 0};
      for (const auto& pledge : full_line.at("pledges")) {
        offered[0] += pledge.at("offered").get<int>();
        committed[0] += pledge.at("committed").get<int>();
        if (pledge.at("nation") == aggregate) ++aggregate_pledges[0];
        if (pledge.at("nation") == capability_only &&
            !SHARED_REASON_VERDICTS.contains(pledge.at("verdict").get<std::string>())) {
          ++restricted_reasons;
          EXPECT_EQ(text.find(pledge.at("reason").get<std::string>()), std::string::npos) << pledge.at("reason");
        }
        if (pledge.at("nation") == aggregate) {
          EXPECT_EQ(text.find(pledge.at("reason").get<std::string>()), std::string::npos) << pledge.at("reason");
        }
        // The liaison's own nation: its pledges exactly as on the full board.
        if (pledge.at("nation") == "FR") {
          EXPECT_NE(std::find(cut_line.at("pledges").begin(), cut_line.at("pledges").end(), pledge),
                    cut_line.at("pledges").end())
              << pledge.dump();
        }
      }
      for (const auto& pledge : cut_line.at("pledges")) {
        offered[1] += pledge.at("offered").get<int>();
        committed[1] += pledge.at("committed").get<int>();
        EXPECT_NE(pledge.at("nation"), aggregate) << pledge.dump();
        if (pledge.at("pledge").is_null()) {
          aggregate_pledges[1] += pledge.at("pledges").get<int>();
          ++summed_entries;
        }
      }
      EXPECT_EQ(offered[1], offered[0]) << full_line.at("id");
      EXPECT_EQ(committed[1], committed[0]) << full_line.at("id");
      EXPECT_EQ(aggregate_pledges[1], aggregate_pledges[0]) << full_line.at("id");
    }
  }
  EXPECT_GT(restricted_reasons, 0) << capability_only;
  EXPECT_GT(summed_entries, 0);

  const std::vector<std::string> secrets = private_texts({aggregate, capability_only});
  ASSERT_FALSE(secrets.empty());
  const auto leaks = [&](const std::string& where, const std::string& body) {
    for (const auto& id : pledge_ids(aggregate)) EXPECT_FALSE(names_pledge(body, id)) << where << " names " << id;
    for (const auto& secret : secrets) EXPECT_EQ(body.find(secret), std::string::npos) << where << " holds " << secret;
  };
  leaks("the gap board", text);

  auto sheet = client.Get("/api/v1/gap-board.xlsx", as("liaison.fr"));
  ASSERT_EQ(sheet->status, 200);
  leaks("the gap board's XLSX", workbook_text(sheet->body));

  auto opened = client.Post("/api/v1/weeks", as("secretariat"), R"({"starts_on":"2026-03-02"})", "application/json");
  ASSERT_EQ(opened->status, 201) << opened->body;
  auto week = client.Get(opened->get_header_value("Location"), as("liaison.fr"));
  ASSERT_EQ(week->status, 200) << week->body;
  leaks("the week agenda", week->body);

  // Errors: a hidden pledge answers as a missing one, naming only the id asked for.
  const std::string hidden = pledge_ids(aggregate).front();
  std::vector<httplib::Result> refusals;
  refusals.push_back(client.Get("/api/v1/pledges/" + hidden, as("liaison.fr")));
  refusals.push_back(client.Post("/api/v1/pledges/" + hidden + "/preview", as("liaison.fr"), "{}", "application/json"));
  refusals.push_back(client.Delete("/api/v1/pledges/" + hidden, as("liaison.fr", {{"If-Match", "\"1\""}})));
  for (const auto& refused : refusals) {
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 404) << refused->body;
    for (const auto& secret : secrets) EXPECT_EQ(refused->body.find(secret), std::string::npos) << refused->body;
  }
  share(client, aggregate, "full");
  share(client, capability_only, "full");
  EXPECT_EQ(json_of(client.Get("/api/v1/gap-board", as("liaison.fr"))), full)
      << "a coalition sharing in full shows all";
}

GUARANTOR_HTTP_ON_BOTH_BACKENDS(GapBoardAsShared);

}  // namespace
}  // namespace guarantor::testing
