#pragma once
// Counting independent corroboration so that it cannot be inflated: unregistered outlets count
// for nothing, a party's claim counts as the party's whoever relays it, aliases of an outlet are
// one outlet, and the parties' claims together are at most one source (opposing parties never
// corroborate each other).
#include <set>
#include <string>
#include <vector>

#include "guarantor/verify/cluster.hpp"
#include "guarantor/verify/source_registry.hpp"

namespace guarantor::verify {

struct Corroboration {
  /// Registered source groups independent of the parties.
  std::size_t independent_groups = 0;
  /// Parties whose claims the incident's reports carry (claimant, or the outlet's party).
  std::set<std::string> parties;
  /// Every group counted, sorted: independent groups by name, party claims as "party:UA".
  std::vector<std::string> groups;
  /// Outlets not in the registry, sorted and de-duplicated: reported, never counted.
  std::vector<std::string> unregistered;
  /// Best rating among registered outlets; a party's claim relayed by another outlet counts at
  /// the party's rating (SourceRegistry::party_reliability), not the relay's.
  char best_reliability = 'F';
  char worst_known_reliability = 'A';  ///< worst rating other than F, counted the same way
  /// Independent groups plus one for all party claims together.
  [[nodiscard]] std::size_t independent_count() const noexcept {
    return independent_groups + (parties.empty() ? 0 : 1);
  }
};

/// Counts the corroboration of one incident from its member reports.
Corroboration count_corroboration(const Incident& incident, const std::vector<Report>& reports,
                                  const SourceRegistry& registry);

}  // namespace guarantor::verify
