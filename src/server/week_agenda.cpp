// The weekly cycle's content. Everything is computed from the workspace at the time of asking
// (an open week) or read from the snapshot frozen at close (a closed week), so two readers of a
// closed week always see the same agenda.
#include "week_agenda.hpp"

#include <fmt/format.h>

#include "guarantor/core/date.hpp"
#include "guarantor/force/disclosure.hpp"
#include "guarantor/force/force_generation.hpp"
#include "guarantor/io/record_codec.hpp"
#include "pledge_scope.hpp"

namespace guarantor::server {

namespace {
// A pledge that expired this long ago is still on the agenda: the meeting hears it once.
constexpr long EXPIRED_SHOWN_DAYS = 7;

// The unmet lines with their reasons, from `board` as its reader sees it, and the count of lines
// by status in `counts`. The statuses (so the counts) are the full board's whoever reads it:
// force::disclose cuts who is named and why, never whether a line is filled.
json unmet_lines(const force::ForceGenerationResult& board, json& counts) {
  json lines = json::array();
  counts = {{"covered", 0}, {"partial", 0}, {"missing", 0}};
  for (const auto& phase : board.phases)
    for (const auto& line : phase.lines) {
      if (line.phase != phase.phase) continue;  // each line once, in the phase it opens
      counts[std::string(force::to_string(line.status))] = counts[std::string(force::to_string(line.status))].get<int>() + 1;
      if (line.status == force::LineStatus::Covered) continue;
      lines.push_back({{"line_id", line.line_id}, {"capability", line.capability}, {"phase", model::to_string(line.phase)},
                       {"priority", line.priority}, {"required", line.required}, {"filled", line.filled},
                       {"status", force::to_string(line.status)}, {"reasons", line.gap_reasons}});
    }
  return lines;
}

json caveat_changes(const json& pledges_now, const json& previous) {
  json changes = json::array();
  if (previous.is_null()) return changes;
  std::map<std::string, json> before;
  for (const auto& pledge : previous.at("pledges")) before[pledge.at("id")] = pledge.value("caveats", json::array());
  for (const auto& pledge : pledges_now) {
    const json now = pledge.value("caveats", json::array());
    const auto it = before.find(pledge.at("id"));
    const json was = it == before.end() ? json::array() : it->second;
    auto add = [&](const char* change, const json& caveat) {
      changes.push_back({{"pledge_id", pledge.at("id")}, {"nation", pledge.at("nation")}, {"change", change}, {"caveat", caveat}});
    };
    for (const auto& caveat : now)
      if (std::find(was.begin(), was.end(), caveat) == was.end()) add("new", caveat);
    for (const auto& caveat : was)
      if (std::find(now.begin(), now.end(), caveat) == now.end()) add("lifted", caveat);
  }
  return changes;
}

json pledges_expiring(const model::Coalition& coalition, long week_day, int window_days) {
  json items = json::array();
  for (const auto& pledge : coalition.pledges) {
    if (!pledge.valid_until) continue;  // open-ended
    const long days_left = pledge.valid_until->days() - week_day;
    if (days_left < -EXPIRED_SHOWN_DAYS || days_left > window_days) continue;
    items.push_back({{"pledge_id", pledge.id}, {"nation", pledge.nation}, {"capability", pledge.capability},
                     {"valid_until", pledge.valid_until->iso()}, {"days_left", days_left}});
  }
  return items;
}

json sites_awaiting(Server::Impl& server) {
  json items = json::array();
  for (const auto& record : server.workspace.site_negotiations()) {
    const char* awaiting = record.status == model::SiteNegotiation::Surveyed ? "the host nation's offer"
                           : record.status == model::SiteNegotiation::Offered ? "the coalition's agreement"
                                                                              : nullptr;
    if (awaiting == nullptr) continue;
    const auto* site = server.base.theatre.find_site(record.site_id);
    items.push_back({{"site_id", record.site_id}, {"name", site ? site->name : record.site_id},
                     {"status", model::to_string(record.status)}, {"lead_nation", record.lead_nation}, {"awaiting", awaiting}});
  }
  return items;
}

// A week runs seven days from its meeting (starts_on): findings published on one of them are its
// new findings.
constexpr long DAYS_PER_WEEK = 7;

// The findings published in the week starting on `week_day`: the versions, their findings
// counted, and each version's findings by party (the side whose claim an incident carried, or
// "independent") with the outcome counts of every provision its incidents were judged against
// (the verifier's "by_side" table). `stored` and `note` keep the shape earlier agendas had.
json findings_published(store::Workspace& workspace, long week_day) {
  json versions = json::array();
  json by_party = json::array();
  std::int64_t count = 0;
  for (const auto& version : workspace.findings_versions()) {
    if (!version.published()) continue;
    const auto day = parse_iso_date(std::string_view(version.published_at).substr(0, 10));
    if (!day || *day < week_day || *day >= week_day + DAYS_PER_WEEK) continue;
    const std::int64_t found = version.summary.value("findings", std::int64_t{0});
    count += found;
    versions.push_back({{"id", version.id}, {"published_at", version.published_at}, {"findings", found}});
    const json findings = json::parse(workspace.findings_version_text(version.id));
    std::map<std::string, std::string> titles;
    for (const auto& provision : findings.value("provisions", json::array()))
      titles[provision.at("id").get<std::string>()] = provision.value("title", "");
    const json by_side = findings.value("by_side", json::object());
    for (const auto& [party, provisions] : by_side.items()) {
      json counted = json::array();
      for (const auto& [provision, counts] : provisions.items())
        counted.push_back({{"provision", provision}, {"title", titles[provision]}, {"counts", counts}});
      by_party.push_back({{"findings_version", version.id}, {"party", party}, {"provisions", std::move(counted)}});
    }
  }
  const std::string note = versions.empty() ? "no findings were published this week"
                                            : fmt::format("{} findings in {} findings version{} published this week",
                                                          count, versions.size(), versions.size() == 1 ? "" : "s");
  return {{"stored", true}, {"count", count}, {"versions", versions}, {"by_party", by_party}, {"note", note}};
}

// Every findings version published by now, with its counts: what a closed week knew.
json published_findings_versions(store::Workspace& workspace) {
  json versions = json::array();
  for (const auto& version : workspace.findings_versions())
    if (version.published())
      versions.push_back({{"id", version.id}, {"published_at", version.published_at}, {"summary", version.summary}});
  return versions;
}

json latest_published_plan(store::Workspace& workspace) {
  json plan = nullptr;
  for (const auto& version : workspace.plan_versions())
    if (version.published()) plan = {{"id", version.id}, {"headline", store::encode_headline(version.headline)}};
  return plan;
}
}  // namespace

WeekState build_week_state(Server::Impl& server, const store::WeekRecord& week, const json& previous,
                           const store::User* viewer, const std::map<std::string, store::SharingLevel>& levels) {
  const model::Scenario scenario = server.current_scenario();
  json pledges = json::array();
  for (const auto& pledge : scenario.coalition.pledges) pledges.push_back(io::encode_pledge(pledge));
  // One force generation serves the agenda's reasons (a liaison's from its cut of the board) and
  // the snapshot's counts, which the cut leaves as they are.
  force::ForceGenerationResult board = force::generate_force(scenario);
  if (viewer != nullptr && !reads_full_gap_board(*viewer))
    board = force::disclose(board, disclosure_for(*viewer, levels));
  json counts;
  json decisions_due = json::array();
  for (const auto& decision : server.workspace.decisions())
    if (decision.status == "open" && decision.due_week <= week.number) decisions_due.push_back(store::encode_decision(decision));
  WeekState state;
  state.agenda = {{"unmet_lines", unmet_lines(board, counts)},
                  {"caveat_changes", caveat_changes(pledges, previous)},
                  {"caveats_compared_with_week", previous.is_null() ? json() : previous.at("week")},
                  {"pledges_expiring", pledges_expiring(scenario.coalition, *parse_iso_date(week.starts_on),
                                                        server.options.agenda_expiry_days)},
                  {"sites_awaiting_decision", sites_awaiting(server)},
                  {"findings", findings_published(server.workspace, *parse_iso_date(week.starts_on))},
                  {"decisions_due", decisions_due},
                  {"illustrative", scenario.coalition.has_illustrative()}};
  state.snapshot = {{"week", week.number},           {"starts_on", week.starts_on},
                    {"pledges", std::move(pledges)}, {"plan", latest_published_plan(server.workspace)},
                    {"gap_counts", counts},          {"findings", published_findings_versions(server.workspace)},
                    {"agenda", state.agenda}};
  return state;
}

json compare_snapshots(const json& before, const json& after) {
  std::map<std::string, json> was, now;
  for (const auto& pledge : before.at("pledges")) was[pledge.at("id")] = pledge;
  for (const auto& pledge : after.at("pledges")) now[pledge.at("id")] = pledge;
  json changes = json::array();
  auto add = [&](const json& pledge, const char* change) {
    changes.push_back({{"pledge_id", pledge.at("id")}, {"nation", pledge.at("nation")},
                       {"capability", pledge.at("capability")}, {"change", change}});
  };
  for (const auto& [id, pledge] : now) {
    auto it = was.find(id);
    if (it == was.end()) add(pledge, "added");
    else if (it->second != pledge) add(pledge, "changed");
  }
  for (const auto& [id, pledge] : was)
    if (!now.contains(id)) add(pledge, "withdrawn");
  json plan = {{"before", before.at("plan")}, {"after", after.at("plan")}};
  if (before.at("plan").is_object() && after.at("plan").is_object()) {
    const json& a = before.at("plan").at("headline");
    const json& b = after.at("plan").at("headline");
    plan["change"] = {{"lines_met", b.at("lines_met").get<int>() - a.at("lines_met").get<int>()},
                      {"deployed_personnel", b.at("deployed_personnel").get<int>() - a.at("deployed_personnel").get<int>()},
                      {"closure_day", b.at("closure_day").get<int>() - a.at("closure_day").get<int>()}};
  }
  return {{"compared_with_week", before.at("week")},
          {"pledges", changes},
          {"plan", plan},
          {"gap_counts", {{"before", before.at("gap_counts")}, {"after", after.at("gap_counts")}}}};
}

json cut_for_viewer(json content, const store::User& viewer, const std::map<std::string, store::SharingLevel>& levels,
                    bool reasons_cut_for_viewer) {
  auto visibility = [&](const json& item) {
    const std::string nation = item.at("nation");
    const auto it = levels.find(nation);
    return visibility_of(viewer, nation, it == levels.end() ? store::SharingLevel::Full : it->second);
  };
  int withheld = 0;
  // Caveats and validity are pledge details: only for callers who see the pledge in full.
  // A pledge's id, nation and capability are what capability-only sharing shows.
  for (const auto& [key, needs_full] : {std::pair{"caveat_changes", true}, {"pledges_expiring", true}, {"pledges", false}}) {
    if (!content.contains(key) || !content[key].is_array()) continue;
    json kept = json::array();
    for (auto& item : content[key]) {
      const Visibility seen = visibility(item);
      if (seen == Visibility::Full || (!needs_full && seen == Visibility::CapabilityOnly)) kept.push_back(std::move(item));
      else ++withheld;
    }
    content[key] = std::move(kept);
  }
  // Gap reasons name pledges and their caveats: they go to the roles that read the gap board in
  // full, and to a liaison when they were written for it from its cut of the board (an open
  // week's). A closed week's reasons are the full board's text, frozen: a liaison gets none.
  const bool keeps_reasons =
      reads_full_gap_board(viewer) || (viewer.role == store::Role::Liaison && reasons_cut_for_viewer);
  if (!keeps_reasons && content.contains("unmet_lines"))
    for (auto& line : content["unmet_lines"]) line.erase("reasons");
  content["withheld"] = withheld;
  return content;
}

}  // namespace guarantor::server
