// Checker rules for the 1435/1520 mm gauge break. A rail move into Ukraine (entry by a crossing
// that carries rail) must name where it changed gauge, a point on that crossing's route as the
// plan's parameters record it, at a site that is a gauge break; the personnel it passed there
// must add up, and no point may move more in a day than its throughput plus what the railhead
// units placed there (and arrived) add. Railhead units sit at a gauge-break terminal.
#include <cmath>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "check_rules.hpp"
#include "guarantor/planner/parameters.hpp"

namespace guarantor::planner::detail {

namespace {
// Transshipment amounts are sums of whole personnel split over days: round-off only.
constexpr double PERSONNEL_TOLERANCE = 1e-6;

std::optional<double> recorded(const Plan& plan, const std::string& key) {
  const auto it = plan.provenance.parameters.find(key);
  return it == plan.provenance.parameters.end() ? std::nullopt : std::optional<double>(it->second);
}
}  // namespace

void check_rail(const Plan& plan, const model::Scenario& scenario, std::vector<Violation>& out) {
  auto add = [&out](std::string rule, std::string subject, std::string message) {
    out.push_back({std::move(rule), std::move(subject), std::move(message)});
  };
  const double transship_days = std::ceil(recorded(plan, "movement.gauge_transshipment_days").value_or(0.0) - 1e-9);
  std::map<std::pair<std::string, int>, double> point_day_use;
  for (const auto& a : plan.assignments) {
    const auto* capability = scenario.catalogue.find(a.capability);
    if (capability && capability->basing == model::Basing::RailTerminal) {
      const auto* site = scenario.theatre.find_site(a.site_id);
      if (!site || site->kind != model::SiteKind::RailJunction || !site->gauge_change)
        add("railhead_site", a.unit_id,
            fmt::format("a {} unit sits at {}, which is not a transshipment terminal at the 1435/1520 mm gauge break",
                        a.capability, a.site_id.empty() ? "no site" : a.site_id));
    }
    const auto* entry = scenario.theatre.find_site(a.entry_node);
    const bool rail_in = entry && entry->kind == model::SiteKind::BorderCrossing && entry->subkind != "road";
    if (!rail_in) {
      if (!a.transshipment.empty())
        add("transshipment", a.unit_id, fmt::format("names a gauge change at {} but does not enter Ukraine by rail", a.transshipment));
      continue;
    }
    if (a.transshipment.empty()) {
      add("transshipment", a.unit_id,
          fmt::format("enters Ukraine by rail via {} without a gauge change: a 1435 mm train must be transshipped to "
                      "1520 mm wagons (at a terminal or at the border) on the way", entry->id));
      continue;
    }
    const auto* point = scenario.theatre.find_site(a.transshipment);
    if (!point || !point->gauge_change) {
      add("transshipment", a.unit_id, fmt::format("changes gauge at {}, which is not a gauge break in the theatre", a.transshipment));
      continue;
    }
    if (!recorded(plan, transshipment_route_key(entry->id, point->id)))
      add("transshipment", a.unit_id,
          fmt::format("changes gauge at {}, which is not on the route to {} in the plan's movement parameters", point->id, entry->id));
    double took = 0;
    int last = -1;
    for (const auto& use : a.transshipment_use) {
      took += use.amount;
      last = std::max(last, use.day);
      point_day_use[{point->id, use.day}] += use.amount;
      if (use.day < a.ready_day || use.amount < 0)
        add("transshipment", a.unit_id, fmt::format("transships {} at {} on day {}, before it is ready on day {}", use.amount,
                                                    point->id, use.day, a.ready_day));
    }
    if (std::abs(took - a.personnel) > PERSONNEL_TOLERANCE)
      add("transshipment", a.unit_id, fmt::format("transships {} of its {} personnel at {}", took, a.personnel, point->id));
    if (a.transshipment_day != last)
      add("transshipment", a.unit_id, fmt::format("records its gauge change done on day {}, its last use of {} is day {}",
                                                  a.transshipment_day, point->id, last));
    for (const auto& use : a.entry_use)
      if (use.day < last + transship_days)
        add("transshipment", a.unit_id, fmt::format("crosses at {} on day {}, before its gauge change at {} ends (day {} + {})",
                                                    entry->id, use.day, point->id, last, transship_days));
  }
  // Daily throughput per point: the recorded rate plus each railhead unit placed there, from its
  // arrival day on.
  for (const auto& [point_day, used] : point_day_use) {
    const auto& [point, day] = point_day;
    const auto base = recorded(plan, "movement.transshipment." + point);
    if (!base) {
      add("transshipment_throughput", point, "the plan's parameters record no daily throughput for this point");
      continue;
    }
    double capacity = *base;
    for (const auto& a : plan.assignments)
      if (a.site_id == point && a.arrival_day <= day)
        capacity += recorded(plan, "movement.transshipment_added." + a.capability).value_or(0.0);
    if (used > capacity + PERSONNEL_TOLERANCE)
      add("transshipment_throughput", point,
          fmt::format("{} personnel transshipped on day {}; the point moves {} a day then", used, day, capacity));
  }
}

}  // namespace guarantor::planner::detail
