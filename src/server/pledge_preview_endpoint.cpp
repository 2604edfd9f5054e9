// POST /api/v1/pledges/{id}/preview: the effect of an edit before it is saved. The edited pledge
// (the body PUT would take, checked the same way) replaces the stored one in a copy of the
// workspace's scenario, force generation runs on both, and the answer lists every requirement
// line whose fill moves or that this pledge fills differently, with the numbers the gap board
// gives and why (cut for a liaison as its gap board is). Nothing is written.
#include <fmt/format.h>

#include "guarantor/force/disclosure.hpp"
#include "guarantor/force/force_generation.hpp"
#include "guarantor/io/record_codec.hpp"
#include "pledge_scope.hpp"

namespace guarantor::server {

namespace {
using store::Role;
const std::set<Role> WRITERS = {Role::Secretariat, Role::Liaison};

// The reasons of the line `line_id` in `result` (empty when it has none).
const std::vector<std::string>* reasons_of(const force::ForceGenerationResult& result, std::size_t phase,
                                           const std::string& line_id) {
  for (const auto& line : result.phases[phase].lines)
    if (line.line_id == line_id) return &line.gap_reasons;
  return nullptr;
}

const force::PledgeAssessment* assessment_of(const force::LineResult& line, const std::string& pledge_id) {
  for (const auto& assessment : line.pledges)
    if (assessment.pledge_id == pledge_id) return &assessment;
  return nullptr;
}

json side(const force::LineResult& line, const force::PledgeAssessment* pledge) {
  json out = {{"filled", line.filled}, {"status", force::to_string(line.status)}, {"committed", pledge ? pledge->committed : 0}};
  if (pledge) {
    out["verdict"] = force::to_string(pledge->verdict);
    if (!pledge->reason.empty()) out["reason"] = pledge->reason;
  }
  return out;
}

// What the edit does to this pledge's share of the line, in words.
std::string effect(int before, int after) {
  if (before == after) return "unchanged";
  if (before == 0) return "fills";
  if (after == 0) return "no longer fills";
  return after > before ? "fills more" : "fills less";
}

Reply preview(Context& context) {
  const std::string id = context.path_param(1);
  auto& server = context.server;
  const auto current = server.workspace.pledge(id);
  const auto& user = context.user();
  const auto levels = sharing_levels(server.workspace);
  const auto level = current ? levels.find(current->value.nation) : levels.end();
  // A pledge the caller may not see answers as one that does not exist, as on read.
  if (!current || visibility_of(user, current->value.nation, level == levels.end() ? store::SharingLevel::Full : level->second) ==
                      Visibility::Hidden)
    throw store::NotFound("pledge", id);
  if (user.role == Role::Liaison && user.nation != current->value.nation)
    throw ApiError(403, "forbidden", fmt::format("a liaison of {} may not write pledges of {}", user.nation, current->value.nation));
  const model::Pledge edited = io::decode_pledge(context.body(), "request body");
  server.check_pledge(edited, "request body");
  if (edited.id != id) throw ApiError(400, "schema", fmt::format("got \"{}\"; expected the id of the path, \"{}\"", edited.id, id), "/id");
  if (user.role == Role::Liaison && edited.nation != user.nation)
    throw ApiError(403, "forbidden", fmt::format("a liaison of {} may not write pledges of {}", user.nation, edited.nation), "/nation");

  const model::Scenario before = server.current_scenario();
  model::Scenario after = before;
  for (auto& pledge : after.coalition.pledges)
    if (pledge.id == id) pledge = edited;
  const auto was = force::generate_force(before);
  const auto now = force::generate_force(after);
  // Gap reasons name other nations' pledges and their terms: a liaison's are written from its
  // cut of the board after the edit, as GET gap-board would show it (force::disclose); the
  // secretariat's from the full board. The edited pledge is the caller's own, so it is in full.
  std::optional<force::ForceGenerationResult> shown;
  if (!reads_full_gap_board(user)) shown = force::disclose(now, disclosure_for(user, levels));
  const force::ForceGenerationResult& reasons_from = shown ? *shown : now;
  json lines = json::array();
  for (std::size_t p = 0; p < now.phases.size() && p < was.phases.size(); ++p) {
    for (const auto& line_now : now.phases[p].lines) {
      const force::LineResult* line_was = nullptr;
      for (const auto& candidate : was.phases[p].lines)
        if (candidate.line_id == line_now.line_id) line_was = &candidate;
      if (line_was == nullptr) continue;
      const auto* pledge_was = assessment_of(*line_was, id);
      const auto* pledge_now = assessment_of(line_now, id);
      const int committed_was = pledge_was ? pledge_was->committed : 0;
      const int committed_now = pledge_now ? pledge_now->committed : 0;
      const bool verdict_moved = (pledge_was == nullptr) != (pledge_now == nullptr) ||
                                 (pledge_was && pledge_now && pledge_was->verdict != pledge_now->verdict);
      if (line_was->filled == line_now.filled && line_was->status == line_now.status && committed_was == committed_now && !verdict_moved)
        continue;
      json entry = {{"phase", model::to_string(now.phases[p].phase)},
                    {"line_id", line_now.line_id},
                    {"capability", line_now.capability},
                    {"priority", line_now.priority},
                    {"required", line_now.required},
                    {"before", side(*line_was, pledge_was)},
                    {"after", side(line_now, pledge_now)},
                    {"effect", effect(committed_was, committed_now)}};
      const auto* reasons = reasons_of(reasons_from, p, line_now.line_id);
      entry["gap_reasons"] = reasons ? *reasons : std::vector<std::string>();
      lines.push_back(std::move(entry));
    }
  }
  return {200, {{"pledge_id", id}, {"illustrative", now.illustrative}, {"lines", lines}, {"saved", false}}, {}};
}
}  // namespace

void add_pledge_preview_route(std::vector<Route>& table) {
  table.push_back({"POST", R"(/api/v1/pledges/([A-Za-z0-9._-]{1,64})/preview)", WRITERS, preview});
}

}  // namespace guarantor::server
