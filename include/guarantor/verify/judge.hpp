#pragma once
// Judging incidents against provisions. A finding is a violation, no violation or undetermined,
// with the reasons; the attribution is what the reports claim, side by side, never inferred.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "guarantor/geo/polygon.hpp"
#include "guarantor/verify/agreement.hpp"
#include "guarantor/verify/grading.hpp"

namespace guarantor::verify {

enum class Outcome { Violation, NoViolation, Undetermined };
std::string_view to_string(Outcome outcome);

/// Judging parameters (docs/verifier.md "Parameters").
struct JudgeParams {
  /// A violation needs credibility this good or better (3 = possibly true); weaker evidence of
  /// an otherwise matching incident is "undetermined: not corroborated".
  int max_credibility_for_violation = 3;
};

/// Named lines a band zone may refer to, supplied at run time.
struct ReferenceLines {
  /// The occupied area; "line_of_contact" is its boundary.
  const geo::MultiPolygon* occupied_area = nullptr;
};

/// What one side's reports claim about an incident.
struct SideClaim {
  std::size_t reports = 0;
  std::map<std::string, std::size_t> actors;  ///< claimed actor -> reports naming it ("" = not stated)
};

/// One test of a finding (window, target, weapon, zone, territory) with its verdict and why.
struct TestResult {
  std::string_view test;     ///< "window", "target", "weapon", "zone", "territory" (static text)
  std::string_view verdict;  ///< "in", "out", "edge" (cannot tell) or "not_checked" (static text)
  std::string reason;
};

struct Finding {
  std::string provision_id;
  std::string incident_id;
  std::size_t incident = 0;  ///< index into the incidents
  Outcome outcome = Outcome::Undetermined;
  /// Where the incident happened: ISO country code, with " (occupied area)" when inside the
  /// occupied area supplied with --line-of-contact; "" when not known.
  std::string country;
  /// Why an incident that passed every test is only undetermined: its grade is weaker than a
  /// violation needs; "" otherwise.
  std::string grade_reason;
  /// Every test that was made, in the order made, each with its verdict and reason.
  std::vector<TestResult> tests;
  /// The incident's grade; shared by the incident's findings (a run holds about a million).
  std::shared_ptr<const Grade> grade;
  /// Claims by claimant side ("" = a source not speaking for a side); shared like the grade.
  std::shared_ptr<const std::map<std::string, SideClaim>> claims;
  /// Reasons that decided the outcome first (the grade reason; the "out" tests of a
  /// no-violation, the "edge" tests of an undetermined finding), then the other tests' reasons.
  /// Built from `grade_reason` and `tests` when asked: a run keeps about a million findings, and
  /// each reason is held once.
  [[nodiscard]] std::vector<std::string> reasons() const;
  /// The grade, or a default Grade (F6) when none is set.
  [[nodiscard]] const Grade& grade_or_default() const;
  /// The claims, or an empty map when none are set.
  [[nodiscard]] const std::map<std::string, SideClaim>& claims_or_empty() const;
};

/// Findings for every (incident, provision) pair where the incident's category concerns the
/// provision; in incident order, then provision order.
std::vector<Finding> judge_incidents(const std::vector<Incident>& incidents, const std::vector<Grade>& grades,
                                     const std::vector<Report>& reports, const Agreement& agreement,
                                     const SourceRegistry& registry, const ReferenceLines& lines,
                                     const JudgeParams& params);

}  // namespace guarantor::verify
