// A finding's reasons as sentences. The judge records each test's reason as a code and its
// arguments (judge.hpp, ReasonCode); the sentences are formatted here, only when an output is
// written, so that a run's million findings do not each hold five sentences of text.
#include <fmt/format.h>

#include "guarantor/core/date.hpp"
#include "guarantor/verify/judge.hpp"
#include "finding_reasons.hpp"

namespace guarantor::verify {
namespace {

const std::string& text_of(const TestResult& test) {
  static const std::string NONE;
  return test.text ? *test.text : NONE;
}

UnixSeconds seconds(double value) { return static_cast<UnixSeconds>(value); }

// The sentence of `test` without the coarse-location prefix.
std::string plain_reason(const TestResult& test, const std::string& country) {
  const auto& v = test.values;
  switch (test.code) {
    case ReasonCode::Text: return text_of(test);
    case ReasonCode::WindowOutside:
      return fmt::format("{} .. {} is outside the window", format_datetime(seconds(v[0])), format_datetime(seconds(v[1])));
    case ReasonCode::WindowInside:
      return fmt::format("{} .. {} is inside the window", format_datetime(seconds(v[0])), format_datetime(seconds(v[1])));
    case ReasonCode::WindowStraddles:
      return fmt::format("the reported time {} .. {} straddles the window's edge", format_datetime(seconds(v[0])),
                         format_datetime(seconds(v[1])));
    case ReasonCode::TargetUnknown: return "the reports do not say what was hit";
    case ReasonCode::TargetContested:
      return fmt::format("the reports disagree on the target (most say {})", to_string(static_cast<TargetKind>(v[0])));
    case ReasonCode::TargetCovered: return fmt::format("target {} is covered", to_string(static_cast<TargetKind>(v[0])));
    case ReasonCode::TargetNotCovered:
      return fmt::format("target {} is not covered", to_string(static_cast<TargetKind>(v[0])));
    case ReasonCode::WeaponUnknown: return "the reports do not name the weapon";
    case ReasonCode::WeaponNoBand:
      return fmt::format("weapon {} has no pull-back band", to_string(static_cast<WeaponClass>(v[0])));
    case ReasonCode::WeaponBand:
      return fmt::format("weapon {} must be {:.0f} km back", to_string(static_cast<WeaponClass>(v[0])), v[1] / 1000);
    case ReasonCode::BandInside:
      return fmt::format("{:.1f} km from the line, inside the {:.0f} km band", v[0] / 1000, v[2] / 1000);
    case ReasonCode::BandOutside:
      return fmt::format("{:.1f} km from the line, outside the {:.0f} km band", v[0] / 1000, v[2] / 1000);
    case ReasonCode::BandCannotTell:
      return fmt::format("{:.1f} km (+/- {:.1f} km) from the line: cannot tell whether inside the {:.0f} km band",
                         v[0] / 1000, v[1] / 1000, v[2] / 1000);
    case ReasonCode::ZoneNearEdge:
      return fmt::format("{:.1f} km from the zone's edge with {:.1f} km uncertainty", v[0] / 1000, v[1] / 1000);
    case ReasonCode::ZoneInside: return "inside the zone";
    case ReasonCode::ZoneOutside: return "outside the zone";
    case ReasonCode::TerritoryUnknown:
      return fmt::format("country not known (no theatre given); the provision covers {}", text_of(test));
    case ReasonCode::TerritoryNoOutline:
      return fmt::format(
          "in no country's outline (at sea, or beyond the theatre's outlines): cannot tell whether it lies in the "
          "provision's territory ({})",
          text_of(test));
    case ReasonCode::TerritoryCovered: return fmt::format("in {}, covered ({})", country, text_of(test));
    case ReasonCode::TerritoryOutside:
      return fmt::format("in {}, outside the provision's territory ({})", country, text_of(test));
    case ReasonCode::TerritoryPartly:
      return fmt::format("located to an area spanning {}: only part of it lies in the provision's territory ({})",
                         country, text_of(test));
  }
  return text_of(test);
}

bool has_verdict(const std::vector<TestResult>& tests, TestVerdict verdict) {
  for (const TestResult& t : tests)
    if (t.verdict == verdict) return true;
  return false;
}

}  // namespace

std::string_view to_string(TestKind kind) {
  switch (kind) {
    case TestKind::Window: return "window";
    case TestKind::Target: return "target";
    case TestKind::Weapon: return "weapon";
    case TestKind::Zone: return "zone";
    case TestKind::Territory: return "territory";
  }
  return "unknown";
}

std::string_view to_string(TestVerdict verdict) {
  switch (verdict) {
    case TestVerdict::In: return "in";
    case TestVerdict::Out: return "out";
    case TestVerdict::Edge: return "edge";
    case TestVerdict::NotChecked: return "not_checked";
  }
  return "unknown";
}

TestResult TestResult::written(TestKind test, TestVerdict verdict, std::string reason) {
  TestResult result;
  result.test = test;
  result.verdict = verdict;
  result.code = ReasonCode::Text;
  result.text = std::make_shared<const std::string>(std::move(reason));
  return result;
}

std::string Finding::grade_reason() const {
  if (grade_short_of == 0) return {};
  const Grade& graded = grade_or_default();
  return fmt::format("matches the provision but grade {} is weaker than credibility {} ({})", graded.code(),
                     grade_short_of, graded.rationale);
}

std::string Finding::reason(const TestResult& test) const {
  std::string plain = plain_reason(test, country);
  if (!test.coarse) return plain;
  return detail::coarse_location_reason(text_of(test), test.values[1], plain);
}

std::string detail::coarse_location_reason(const std::string& area, double uncertainty_m, const std::string& reason) {
  return fmt::format("location too coarse to judge: located only to area {} (+/- {:.0f} km); {}", area,
                     uncertainty_m / 1000, reason);
}

void detail::for_each_reason(const Finding& finding, const std::function<void(const std::string&)>& visit) {
  // Decisive reasons first, so the first reason on the page says why the outcome is what it is.
  const auto& tests = finding.tests;
  const TestVerdict decisive = has_verdict(tests, TestVerdict::Out)    ? TestVerdict::Out
                               : has_verdict(tests, TestVerdict::Edge) ? TestVerdict::Edge
                                                                       : TestVerdict::In;
  if (finding.grade_short_of != 0) visit(finding.grade_reason());
  for (const TestResult& t : tests) {
    if (t.verdict != decisive) continue;
    const std::string text = finding.reason(t);
    if (!text.empty()) visit(text);
  }
  for (const TestResult& t : tests) {
    if (t.verdict == decisive) continue;
    const std::string text = finding.reason(t);
    if (!text.empty()) visit(text);
  }
}

std::vector<std::string> Finding::reasons() const {
  std::vector<std::string> out;
  out.reserve(tests.size() + 1);
  detail::for_each_reason(*this, [&](const std::string& reason) { out.push_back(reason); });
  return out;
}

const Grade& Finding::grade_or_default() const {
  static const Grade NO_GRADE;
  return grade ? *grade : NO_GRADE;
}

const std::map<std::string, SideClaim>& Finding::claims_or_empty() const {
  static const std::map<std::string, SideClaim> NO_CLAIMS;
  return claims ? *claims : NO_CLAIMS;
}

}  // namespace guarantor::verify
