// Compares two plans field by field on what a planner reads: who goes where, what each line
// achieves, which hubs open, which inputs differ.
#include "guarantor/planner/plan_diff.hpp"

#include <map>

#include <fmt/format.h>

namespace guarantor::planner {

namespace {
std::string line_summary(const LineResult& l) {
  std::string text = fmt::format("{} {}/{}", to_string(l.status), l.filled, l.required);
  if (!l.demand.empty()) text += fmt::format(", covers {:.1f} %", 100 * l.covered_fraction);
  if (l.late > 0) text += fmt::format(", {} late", l.late);
  return text;
}
}  // namespace

std::vector<PlanChange> diff_plans(const Plan& before, const Plan& after) {
  std::vector<PlanChange> changes;
  std::map<std::string, std::pair<std::string, std::string>> inputs;
  for (const auto& f : before.provenance.inputs) inputs[f.role].first = f.sha256;
  for (const auto& f : after.provenance.inputs) inputs[f.role].second = f.sha256;
  for (const auto& [role, hashes] : inputs)
    if (hashes.first != hashes.second) changes.push_back({"input", role, hashes.first, hashes.second});

  std::map<std::string, int> hubs;
  for (const auto& h : before.hubs) hubs[h.site_id] |= 1;
  for (const auto& h : after.hubs) hubs[h.site_id] |= 2;
  for (const auto& [site, where] : hubs)
    if (where != 3) changes.push_back({"hub", site, where & 1 ? "open" : "", where & 2 ? "open" : ""});

  std::map<std::string, int> nation_before, nation_after;
  std::map<std::string, const Assignment*> units_before, units_after;
  for (const auto& a : before.assignments) units_before[a.unit_id] = &a, nation_before[a.nation] += a.personnel;
  for (const auto& a : after.assignments) units_after[a.unit_id] = &a, nation_after[a.nation] += a.personnel;
  for (const auto& [id, a] : units_before) {
    const auto it = units_after.find(id);
    const std::string where = fmt::format("{} at {}", a->line_id, a->site_id.empty() ? "home" : a->site_id);
    if (it == units_after.end()) {
      changes.push_back({"unit_removed", id, where, ""});
    } else if (it->second->position_id != a->position_id) {
      changes.push_back({"unit_moved", id, where,
                         fmt::format("{} at {}", it->second->line_id, it->second->site_id.empty() ? "home" : it->second->site_id)});
    }
  }
  for (const auto& [id, a] : units_after)
    if (!units_before.contains(id))
      changes.push_back({"unit_added", id, "", fmt::format("{} at {}", a->line_id, a->site_id.empty() ? "home" : a->site_id)});

  std::map<std::string, std::pair<std::string, std::string>> lines;
  for (const auto& l : before.lines) lines[l.line_id].first = line_summary(l);
  for (const auto& l : after.lines) lines[l.line_id].second = line_summary(l);
  for (const auto& [id, summary] : lines)
    if (summary.first != summary.second) changes.push_back({"line", id, summary.first, summary.second});

  std::map<std::string, std::pair<int, int>> nations;
  for (const auto& [n, p] : nation_before) nations[n].first = p;
  for (const auto& [n, p] : nation_after) nations[n].second = p;
  for (const auto& [n, p] : nations)
    if (p.first != p.second)
      changes.push_back({"nation", n, fmt::format("{} personnel", p.first), fmt::format("{} personnel", p.second)});
  if (before.rotation.figures.required_pool != after.rotation.figures.required_pool)
    changes.push_back({"rotation", "required_pool", std::to_string(before.rotation.figures.required_pool),
                       std::to_string(after.rotation.figures.required_pool)});
  return changes;
}

}  // namespace guarantor::planner
