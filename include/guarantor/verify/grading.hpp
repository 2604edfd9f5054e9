#pragma once
// Grading an incident in the Admiralty manner (NATO AJP-2.1): source reliability A-F from the
// registry, information credibility 1-6 from independent corroboration.
#include <string>
#include <vector>

#include "guarantor/verify/cluster.hpp"
#include "guarantor/verify/source_registry.hpp"

namespace guarantor::verify {

/// Grading parameters (docs/verifier.md "Grading rules").
struct GradingParams {
  /// Independent groups needed for 1 "confirmed by other sources".
  std::size_t confirmed_groups = 3;
  /// Independent groups needed for 2 "probably true".
  std::size_t probable_groups = 2;
};

struct Grade {
  char reliability = 'F';  ///< best reliability among the incident's outlets (a relayed claim at its party's)
  int credibility = 6;     ///< 1 confirmed .. 5 improbable, 6 cannot be judged
  std::vector<std::string> groups;  ///< groups counted, sorted ("party:UA" for a party's claims)
  std::vector<std::string> unregistered;  ///< outlets not in the registry: listed, never counted
  std::string rationale;            ///< which rule set the credibility
  /// "B2" etc.
  [[nodiscard]] std::string code() const {
    // Appending, not operator+ on temporaries: g++ 12 at -O3 reports a false -Wrestrict there.
    std::string text(1, reliability);
    text += std::to_string(credibility);
    return text;
  }
};

/// Grades one incident from its member reports.
Grade grade_incident(const Incident& incident, const std::vector<Report>& reports, const SourceRegistry& registry,
                     const GradingParams& params);

}  // namespace guarantor::verify
