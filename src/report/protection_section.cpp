// The force-protection section of the plan page (see protection_section.hpp).
#include "protection_section.hpp"

#include <fmt/format.h>

#include "guarantor/report/html_escape.hpp"

namespace guarantor::report::detail {

namespace {
std::string day_or_never(int day) { return day < 0 ? std::string("never") : fmt::format("day {}", day); }
}  // namespace

std::string render_protection_section(const planner::Plan& plan) {
  if (plan.protection_lines.empty()) return "<p>The plan measured no force-protection line.</p>";
  std::string html = "<table id=\"g-protection\"><tr><th>Line</th><th>Requirement</th><th>Sites covered from first arrival</th>"
                     "<th>Status</th><th>Gaps (site and days uncovered)</th></tr>";
  for (const auto& line : plan.protection_lines) {
    std::string gaps;
    for (const auto& gap : line.gaps) gaps += "<li>" + escape_html(gap) + "</li>";
    html += fmt::format("<tr class=\"g-status-{0}\"><td>{1}</td><td>{2}<br><small>{3}</small></td><td class=\"num\">{4}/{5}</td>"
                        "<td class=\"g-status\">{0}</td><td><ul class=\"g-reasons\">{6}</ul></td></tr>",
                        planner::to_string(line.status), escape_html(line.id), escape_html(line.title), escape_html(line.source),
                        line.covered, line.sites, gaps);
  }
  html += "</table><table id=\"g-protection-sites\"><tr><th>Site</th><th>Personnel</th><th>First arrival</th>"
          "<th>Air defence from</th><th>Surgery within the limit from</th><th>Fastest evacuation</th><th>Escort from</th></tr>";
  for (const auto& s : plan.protection) {
    const std::string evacuation = s.evacuation_hours < 0 ? std::string("no surgical unit")
                                                          : fmt::format("{:.1f} h by {}", s.evacuation_hours, s.evacuation_mode);
    html += fmt::format("<tr><td>{}{}</td><td class=\"num\">{}</td><td>day {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                        escape_html(s.name), s.forward ? " <small>(forward)</small>" : "", s.personnel, s.first_arrival_day,
                        day_or_never(s.air_defence_day), day_or_never(s.surgery_day), escape_html(evacuation),
                        s.forward ? day_or_never(s.escort_day) : std::string("&ndash;"));
  }
  return html + "</table><p><small>A site is covered from its first arrival when the protecting unit is in place on or before "
                "the day the first unit arrives there. Evacuation: road at the protection rules' speed with the movement "
                "detour factor, or rotary-wing MEDEVAC where a MEDEVAC unit's reach covers the site.</small></p>";
}

}  // namespace guarantor::report::detail
