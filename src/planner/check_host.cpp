// Checker rules host_abroad and named_site: host-nation support is given in place by the nation
// that offers it (AJP-4.5), and a pledge that names its sites serves there. Recomputed from the
// site's country in the theatre, not from anything the plan records about the unit's nation.
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "check_rules.hpp"

namespace guarantor::planner::detail {

void check_host_support(const Plan& plan, const model::Scenario& scenario, std::vector<Violation>& out) {
  for (const auto& a : plan.assignments) {
    const auto* pledge = scenario.coalition.find_pledge(a.pledge_id);
    const auto* position = plan.find_position(a.position_id);
    if (!pledge || !position || position->site_id.empty()) continue;  // unknown_reference / location report these
    const auto* site = scenario.theatre.find_site(position->site_id);
    const auto* capability = scenario.catalogue.find(pledge->capability);
    if (!site || !capability) continue;
    if (capability->domain == model::Domain::Host && site->country != pledge->nation)
      out.push_back({"host_abroad", a.unit_id,
                     fmt::format("host-nation support of {} ({}) placed at {} in {}; host support is given in place "
                                 "by its own nation", pledge->nation, pledge->capability, site->id, site->country)});
    if (!pledge->sites.empty() &&
        std::find(pledge->sites.begin(), pledge->sites.end(), site->id) == pledge->sites.end())
      out.push_back({"named_site", a.unit_id,
                     fmt::format("pledge {} names {}; the unit sits at {}", pledge->id, fmt::join(pledge->sites, ", "),
                                 site->id)});
  }
}

}  // namespace guarantor::planner::detail
