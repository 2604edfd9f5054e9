#include "guarantor/verify/grading.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "guarantor/verify/text_classify.hpp"

namespace guarantor::verify {
namespace {
// Ratings at or better than this make a single report "possibly true" (3) rather than
// "cannot be judged" (6): a usually reliable source is worth hearing even alone.
constexpr char SINGLE_SOURCE_MIN_RELIABILITY = 'B';
// Sources rated this or worse throughout make the information improbable (5).
constexpr char UNRELIABLE = 'E';
}  // namespace

Grade grade_incident(const Incident& incident, const std::vector<Report>& reports, const SourceRegistry& registry,
                     const GradingParams& params) {
  Grade grade;
  std::set<std::string> groups;
  std::set<std::string> parties;  // parties speaking through the outlets
  bool any_independent_of_parties = false;
  char best = 'F';
  char worst_known = 'A';
  for (std::size_t report_index : incident.reports) {
    for (const std::string& outlet : reports[report_index].outlets) {
      // One registry look-up per outlet; the same rules as SourceRegistry::group_of and reliability_of.
      const SourceEntry* entry = registry.find(outlet);
      groups.insert(entry != nullptr && !entry->group.empty() ? entry->group : to_lower_utf8(outlet));
      const char reliability = entry == nullptr ? 'F' : entry->reliability;
      best = std::min(best, reliability);
      if (reliability != 'F') worst_known = std::max(worst_known, reliability);
      if (entry != nullptr && !entry->party.empty()) parties.insert(entry->party);
      else any_independent_of_parties = true;
    }
  }
  grade.reliability = best;
  grade.groups.assign(groups.begin(), groups.end());
  const std::size_t independent = groups.size();
  if (incident.target_contested) {
    grade.credibility = 4;
    grade.rationale = "doubtful: the reports name different targets";
  } else if (best >= UNRELIABLE && worst_known >= UNRELIABLE) {
    grade.credibility = 5;
    grade.rationale = "improbable: only sources rated unreliable report it";
  } else if (independent >= params.confirmed_groups) {
    grade.credibility = 1;
    grade.rationale = fmt::format("confirmed: {} independent source groups", independent);
  } else if (independent >= params.probable_groups) {
    grade.credibility = 2;
    grade.rationale = fmt::format("probably true: {} independent source groups", independent);
  } else if (best <= SINGLE_SOURCE_MIN_RELIABILITY) {
    grade.credibility = 3;
    grade.rationale = "possibly true: one source group, rated reliable";
  } else {
    grade.credibility = 6;
    grade.rationale = "cannot be judged: one source group, not rated reliable";
  }
  // One side's own channels cannot confirm its accusation: without a source independent of the
  // parties, credibility is at best 3.
  if (!any_independent_of_parties && parties.size() == 1 && grade.credibility < 3) {
    grade.credibility = 3;
    grade.rationale += fmt::format("; capped at 3: every source speaks for {}", *parties.begin());
  }
  return grade;
}

}  // namespace guarantor::verify
