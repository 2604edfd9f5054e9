// Host-nation support (catalogue domain "host": air base support, accommodation) is provided in
// place by the nation that offers it - a Polish air base cannot be offered by Romania, nor
// Polish barracks stand in Slovakia (catalogue: "provided in place by the host nation"; NATO
// AJP-4.5 Host-Nation Support doctrine: support is given by the host nation on its territory).
// So a host line's positions are placed pledge by pledge, each at a site in the pledging nation
// (at the sites the pledge names, when it names any), and only that nation's units may take them.
#include <algorithm>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "guarantor/force/eligibility.hpp"
#include "stages.hpp"

namespace guarantor::planner::detail {

namespace {
bool named(const model::Pledge& pledge, std::string_view site_id) {
  return std::find(pledge.sites.begin(), pledge.sites.end(), site_id) != pledge.sites.end();
}
}  // namespace

std::optional<std::string> placement_refused(const model::Scenario& scenario, const model::Pledge& pledge,
                                             const model::Capability& capability, std::string_view site_id) {
  const auto* site = scenario.theatre.find_site(site_id);
  if (site == nullptr) return std::nullopt;  // served from outside the theatre: nothing to place
  if (capability.domain == model::Domain::Host && site->country != pledge.nation)
    return fmt::format("{}: host-nation support of {} is given in place in {}, not at {} in {}", pledge.id, pledge.nation,
                       pledge.nation, site->id, site->country);
  if (!pledge.sites.empty() && !named(pledge, site_id))
    return fmt::format("{}: the pledge names its sites ({}); {} is not one of them", pledge.id,
                       fmt::join(pledge.sites, ", "), site->id);
  return std::nullopt;
}

int place_host_support(const StageContext& context, const model::RequirementLine& line,
                       const model::Capability& capability, const std::vector<const CandidateSite*>& sites, Plan& plan,
                       std::map<std::string, double>& used) {
  std::vector<const model::Pledge*> pledges;
  for (const auto& pledge : context.scenario.coalition.pledges)
    if (pledge.capability == line.capability && !force::assess_eligibility(context.scenario, pledge, line, line.phase))
      pledges.push_back(&pledge);
  // Earliest-ready first, ties by id: the result never depends on file order.
  std::stable_sort(pledges.begin(), pledges.end(), [](const model::Pledge* a, const model::Pledge* b) {
    return std::tie(a->readiness_days, a->id) < std::tie(b->readiness_days, b->id);
  });
  int placed = 0;
  for (const auto* pledge : pledges) {
    for (int n = 0; n < pledge->quantity && placed < line.quantity; ++n) {
      const CandidateSite* best = nullptr;
      double best_room = -1;
      std::size_t best_rank = 0;
      for (const auto* site : sites) {
        if (placement_refused(context.scenario, *pledge, capability, site->site_id)) continue;
        const SiteNeed need = site_need(context.params, capability, *site);
        if (!site_has_room(*site, need, used)) continue;
        const double room = site->capacity - used[site->site_id] - need.resource;
        // Named sites in the pledge's order, one unit each in turn; otherwise the roomiest site.
        const auto it = std::find(pledge->sites.begin(), pledge->sites.end(), site->site_id);
        const std::size_t rank = it == pledge->sites.end()
                                     ? 0
                                     : (static_cast<std::size_t>(it - pledge->sites.begin()) + pledge->sites.size() -
                                        static_cast<std::size_t>(n) % pledge->sites.size()) % pledge->sites.size();
        if (!best || rank < best_rank || (rank == best_rank && room > best_room))
          best = site, best_room = room, best_rank = rank;
      }
      if (!best) break;
      add_position(plan, line, best, 0.0, 0.0, used, site_need(context.params, capability, *best));
      ++placed;
    }
  }
  return placed;
}

}  // namespace guarantor::planner::detail
