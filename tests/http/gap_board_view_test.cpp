// The gap board as a liaison sees it: the one force-generation result cut by each nation's
// sharing level. Its figures are the full board's, line for line; no pledge id of a nation that
// shares only totals, and no caveat, condition, validity or source of a nation that shares by
// capability only, reaches the liaison through the JSON, the XLSX, the week agenda, a pledge
// preview or an error; the agenda's and the preview's reasons are the liaison's cut board's.
#include <algorithm>
#include <regex>
#include <set>

#include "guarantor/io/record_codec.hpp"
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

// Each line's gap reasons on a board, by (phase, line id).
std::map<std::pair<json, json>, json> reasons_by_line(const json& board) {
  std::map<std::pair<json, json>, json> reasons;
  for (const auto& phase : board.at("phases"))
    for (const auto& line : phase.at("lines")) reasons[{phase.at("phase"), line.at("id")}] = line.at("gap_reasons");
  return reasons;
}

// The pledge of `nation` committed with the most units on one line of the full board, and those units.
std::pair<std::string, int> counted_pledge_of(const json& board, const std::string& nation) {
  std::pair<std::string, int> best{"", 0};
  for (const auto& phase : board.at("phases"))
    for (const auto& line : phase.at("lines"))
      for (const auto& pledge : line.at("pledges"))
        if (pledge.at("nation") == nation && pledge.at("committed").get<int>() > best.second)
          best = {pledge.at("pledge").get<std::string>(), pledge.at("committed").get<int>()};
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
  // An open week's unmet lines carry the liaison's reasons: exactly its cut board's.
  const auto cut_reasons = reasons_by_line(cut);
  const json unmet = json_of(week).at("agenda").at("unmet_lines");
  ASSERT_FALSE(unmet.empty());
  for (const auto& line : unmet) {
    ASSERT_TRUE(line.contains("reasons")) << line.dump();
    EXPECT_EQ(line.at("reasons"), cut_reasons.at({line.at("phase"), line.at("line_id")})) << line.dump();
  }

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
  // Creating a pledge: a hidden pledge's id answers as any id outside the liaison's own id space
  // (400 at /id), never 409, so the answer does not tell whether that id exists.
  model::Pledge own = workspace_->pledge(pledge_ids("FR").front())->value;
  const auto create_as_fr = [&](const std::string& id) {
    own.id = id;
    return client.Post("/api/v1/pledges", as("liaison.fr"), io::encode_pledge(own).dump(), "application/json");
  };
  const auto taken = create_as_fr(hidden);
  const auto free_id = create_as_fr(aggregate + "-9999");
  ASSERT_EQ(taken->status, 400) << taken->body;
  ASSERT_EQ(free_id->status, 400) << free_id->body;
  EXPECT_EQ(json_of(taken).at("where"), "/id");
  EXPECT_EQ(
      std::regex_replace(json_of(taken).at("message").get<std::string>(), std::regex(hidden), "ID"),
      std::regex_replace(json_of(free_id).at("message").get<std::string>(), std::regex(aggregate + "-9999"), "ID"));
  const std::size_t pledges_before = workspace_->pledges().size();
  const auto created = create_as_fr("FR-9999");
  EXPECT_EQ(created->status, 201) << created->body;
  EXPECT_EQ(workspace_->pledges().size(), pledges_before + 1);
  workspace_->delete_pledge("FR-9999", 1, "test");

  // A pledge preview: the liaison's gap reasons are the cut board's after the edit, as the gap
  // board shows them once the edit is saved; nothing restricted is in them.
  const auto [edited_id, committed] = counted_pledge_of(full, "FR");
  ASSERT_GE(committed, 2) << "a French pledge committed with 2 or more units";
  const auto stored = workspace_->pledge(edited_id);
  model::Pledge edited = stored->value;
  edited.quantity = 1;
  auto preview = client.Post("/api/v1/pledges/" + edited_id + "/preview", as("liaison.fr"),
                             io::encode_pledge(edited).dump(), "application/json");
  ASSERT_EQ(preview->status, 200) << preview->body;
  leaks("the pledge preview", preview->body);
  const json previewed = json_of(preview).at("lines");
  ASSERT_FALSE(previewed.empty());
  auto saved = client.Put("/api/v1/pledges/" + edited_id,
                          as("liaison.fr", {{"If-Match", "\"" + std::to_string(stored->version) + "\""}}),
                          io::encode_pledge(edited).dump(), "application/json");
  ASSERT_EQ(saved->status, 200) << saved->body;
  const auto after_save = reasons_by_line(json_of(client.Get("/api/v1/gap-board", as("liaison.fr"))));
  for (const auto& line : previewed)
    EXPECT_EQ(line.at("gap_reasons"), after_save.at({line.at("phase"), line.at("line_id")})) << line.dump();
  workspace_->update_pledge(stored->value, stored->version + 1, "test");

  share(client, aggregate, "full");
  share(client, capability_only, "full");
  EXPECT_EQ(json_of(client.Get("/api/v1/gap-board", as("liaison.fr"))), full)
      << "a coalition sharing in full shows all";
}

// A closed week's reasons are the full board's text, frozen at close: a liaison gets none (the
// sharing levels of the day it reads could not be applied to them), the gap-board readers do.
TEST_P(GapBoardAsShared, AClosedWeekGivesALiaisonNoReasons) {
  auto client = server_->client();
  // The week an earlier case of this suite opened, or a new one.
  std::optional<store::WeekRecord> open_week;
  for (const auto& record : workspace_->weeks())
    if (!record.closed()) open_week = record;
  if (!open_week) open_week = workspace_->open_week("2026-04-06", "test");
  const std::string week = "/api/v1/weeks/" + std::to_string(open_week->number);
  auto closed =
      client.Post(week + "/close", as("secretariat", {{"If-Match", "\"" + std::to_string(open_week->version) + "\""}}),
                  "", "application/json");
  ASSERT_EQ(closed->status, 200) << closed->body;
  const json for_liaison = json_of(client.Get(week, as("liaison.fr"))).at("agenda").at("unmet_lines");
  const json for_planner = json_of(client.Get(week, as("planner"))).at("agenda").at("unmet_lines");
  ASSERT_FALSE(for_liaison.empty());
  ASSERT_EQ(for_liaison.size(), for_planner.size());
  for (std::size_t l = 0; l < for_liaison.size(); ++l) {
    EXPECT_FALSE(for_liaison[l].contains("reasons")) << for_liaison[l].dump();
    EXPECT_TRUE(for_planner[l].contains("reasons")) << for_planner[l].dump();
    EXPECT_EQ(for_liaison[l].at("filled"), for_planner[l].at("filled"));
  }
}

GUARANTOR_HTTP_ON_BOTH_BACKENDS(GapBoardAsShared);

}  // namespace
}  // namespace guarantor::testing
