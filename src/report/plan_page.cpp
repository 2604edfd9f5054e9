// Assembles the plan report: skeleton + inlined libraries + map data + tables and SVG charts
// rendered here, so the tables read without JavaScript.
#include "guarantor/report/plan_page.hpp"

#include "guarantor/report/figures_table.hpp"
#include "guarantor/report/plan_export.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/report/html_escape.hpp"
#include "hub_section.hpp"
#include "page_assets.hpp"
#include "page_templates.hpp"
#include "plan_map_data.hpp"
#include "plan_templates.hpp"
#include "protection_section.hpp"

namespace guarantor::report {

namespace {
std::string fill(std::string_view skeleton, const std::map<std::string, std::string, std::less<>>& values) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t open = skeleton.find("{{", pos);
    if (open == std::string_view::npos) break;
    const std::size_t close = skeleton.find("}}", open);
    GUARANTOR_ASSERT(close != std::string_view::npos, "plan_page.html has an unterminated placeholder");
    const auto value = values.find(skeleton.substr(open + 2, close - open - 2));
    GUARANTOR_ASSERT(value != values.end(), "plan_page.html names a placeholder the renderer does not fill");
    out.append(skeleton.substr(pos, open - pos)).append(value->second);
    pos = close + 2;
  }
  return out.append(skeleton.substr(pos));
}

std::string figure(double value, const char* format = "{:.4g}") {
  return std::isfinite(value) ? fmt::format(fmt::runtime(format), value) : std::string("&ndash;");
}

std::string lines_table(const planner::Plan& plan) {
  std::string html = "<table id=\"g-lines\"><tr><th>Line</th><th>Capability</th><th>Phase</th><th>Where</th><th>Prio</th>"
                     "<th>Units</th><th>Coverage (claim / target)</th><th>Status</th><th>Units filling it</th><th>Gap and reason</th></tr>";
  for (const auto& l : plan.lines) {
    std::string coverage = "&ndash;";
    if (!l.demand.empty())
      coverage = fmt::format("{:.1f} % / {:.0f} % of {}{}", 100 * l.covered_fraction, 100 * l.target_fraction,
                             escape_html(l.demand), l.filter.empty() ? "" : " " + escape_html(l.filter));
    std::string units;
    for (const auto& u : l.units) units += (units.empty() ? "" : ", ") + escape_html(u);
    std::string reasons;
    for (const auto& r : l.reasons) reasons += "<li>" + escape_html(r) + "</li>";
    html += fmt::format("<tr class=\"g-line-row g-status-{0}\"><td>{1}</td><td>{2}</td><td>{3}</td><td>{4}</td><td class=\"num\">{5}</td>"
                        "<td class=\"num\">{6}/{7}</td><td>{8}</td><td class=\"g-status\">{0}</td><td>{9}</td><td><ul class=\"g-reasons\">{10}</ul></td></tr>",
                        escape_html(planner::to_string(l.status)), escape_html(l.line_id), escape_html(l.capability), model::to_string(l.phase),
                        model::to_string(l.location), l.priority, l.filled, l.required, coverage, units, reasons);
  }
  return html + "</table>";
}

// A step chart of personnel in place by day, as inline SVG.
std::string closure_chart(const planner::Plan& plan) {
  if (plan.closure.empty()) return "<p>No unit is assigned.</p>";
  constexpr double W = 900, H = 260, L = 60, B = 30, T = 10;
  const double max_day = std::max(1, plan.closure.back().day);
  const double max_people = std::max(1, plan.closure.back().personnel);
  auto x = [&](double day) { return L + (W - L - 10) * day / max_day; };
  auto y = [&](double people) { return H - B - (H - B - T) * people / max_people; };
  std::string path = fmt::format("M{:.1f},{:.1f}", x(0), y(0));
  double last = 0;
  for (const auto& c : plan.closure) {
    path += fmt::format(" L{:.1f},{:.1f} L{:.1f},{:.1f}", x(c.day), y(last), x(c.day), y(c.personnel));
    last = c.personnel;
  }
  std::string svg = fmt::format("<svg id=\"g-closure\" class=\"g-chart\" viewBox=\"0 0 {} {}\" width=\"100%\">", W, H);
  svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#333\"/><line x1=\"{0}\" y1=\"{3}\" x2=\"{0}\" y2=\"{1}\" stroke=\"#333\"/>",
                     L, H - B, W - 10, T);
  for (int i = 0; i <= 4; ++i) {
    const double day = max_day * i / 4, people = max_people * i / 4;
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">day {:.0f}</text>", x(day), H - 10, day);
    svg += fmt::format("<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{:.0f}</text>", L - 4, y(people) + 4, people);
  }
  svg += fmt::format("<path class=\"g-closure-line\" d=\"{}\" fill=\"none\" stroke=\"#0b3d91\" stroke-width=\"2\"/></svg>", path);
  svg += fmt::format("<p>{} units, {} personnel in place by day {}.</p>", plan.closure.back().units,
                     plan.closure.back().personnel, plan.closure.back().day);
  return svg;
}

std::string rotation(const planner::Plan& plan, const model::Scenario& scenario) {
  // The lines as judged two ways, each named and defined: by force generation (pledges alone)
  // and by this plan (placed, assigned, covering, on time).
  int met = 0;
  for (const auto& l : plan.lines) met += l.status == planner::LineStatus::Met;
  const int covered = force::lines_covered_by_pledges(scenario);
  std::string html = fmt::format(
      "<table class=\"g-figures\" id=\"g-lines-figures\"><thead><tr><th>Lines</th><th>Count</th><th>Definition</th></tr>"
      "</thead><tbody><tr data-figure=\"covered by pledges\"><th>covered by pledges</th><td class=\"num\">{} of {}</td>"
      "<td>{}</td></tr><tr data-figure=\"met by the plan\"><th>met by the plan</th><td class=\"num\">{} of {}</td>"
      "<td>{}</td></tr></tbody></table>",
      covered, scenario.mandate.requirements.size(), escape_html(force::COVERED_DEFINITION), met, plan.lines.size(),
      escape_html(force::MET_DEFINITION));
  return html + fmt::format("<p>{} units deployed. Figures for the mandate's last phase:</p>", plan.rotation.deployed_units) +
         figures_table(plan.rotation.figures, "g-rotation", plan.rotation.source);
}

// The plan's deployed personnel and rotation pool as bars among the anchors (comparisons only).
std::string anchors_chart(const planner::Plan& plan, const model::Scenario& scenario, const std::vector<SizingAnchor>& anchors) {
  double population = 0;
  for (const auto& place : scenario.theatre.places)
    for (const auto& country : scenario.theatre.countries)
      if (country.role == model::CountryRole::Host && place.country == country.iso2) population += static_cast<double>(place.population);
  std::vector<std::tuple<std::string, double, std::string, bool>> bars{
      {"This plan: deployed", plan.rotation.figures.deployed_personnel, "plan.json", true},
      {"This plan: with rotation pool", plan.rotation.figures.required_pool, "plan.json", true}};
  for (const auto& a : anchors) {
    if (a.personnel > 0) bars.emplace_back(a.label, a.personnel, a.source, false);
    else bars.emplace_back(fmt::format("{} (x {:.1f} M inhabitants of the host's places)", a.label, population / 1e6),
                           a.per_thousand * population / 1000.0, a.source, false);
  }
  double max_value = 1;
  for (const auto& b : bars) max_value = std::max(max_value, std::get<1>(b));
  const double row = 22, width = 900, label = 360;
  std::string svg = fmt::format("<svg id=\"g-anchors\" class=\"g-chart\" viewBox=\"0 0 {} {}\" width=\"100%\">", width, row * bars.size() + 6);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& [name, value, source, ours] = bars[i];
    const double w = (width - label - 90) * value / max_value;
    svg += fmt::format("<g class=\"g-anchor-bar\"><title>{}</title><text x=\"{}\" y=\"{:.0f}\" text-anchor=\"end\">{}</text>"
                       "<rect x=\"{}\" y=\"{:.0f}\" width=\"{:.1f}\" height=\"14\" fill=\"{}\"/><text x=\"{:.1f}\" y=\"{:.0f}\">{:.0f}</text></g>",
                       escape_html(source), label - 6, i * row + 15, escape_html(name), label, i * row + 4, w,
                       ours ? "#0b3d91" : "#9aa5b1", label + w + 4, i * row + 15, value);
  }
  return svg + "</svg><p><small>Comparisons only: anchors are public sizing figures, never the plan's objective. Hover a bar for its source.</small></p>";
}

std::string solver_table(const planner::Plan& plan) {
  std::string html = "<table id=\"g-solver\"><tr><th>Stage</th><th>Model</th><th>Sense</th><th>Objective</th><th>Bound</th>"
                     "<th>Gap</th><th>Seconds</th><th>Status</th><th>Proof</th><th>Note</th></tr>";
  for (const auto& s : plan.stages)
    html += fmt::format("<tr class=\"g-solver-row\"><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                        "<td class=\"num\">{} %</td><td class=\"num\">{:.3f}</td><td>{}</td><td>{}</td><td>{} <small>({})</small></td></tr>",
                        escape_html(s.stage), escape_html(s.method), escape_html(s.sense), figure(s.stats.objective),
                        figure(s.stats.bound), figure(100 * s.stats.relative_gap, "{:.3f}"), s.stats.wall_seconds,
                        plan::to_string(s.stats.status), plan::to_string(s.stats.proved_by), escape_html(s.note), escape_html(s.unit));
  // Stages that solve more than one model (hubs: p-median and capacitated) list each, then the choice.
  for (const auto& s : plan.stages) {
    for (const auto& a : s.alternatives)
      html += fmt::format("<tr class=\"g-solver-alt\"><td>{} (model)</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>"
                          "<td class=\"num\">{}</td><td class=\"num\">{} %</td><td class=\"num\">{:.3f}</td><td>{}</td><td>{}</td>"
                          "<td>{}</td></tr>",
                          escape_html(s.stage), escape_html(a.model), escape_html(s.sense), figure(a.stats.objective),
                          figure(a.stats.bound), figure(100 * a.stats.relative_gap, "{:.3f}"), a.stats.wall_seconds,
                          plan::to_string(a.stats.status), plan::to_string(a.stats.proved_by), escape_html(s.choice));
  }
  return html + "</table>";
}

std::string unassigned(const planner::Plan& plan) {
  if (plan.unassigned.empty()) return "<p>Every pledged unit has a position.</p>";
  std::string html = "<table id=\"g-unassigned\"><tr><th>Unit</th><th>Capability</th><th>Why it stays home</th></tr>";
  for (const auto& u : plan.unassigned)
    html += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>", escape_html(u.unit_id), escape_html(u.capability),
                        escape_html(u.reason));
  return html + "</table>";
}

std::string provenance(const planner::Plan& plan) {
  std::string html = fmt::format("<p>{}; scenario as of {}; seed {}.</p><ul>", escape_html(plan.provenance.generator),
                                 escape_html(plan.provenance.as_of ? plan.provenance.as_of->iso() : "not stated"),
                                 plan.provenance.seed);
  for (const auto& f : plan.provenance.inputs)
    html += fmt::format("<li>{} &mdash; {} <code>sha256 {}</code></li>", escape_html(f.role), escape_html(f.path), escape_html(f.sha256));
  return html + "</ul>";
}
}  // namespace

std::string render_plan_page(const planner::Plan& plan, const model::Scenario& scenario,
                             const std::vector<SizingAnchor>& anchors, const PageOptions& options) {
  const detail::PageAssets assets = detail::load_page_assets(options.asset_dir);
  const std::string title = options.title.empty() ? "Plan: " + scenario.name : options.title;
  int met = 0;
  for (const auto& l : plan.lines) met += l.status == planner::LineStatus::Met;
  const std::string summary = fmt::format("{} hubs, {} units assigned ({} personnel) from {} nations; {} of {} requirement lines met.",
                                          plan.hubs.size(), plan.assignments.size(), plan.rotation.figures.deployed_personnel,
                                          [&] { std::map<std::string, int> n; for (const auto& a : plan.assignments) n[a.nation]++; return n.size(); }(),
                                          met, plan.lines.size());
  const std::string banner = plan.provenance.illustrative
      ? "<div class=\"g-banner\" id=\"g-illustrative\" role=\"note\">ILLUSTRATIVE PLEDGES<small>Pledges in this plan are built "
        "from public statements, not real offers by any government.</small></div>"
      : std::string();
  return fill(detail::PLAN_HTML,
              {{"TITLE", escape_html(title)},
               {"LEAFLET_CSS", assets.leaflet_css},
               {"PLAN_CSS", std::string(detail::PLAN_CSS)},
               {"BANNER", banner},
               {"SUMMARY", escape_html(summary)},
               {"LINES_TABLE", lines_table(plan)},
               {"CLOSURE_CHART", closure_chart(plan)},
               {"ROTATION", rotation(plan, scenario)},
               {"ANCHORS", anchors_chart(plan, scenario, anchors)},
               {"SOLVER_TABLE", solver_table(plan)},
               {"UNASSIGNED", unassigned(plan)},
               {"PROTECTION", detail::render_protection_section(plan)},
               {"HUBS", detail::render_hub_section(plan, scenario)},
               {"PROVENANCE", provenance(plan)},
               {"DATA", script_safe_json(detail::build_plan_map_data(plan, scenario, options).dump())},
               {"LEAFLET_JS", assets.leaflet_js},
               {"MILSYMBOL_JS", assets.milsymbol_js},
               {"BAND_GEOMETRY_JS", script_safe_source(detail::classic_script(detail::BAND_GEOMETRY_JS))},
               {"PLAN_MAP_JS", script_safe_source(detail::PLAN_MAP_JS)}});
}

}  // namespace guarantor::report
