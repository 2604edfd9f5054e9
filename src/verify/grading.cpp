#include "guarantor/verify/grading.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "guarantor/verify/corroboration.hpp"

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
  const Corroboration corroboration = count_corroboration(incident, reports, registry);
  grade.reliability = corroboration.best_reliability;
  grade.groups = corroboration.groups;
  grade.unregistered = corroboration.unregistered;
  const std::size_t independent = corroboration.independent_count();
  const char best = corroboration.best_reliability;
  const char worst_known = corroboration.worst_known_reliability;
  if (incident.target_contested) {
    grade.credibility = 4;
    grade.rationale = "doubtful: the reports name different targets";
  } else if (independent == 0) {
    grade.credibility = 6;
    grade.rationale = "cannot be judged: no source in the registry";
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
  // The parties' own channels cannot confirm an accusation, nor do opposing parties' claims
  // confirm each other: without a source independent of the parties, credibility is at best 3.
  if (corroboration.independent_groups == 0 && !corroboration.parties.empty() && grade.credibility < 3) {
    grade.credibility = 3;
    std::string parties;
    for (const auto& party : corroboration.parties) parties += (parties.empty() ? "" : ", ") + party;
    grade.rationale += fmt::format("; capped at 3: every source speaks for a party ({})", parties);
  }
  if (!corroboration.unregistered.empty())
    grade.rationale += fmt::format("; {} unregistered outlet(s) not counted", corroboration.unregistered.size());
  return grade;
}

}  // namespace guarantor::verify
