// The hub section of the plan page (see hub_section.hpp).
#include "hub_section.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "guarantor/planner/hub_siting.hpp"
#include "guarantor/report/html_escape.hpp"

namespace guarantor::report::detail {

namespace {

const planner::CandidateSite* candidate_of(const planner::Plan& plan, const std::string& site_id) {
  for (const auto& c : plan.candidates)
    if (c.site_id == site_id) return &c;
  return nullptr;
}

// The axis's name as threat_axes.json gives it; the occupied area and unknown ids as recorded.
std::string axis_name(const planner::Plan& plan, const std::string& axis_id) {
  for (const auto& axis : plan.provenance.threat_axes)
    if (axis.id == axis_id) return axis.name;
  if (axis_id.empty()) return "not recorded";
  std::string name = axis_id;  // "occupied_area" reads as "occupied area"
  std::replace(name.begin(), name.end(), '_', ' ');
  return name;
}

// A site's name from the theatre; its id when the theatre no longer has it.
std::string site_name(const model::Scenario& scenario, const std::string& id) {
  if (id.empty()) return "not recorded";
  const model::Site* site = scenario.theatre.find_site(id);
  return site ? site->name : id;
}

std::string km_or_dash(double km) { return km < 0 ? std::string("&ndash;") : fmt::format("{:.0f}", km); }

std::string rules_paragraph(const planner::HubSitingRules& rules) {
  return fmt::format(
      "<p>A hub keeps at least {:.0f} km from every threat axis and {:.0f} km from every other hub (one hub per town). "
      "Among the sites that qualify, the hubs stage minimises, per unit of demand served, "
      "{:g} &times; km from the demand to its hub + {:g} &times; exposure km + {:g} &times; km from the hub to its "
      "entry node, "
      "where exposure is how far the hub lies inside {:.0f} km of the nearest threat axis. "
      "The site term below is the part of that cost the site itself carries (exposure and access, weighted). "
      "Rules, weights and their sources: <code>data/planning/hub_siting.json</code> (docs/planner.md, &ldquo;Hub "
      "siting&rdquo;).</p>",
      rules.min_threat_km, rules.min_separation_km, rules.support_weight, rules.protection_weight, rules.access_weight,
      rules.protection_depth_km);
}

}  // namespace

std::string render_hub_section(const planner::Plan& plan, const model::Scenario& scenario) {
  if (plan.hubs.empty()) return "<p>The plan opened no hub.</p>";
  const std::optional<planner::HubSitingRules> rules = planner::hub_siting_of(plan.provenance.parameters);
  std::string html = rules ? rules_paragraph(*rules)
                           : std::string(
                                 "<p>This plan was made before hubs were chosen for protection and access; it "
                                 "records no siting rules.</p>");
  html +=
      "<table id=\"g-hubs\"><tr><th>Hub</th><th>Country</th><th>Nearest threat axis</th><th>Km to it</th>"
      "<th>Exposure km</th><th>Entry node</th><th>Km to it</th><th>Site term</th><th>Demand served (personnel)</th>"
      "<th>Based here / holds (personnel)</th></tr>";
  for (const auto& hub : plan.hubs) {
    const planner::CandidateSite* site = candidate_of(plan, hub.site_id);
    const double threat_km = site ? site->threat_km : -1.0;
    const double exposure_km = rules && threat_km >= 0 ? rules->exposure_km(threat_km) : -1.0;
    const std::string term = rules && threat_km >= 0 && hub.access_km >= 0
                                 ? fmt::format("{:.0f}", rules->site_cost(threat_km, hub.access_km))
                                 : std::string("&ndash;");
    html += fmt::format(
        "<tr class=\"g-hub-row\" data-site=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td "
        "class=\"num\">{:.0f}</td>"
        "<td class=\"num\">{:.0f} / {:.0f}</td></tr>",
        escape_html(hub.site_id), escape_html(site_name(scenario, hub.site_id)), escape_html(site ? site->country : ""),
        escape_html(axis_name(plan, site ? site->threat_axis : "")), km_or_dash(threat_km), km_or_dash(exposure_km),
        escape_html(site_name(scenario, hub.access_node)), km_or_dash(hub.access_km), term, hub.demand_personnel,
        hub.load_personnel, hub.capacity_personnel);
  }
  return html +
         "</table><p><small>Exposure km = max(0, protection depth &minus; km to the nearest threat axis). Demand "
         "served: the hub's share of the mandate's hub personnel, by the demand nearest to it. Based here: personnel "
         "of the units whose position is at the hub.</small></p>";
}

}  // namespace guarantor::report::detail
