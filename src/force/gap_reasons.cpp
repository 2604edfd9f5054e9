#include "gap_reasons.hpp"

#include <map>

#include <fmt/format.h>

namespace guarantor::force::detail {

std::vector<std::string> explain_gap(const LineResult& shown, const LineResult& truth) {
  std::vector<std::string> reasons;
  if (truth.pledges.empty()) {
    reasons.push_back(fmt::format("no pledge offers {}", truth.capability));
    return reasons;
  }
  std::map<Verdict, std::vector<std::string>> by_verdict;
  for (const auto& assessment : shown.pledges)
    if (assessment.verdict != Verdict::Counted) by_verdict[assessment.verdict].push_back(assessment.reason);
  for (const auto& [verdict, details] : by_verdict) {
    std::string text;
    for (const auto& d : details) text += (text.empty() ? "" : "; ") + d;
    reasons.push_back(fmt::format("{}: {}", to_string(verdict), text));
  }
  // Eligible: counted (committed or not needed) or committed to higher-priority lines. A total
  // over every pledge of the line's capability, whoever may see them one by one.
  int eligible_total = 0;
  bool committed_elsewhere = false;
  for (const auto& assessment : truth.pledges) {
    if (assessment.verdict == Verdict::Counted || assessment.verdict == Verdict::CommittedElsewhere)
      eligible_total += assessment.offered;
    committed_elsewhere |= assessment.verdict == Verdict::CommittedElsewhere;
  }
  if (truth.required > truth.filled && !committed_elsewhere && eligible_total < truth.required)
    reasons.push_back(fmt::format("eligible pledges total {} of {} required", eligible_total, truth.required));
  return reasons;
}

}  // namespace guarantor::force::detail
