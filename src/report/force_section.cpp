// Gap tables. Each row carries data-line and data-status so tests and scripts can read the
// table without parsing prose.
#include "force_section.hpp"

#include "guarantor/report/figures_table.hpp"

#include <fmt/format.h>

#include "guarantor/report/html_escape.hpp"

namespace guarantor::report::detail {

namespace {

std::string_view status_key(force::LineStatus status) {
  switch (status) {
    case force::LineStatus::Covered: return "covered";
    case force::LineStatus::Partial: return "partial";
    case force::LineStatus::Missing: return "missing";
  }
  return "missing";
}

// Words a staff officer reads in the table; the data keys stay in force::to_string.
std::string_view verdict_label(force::Verdict verdict) {
  switch (verdict) {
    case force::Verdict::Counted: return "counted";
    case force::Verdict::BlockedByCaveat: return "blocked by caveat";
    case force::Verdict::WrongPhase: return "later phase only";
    case force::Verdict::ConditionUnmet: return "condition unmet";
    case force::Verdict::TooLate: return "ready too late";
    case force::Verdict::CommittedElsewhere: return "committed elsewhere";
    case force::Verdict::Expired: return "expired";
    case force::Verdict::Undisclosed: return "terms not shared";
  }
  return "unknown";
}

std::string phase_label(model::Phase phase) {
  std::string label(model::to_string(phase));
  for (char& c : label)
    if (c == '_') c = ' ';
  if (!label.empty() && label[0] >= 'a' && label[0] <= 'z') label[0] = static_cast<char>(label[0] - 'a' + 'A');
  return label;
}

struct StatusCounts {
  int covered = 0, partial = 0, missing = 0;
};

StatusCounts count_statuses(const force::PhaseResult& phase) {
  StatusCounts counts;
  for (const force::LineResult& line : phase.lines) {
    if (line.status == force::LineStatus::Covered) ++counts.covered;
    else if (line.status == force::LineStatus::Partial) ++counts.partial;
    else ++counts.missing;
  }
  return counts;
}

const model::RequirementLine* find_line(const model::Mandate& mandate, std::string_view id) {
  for (const model::RequirementLine& line : mandate.requirements)
    if (line.id == id) return &line;
  return nullptr;
}

// "FR x2 (FR-1)" for every pledge committed to the line.
std::string filled_by_cell(const force::LineResult& line) {
  std::string cell;
  for (const force::PledgeAssessment& pledge : line.pledges) {
    if (pledge.committed <= 0) continue;
    cell += fmt::format("<span class=\"g-unit\" data-pledge=\"{0}\"><b>{1}</b>&nbsp;&times;{2} <small>({0})</small></span>",
                        escape_html(pledge.pledge_id), escape_html(pledge.nation), pledge.committed);
  }
  return cell.empty() ? "<span class=\"g-none\">none</span>" : cell;
}

// Gap reasons first, then every pledge of the capability that was not counted and why.
std::string reasons_cell(const force::LineResult& line) {
  std::string cell;
  if (!line.gap_reasons.empty()) {
    cell += "<ul class=\"g-reasons\">";
    for (const std::string& reason : line.gap_reasons) cell += "<li>" + escape_html(reason) + "</li>";
    cell += "</ul>";
  }
  std::string excluded;
  for (const force::PledgeAssessment& pledge : line.pledges) {
    if (pledge.verdict == force::Verdict::Counted) continue;
    excluded += fmt::format("<li><b>{}</b> {} &times;{}: <i>{}</i>{}{}</li>", escape_html(pledge.pledge_id),
                            escape_html(pledge.nation), pledge.offered, verdict_label(pledge.verdict),
                            pledge.reason.empty() ? "" : " &mdash; ", escape_html(pledge.reason));
  }
  if (!excluded.empty()) cell += "<ul class=\"g-excluded\">" + excluded + "</ul>";
  return cell;
}

std::string rotation_table(const force::RotationPool& pool) {
  return figures_table(pool.figures, "g-figures-force", pool.rotation_source);
}

}  // namespace

std::string render_force_summary(const force::ForceGenerationResult& force) {
  std::string html =
      "<table class=\"g-summary\"><thead><tr><th>Phase</th><th>Lines</th><th title=\"covered\">Cov.</th>"
      "<th title=\"partial\">Part.</th><th title=\"missing\">Miss.</th>"
      "<th title=\"rotation pool shortfall, personnel\">Pool short</th></tr></thead><tbody>";
  for (const force::PhaseResult& phase : force.phases) {
    const StatusCounts counts = count_statuses(phase);
    html += fmt::format(
        "<tr class=\"g-summary-row\" data-phase=\"{}\"><td><a href=\"#phase-{}\">{}</a> <small>D+{}</small></td><td>{}</td>"
        "<td class=\"g-covered\">{}</td><td class=\"g-partial\">{}</td><td class=\"g-missing\">{}</td>"
        "<td class=\"{}\">{}</td></tr>",
        model::to_string(phase.phase), model::to_string(phase.phase), phase_label(phase.phase), phase.opens_day,
        phase.lines.size(), counts.covered, counts.partial, counts.missing,
        phase.rotation.figures.shortfall > 0 ? "g-shortfall" : "g-ok", phase.rotation.figures.shortfall);
  }
  if (force.phases.empty()) html += "<tr><td colspan=\"6\">The mandate has no phases.</td></tr>";
  return html + "</tbody></table>";
}

std::string render_force_tables(const model::Scenario& scenario, const force::ForceGenerationResult& force) {
  std::string html;
  for (const force::PhaseResult& phase : force.phases) {
    const std::string_view key = model::to_string(phase.phase);
    html += fmt::format("<h3 id=\"phase-{}\">Phase: {} <small>(opens D+{})</small></h3>", key,
                        phase_label(phase.phase), phase.opens_day);
    html += fmt::format(
        "<table class=\"g-gap-table\" data-phase=\"{}\"><thead><tr><th>Line</th><th>Pri.</th><th>Capability</th>"
        "<th>Required</th><th>Filled</th><th>Status</th><th>Filled by (nation &times;qty)</th>"
        "<th>Gap reasons and pledges not counted</th></tr></thead><tbody>",
        key);
    for (const force::LineResult& line : phase.lines) {
      const model::Capability* capability = scenario.catalogue.find(line.capability);
      const model::RequirementLine* requirement = find_line(scenario.mandate, line.line_id);
      const std::string_view status = status_key(line.status);
      html += fmt::format(
          "<tr class=\"g-gap-row g-status-{0}\" data-line=\"{1}\" data-status=\"{0}\"><td><b>{1}</b>{2}</td>"
          "<td>{3}</td><td>{4}<br><code>{5}</code></td><td class=\"g-num\">{6}</td><td class=\"g-num\">{7}</td>"
          "<td><span class=\"g-chip g-chip-{0}\">{0}</span></td><td>{8}</td><td>{9}</td></tr>",
          status, escape_html(line.line_id),
          requirement && !requirement->description.empty()
              ? "<br><small>" + escape_html(requirement->description) + "</small>"
              : std::string{},
          line.priority, escape_html(capability ? capability->name : line.capability), escape_html(line.capability),
          line.required, line.filled, filled_by_cell(line), reasons_cell(line));
    }
    if (phase.lines.empty()) html += "<tr><td colspan=\"8\">No requirement lines in this phase.</td></tr>";
    html += "</tbody></table><h4>Rotation pool (sustained presence)</h4>" + rotation_table(phase.rotation);
  }
  return html;
}

}  // namespace guarantor::report::detail
