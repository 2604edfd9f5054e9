#include "guarantor/force/disclosure.hpp"

#include <fmt/format.h>

#include "gap_reasons.hpp"

namespace guarantor::force {

namespace {
// Verdicts whose reason names only what capability-only sharing shows: the pledge's id,
// quantity and readiness. Every other reason names a caveat, a condition or a date.
bool reason_is_shared(Verdict verdict) {
  return verdict == Verdict::Counted || verdict == Verdict::CommittedElsewhere || verdict == Verdict::TooLate;
}

PledgeAssessment capability_only(const PledgeAssessment& assessment) {
  if (reason_is_shared(assessment.verdict)) return assessment;
  PledgeAssessment cut = assessment;
  cut.verdict = Verdict::Undisclosed;
  cut.reason = fmt::format("{}: not usable for this line under terms {} does not share", assessment.pledge_id,
                           assessment.nation);
  return cut;
}

// Pledges of nations sharing only totals, summed into one entry without ids or nations.
struct Summed {
  int pledges = 0;
  int offered = 0;
  int committed = 0;
  bool all_committed_elsewhere = true;
  void add(const PledgeAssessment& assessment) {
    ++pledges;
    offered += assessment.offered;
    committed += assessment.committed;
    all_committed_elsewhere &= assessment.verdict == Verdict::CommittedElsewhere;
  }
};

std::string units_of(const Summed& summed) {
  return fmt::format("{} unit{} in {} pledge{} of nations sharing only totals", summed.offered,
                     summed.offered == 1 ? "" : "s", summed.pledges, summed.pledges == 1 ? "" : "s");
}

// The counted ones (committed here, or eligible and not needed), then the others: whether the
// latter were eligible but taken by higher-priority lines is a fact about the line, not about a
// nation's terms; anything else is undisclosed.
void append_summed(std::vector<PledgeAssessment>& shown, const Summed& counted, const Summed& other) {
  if (counted.pledges > 0)
    shown.push_back({"", "", counted.offered, counted.committed, Verdict::Counted,
                     fmt::format("{}: {} committed", units_of(counted), counted.committed), counted.pledges});
  if (other.pledges > 0) {
    const bool elsewhere = other.all_committed_elsewhere;
    shown.push_back({"", "", other.offered, 0, elsewhere ? Verdict::CommittedElsewhere : Verdict::Undisclosed,
                     fmt::format("{}: {}", units_of(other),
                                 elsewhere ? "all already committed to higher-priority lines"
                                           : "not usable for this line under terms their nations do not share"),
                     other.pledges});
  }
}
}  // namespace

ForceGenerationResult disclose(const ForceGenerationResult& result,
                               const std::function<Disclosure(const std::string& nation)>& disclosure_of) {
  ForceGenerationResult view = result;
  for (auto& phase : view.phases) {
    for (auto& line : phase.lines) {
      const LineResult truth = line;
      Summed counted, other;
      line.pledges.clear();
      for (const auto& assessment : truth.pledges) {
        switch (disclosure_of(assessment.nation)) {
          case Disclosure::Full: line.pledges.push_back(assessment); break;
          case Disclosure::CapabilityOnly: line.pledges.push_back(capability_only(assessment)); break;
          case Disclosure::Aggregate: (assessment.verdict == Verdict::Counted ? counted : other).add(assessment); break;
        }
      }
      append_summed(line.pledges, counted, other);
      if (!truth.gap_reasons.empty()) line.gap_reasons = detail::explain_gap(line, truth);
    }
  }
  return view;
}

}  // namespace guarantor::force
