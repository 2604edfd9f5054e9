#include <gtest/gtest.h>

#include <filesystem>

#include "guarantor/core/date.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/verify/agreement.hpp"
#include "guarantor/verify/judge.hpp"
#include "verify_test_data.hpp"

namespace guarantor::verify {
namespace {

const UnixSeconds MARCH_18 = days_from_civil(2025, 3, 18) * SECONDS_PER_DAY;

// One incident with one report from a reliable wire service and one more group (grade B2).
struct Case {
  std::vector<Report> reports;
  Incident incident;
  Grade grade;
};

Case make_case(EventCategory category, TargetKind target, double lon, double lat, UnixSeconds first, UnixSeconds last,
               double uncertainty_m = 0, WeaponClass weapon = WeaponClass::Unknown) {
  Case c;
  Report report;
  report.id = "r1";
  report.claimant = "UA";
  report.claimed_actor = "RU";
  c.reports.push_back(report);
  c.incident.id = "I000001";
  c.incident.reports = {0};
  c.incident.category = category;
  c.incident.target_kind = target;
  c.incident.weapon_class = weapon;
  c.incident.position = {lon, lat};
  c.incident.uncertainty_m = uncertainty_m;
  c.incident.first_s = first;
  c.incident.last_s = last;
  c.grade.reliability = 'B';
  c.grade.credibility = 2;
  return c;
}

std::vector<Finding> judge(const Case& c, const Agreement& agreement, const ReferenceLines& lines = {}) {
  return judge_incidents({c.incident}, {c.grade}, c.reports, agreement, SourceRegistry(), lines, JudgeParams{});
}

const Finding* find(const std::vector<Finding>& findings, const std::string& provision) {
  for (const auto& f : findings)
    if (f.provision_id == provision) return &f;
  return nullptr;
}

TEST(Provision, DefaultAgreementLoads) {
  const Agreement agreement = default_agreement();
  ASSERT_EQ(agreement.provisions.size(), 5u);
  EXPECT_EQ(agreement.provisions[0].target_kinds.size(), 5u);
  EXPECT_EQ(*agreement.provisions[0].until_s - agreement.provisions[0].from_s, 30 * SECONDS_PER_DAY);
  EXPECT_EQ(agreement.provisions[4].weapon_bands.size(), 3u);
}

TEST(Provision, EnergyMoratoriumWindowEdges) {
  const Agreement agreement = default_agreement();
  const UnixSeconds end = MARCH_18 + 30 * SECONDS_PER_DAY;
  const auto outcome = [&](UnixSeconds first, UnixSeconds last) {
    return find(judge(make_case(EventCategory::Strike, TargetKind::Refinery, 39.0, 45.0, first, last), agreement),
                "energy_moratorium_2025")->outcome;
  };
  EXPECT_EQ(outcome(MARCH_18 - 1, MARCH_18 - 1), Outcome::NoViolation) << "a second before the start";
  EXPECT_EQ(outcome(MARCH_18, MARCH_18), Outcome::Violation) << "the first second";
  EXPECT_EQ(outcome(end - 1, end - 1), Outcome::Violation) << "the last second";
  EXPECT_EQ(outcome(end, end), Outcome::NoViolation) << "the window is half-open";
  EXPECT_EQ(outcome(MARCH_18 - SECONDS_PER_DAY, MARCH_18 + 1), Outcome::Undetermined) << "straddles the start";
}

TEST(Provision, EnergyMoratoriumTargetKinds) {
  const Agreement agreement = default_agreement();
  const auto outcome = [&](TargetKind target) {
    return find(judge(make_case(EventCategory::Strike, target, 36.2, 49.9, MARCH_18 + 100, MARCH_18 + 100), agreement),
                "energy_moratorium_2025")->outcome;
  };
  for (TargetKind kind : {TargetKind::Refinery, TargetKind::OilGasPipelineStorage, TargetKind::PowerGenerationTransmission,
                          TargetKind::NuclearPlant, TargetKind::HydroDam})
    EXPECT_EQ(outcome(kind), Outcome::Violation) << to_string(kind);
  EXPECT_EQ(outcome(TargetKind::Civilian), Outcome::NoViolation);
  EXPECT_EQ(outcome(TargetKind::Unknown), Outcome::Undetermined);
}

TEST(Provision, WeakGradeIsUndeterminedAndClaimsAreKeptBySide) {
  const Agreement agreement = default_agreement();
  Case c = make_case(EventCategory::Strike, TargetKind::Refinery, 39.0, 45.0, MARCH_18 + 100, MARCH_18 + 100);
  c.grade.credibility = 6;
  const auto findings = judge(c, agreement);
  const Finding* finding = find(findings, "energy_moratorium_2025");
  EXPECT_EQ(finding->outcome, Outcome::Undetermined);
  ASSERT_EQ(finding->claims_or_empty().count("UA"), 1u);
  EXPECT_EQ(finding->claims_or_empty().at("UA").actors.at("RU"), 1u);
}

TEST(Provision, BlackSeaZoneEdges) {
  const Agreement agreement = default_agreement();
  const UnixSeconds t = days_from_civil(2025, 4, 1) * SECONDS_PER_DAY;
  const auto outcome = [&](double lon, double lat, double uncertainty) {
    return find(judge(make_case(EventCategory::NavalActivity, TargetKind::Unknown, lon, lat, t, t, uncertainty), agreement),
                "black_sea_truce_2025")->outcome;
  };
  EXPECT_EQ(outcome(32.0, 43.5, 0), Outcome::Violation) << "open sea";
  EXPECT_EQ(outcome(30.5, 50.4, 0), Outcome::NoViolation) << "Kyiv is not at sea";
  // Just inside the edge Odesa (30.8, 46.4) - Tendra (31.6, 46.2): inside, but 10 km uncertainty straddles it.
  EXPECT_EQ(outcome(31.2, 46.25, 10000), Outcome::Undetermined);
  const UnixSeconds before = days_from_civil(2025, 3, 24) * SECONDS_PER_DAY;
  EXPECT_EQ(find(judge(make_case(EventCategory::NavalActivity, TargetKind::Unknown, 32.0, 43.5, before, before), agreement),
                 "black_sea_truce_2025")->outcome,
            Outcome::NoViolation);
}

TEST(Provision, PullBackBandsAroundAnInlineLine) {
  // A north-south line at 37.0 E; 1 degree of longitude at 48 N is about 74.5 km.
  nlohmann::json document = {
      {"name", "test"},
      {"provisions",
       {{{"id", "pullback"},
         {"title", "pull-back"},
         {"categories", {"heavy_weapons_presence"}},
         {"weapon_bands", {{{"weapon_class", "artillery_100mm_plus"}, {"distance_m", 50000}},
                           {{"weapon_class", "mlrs"}, {"distance_m", 75000}},
                           {{"weapon_class", "long_range_rocket_missile"}, {"distance_m", 150000}}}},
         {"zone", {{"kind", "band"}, {"coordinates", {{37.0, 47.0}, {37.0, 49.0}}}}},
         {"window", {{"from", "2026-01-01"}}},
         {"sources", {"test"}}}}}};
  const Agreement agreement = agreement_from_json(document, "inline");
  const UnixSeconds t = days_from_civil(2026, 2, 1) * SECONDS_PER_DAY;
  const auto outcome = [&](double lon, WeaponClass weapon, double uncertainty = 0) {
    return find(judge(make_case(EventCategory::HeavyWeaponsPresence, TargetKind::Unknown, lon, 48.0, t, t, uncertainty,
                                weapon),
                      agreement),
                "pullback")->outcome;
  };
  EXPECT_EQ(outcome(37.6, WeaponClass::Artillery100mmPlus), Outcome::Violation) << "~45 km";
  EXPECT_EQ(outcome(37.75, WeaponClass::Artillery100mmPlus), Outcome::NoViolation) << "~56 km";
  EXPECT_EQ(outcome(37.75, WeaponClass::Mlrs), Outcome::Violation) << "~56 km < 75 km";
  EXPECT_EQ(outcome(37.66, WeaponClass::Artillery100mmPlus, 5000), Outcome::Undetermined) << "~49 km +/- 5";
  EXPECT_EQ(outcome(38.9, WeaponClass::LongRangeRocketMissile), Outcome::Violation) << "~142 km";
  EXPECT_EQ(outcome(37.1, WeaponClass::Drone), Outcome::NoViolation) << "no band for drones";
  EXPECT_EQ(outcome(37.1, WeaponClass::Unknown), Outcome::Undetermined);
}

TEST(Provision, BandWithoutSuppliedLineIsUndetermined) {
  const Agreement agreement = default_agreement();
  const UnixSeconds t = days_from_civil(2026, 2, 1) * SECONDS_PER_DAY;
  const auto findings = judge(make_case(EventCategory::GroundClash, TargetKind::Unknown, 37.5, 48.0, t, t), agreement);
  EXPECT_EQ(find(findings, "full_ceasefire_buffer_zone")->outcome, Outcome::Undetermined);
  EXPECT_EQ(find(findings, "full_ceasefire_kinetic")->outcome, Outcome::Violation);
}

TEST(Provision, BadAgreementReportsEveryProblemWithPointer) {
  const nlohmann::json document = {
      {"name", "bad"},
      {"provisions", {{{"id", "p"}, {"title", "t"}, {"categories", {"bombing"}}, {"window", {{"from", "2025-02-30"}}}}}}};
  try {
    (void)agreement_from_json(document, "bad.json");
    FAIL();
  } catch (const Error& e) {
    ASSERT_GE(e.diagnostics().size(), 3u);
    EXPECT_EQ(e.diagnostics()[0].where, "bad.json /provisions/0/categories/0");
    std::string all;
    for (const auto& d : e.diagnostics()) all += d.to_string() + "\n";
    EXPECT_NE(all.find("/provisions/0/window/from: got \"2025-02-30\""), std::string::npos) << all;
    EXPECT_NE(all.find("/provisions/0/sources"), std::string::npos) << all;
  }
}

}  // namespace
}  // namespace guarantor::verify
