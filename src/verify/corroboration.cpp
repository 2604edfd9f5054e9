#include "guarantor/verify/corroboration.hpp"

#include <algorithm>

namespace guarantor::verify {

Corroboration count_corroboration(const Incident& incident, const std::vector<Report>& reports,
                                  const SourceRegistry& registry) {
  Corroboration result;
  std::set<std::string> independent;
  std::set<std::string> unregistered;
  for (std::size_t report_index : incident.reports) {
    const Report& report = reports[report_index];
    for (const std::string& outlet : report.outlets) {
      const SourceEntry* entry = registry.find(outlet);
      if (entry == nullptr) {
        // An outlet nobody has rated is not evidence of independence: counting it would let any
        // extra name on a row ("CIR", a second account) raise the grade.
        unregistered.insert(outlet);
        continue;
      }
      // The originator, not the relay: a report of what a party claims is that party's claim
      // whichever outlet carries it, and is rated as the party's own outlets are - a wire
      // relaying a ministry's statement does not lend the statement the wire's rating.
      const std::string& party = !report.claimant.empty() ? report.claimant.str() : entry->party;
      const bool relayed = !report.claimant.empty() && report.claimant.str() != entry->party;
      const char rating = relayed ? registry.party_reliability(party) : entry->reliability;
      result.best_reliability = std::min(result.best_reliability, rating);
      if (rating != 'F') result.worst_known_reliability = std::max(result.worst_known_reliability, rating);
      if (!party.empty()) result.parties.insert(party);
      else independent.insert(entry->group.empty() ? registry.canonical_name(outlet) : entry->group);
    }
  }
  result.independent_groups = independent.size();
  result.groups.assign(independent.begin(), independent.end());
  for (const auto& party : result.parties) result.groups.push_back("party:" + party);
  std::sort(result.groups.begin(), result.groups.end());
  result.unregistered.assign(unregistered.begin(), unregistered.end());
  return result;
}

}  // namespace guarantor::verify
