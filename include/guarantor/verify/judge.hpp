#pragma once
// Judging incidents against provisions. A finding is a violation, no violation or undetermined,
// with the reasons; the attribution is what the reports claim, side by side, never inferred.
#include <array>
#include <cstdint>
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

/// The tests of a finding, in the order they are made.
enum class TestKind : std::uint8_t { Window, Target, Weapon, Zone, Territory };
/// A test's verdict: inside, outside, too close to the edge to tell, or not made.
enum class TestVerdict : std::uint8_t { In, Out, Edge, NotChecked };
/// "window", "target", "weapon", "zone", "territory"; "in", "out", "edge", "not_checked".
std::string_view to_string(TestKind kind);
std::string_view to_string(TestVerdict verdict);

/// Why a test gave its verdict, as a code; its arguments are in TestResult::values and
/// TestResult::text, and the sentence is formatted only when an output is written
/// (Finding::reason): a run holds about four million test results.
enum class ReasonCode : std::uint8_t {
  Text,                ///< text: the reason as written
  WindowOutside,       ///< values: first, last second of the incident (Unix seconds)
  WindowInside,        ///< as WindowOutside
  WindowStraddles,     ///< as WindowOutside
  TargetUnknown,       ///< no arguments
  TargetContested,     ///< values[0]: the most reported TargetKind
  TargetCovered,       ///< values[0]: the TargetKind
  TargetNotCovered,    ///< values[0]: the TargetKind
  WeaponUnknown,       ///< no arguments
  WeaponNoBand,        ///< values[0]: the WeaponClass
  WeaponBand,          ///< values[0]: the WeaponClass; values[1]: its band, metres
  BandInside,          ///< values: distance to the line, uncertainty, band (metres)
  BandOutside,         ///< as BandInside
  BandCannotTell,      ///< as BandInside
  ZoneNearEdge,        ///< values: distance to the zone's edge, uncertainty (metres)
  ZoneInside,          ///< no arguments
  ZoneOutside,         ///< no arguments
  TerritoryUnknown,    ///< text: the provision's territories, listed; the country is the finding's
  TerritoryCovered,    ///< as TerritoryUnknown
  TerritoryOutside,    ///< as TerritoryUnknown
  TerritoryNoOutline,  ///< as TerritoryUnknown: looked up, in no country's outline (at sea or beyond)
  TerritoryPartly,     ///< as TerritoryUnknown: an area spanning countries, only some in the territory
};

/// One test of a finding (window, target, weapon, zone, territory) with its verdict and why.
struct TestResult {
  TestKind test = TestKind::Window;
  TestVerdict verdict = TestVerdict::NotChecked;
  ReasonCode code = ReasonCode::Text;
  /// The zone test could not tell for an incident located only to an admin area: the reason
  /// is prefixed "location too coarse to judge" naming the area (`text`) and the uncertainty
  /// (values[1]).
  bool coarse = false;
  std::array<double, 3> values{};  ///< numeric arguments of `code` (see ReasonCode)
  /// Text argument of `code`, shared by every finding of one provision or incident.
  std::shared_ptr<const std::string> text;
  /// A test whose reason is given as text (findings built by hand, tests).
  static TestResult written(TestKind test, TestVerdict verdict, std::string reason);
};

struct Finding {
  std::string provision_id;
  std::string incident_id;
  std::size_t incident = 0;  ///< index into the incidents
  Outcome outcome = Outcome::Undetermined;
  /// Where the incident happened: ISO country code, with " (occupied area)" when inside the
  /// occupied area supplied with --line-of-contact; "" when not known.
  std::string country;
  /// Set when an incident that passed every test is only undetermined because its grade is
  /// weaker than this credibility (the one a violation needs); 0 otherwise.
  int grade_short_of = 0;
  /// Every test that was made, in the order made, each with its verdict and reason.
  std::vector<TestResult> tests;
  /// The incident's grade; shared by the incident's findings (a run holds about a million).
  std::shared_ptr<const Grade> grade;
  /// Claims by claimant side ("" = a source not speaking for a side); shared like the grade.
  std::shared_ptr<const std::map<std::string, SideClaim>> claims;
  /// Why an incident that passed every test is only undetermined ("" unless grade_short_of).
  [[nodiscard]] std::string grade_reason() const;
  /// The reason of one of this finding's tests, formatted.
  [[nodiscard]] std::string reason(const TestResult& test) const;
  /// Reasons that decided the outcome first (the grade reason; the "out" tests of a
  /// no-violation, the "edge" tests of an undetermined finding), then the other tests' reasons.
  /// Formatted when asked: a run keeps about a million findings.
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

/// The findings judge_incidents gives for incidents [first, last) only (a run judges a block of
/// incidents at a time); the same findings, in the same order.
std::vector<Finding> judge_incident_range(const std::vector<Incident>& incidents, const std::vector<Grade>& grades,
                                          const std::vector<Report>& reports, const Agreement& agreement,
                                          const SourceRegistry& registry, const ReferenceLines& lines,
                                          const JudgeParams& params, std::size_t first, std::size_t last);

/// How many findings judge_incidents makes for incidents [first, last).
std::size_t count_findings(const std::vector<Incident>& incidents, const Agreement& agreement, std::size_t first,
                           std::size_t last);

}  // namespace guarantor::verify
