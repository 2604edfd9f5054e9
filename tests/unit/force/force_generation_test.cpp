// Force generation on small hand-made scenarios whose answers are worked out by hand in the
// comments: each caveat kind, each phase, priority order and the rotation pool.
#include <gtest/gtest.h>

#include "guarantor/force/force_generation.hpp"

namespace guarantor::force {
namespace {

using model::CaveatKind;
using model::Location;
using model::Phase;

model::Scenario base_scenario() {
  model::Scenario s;
  s.as_of = Date::from_iso("2025-03-18");
  model::Capability qrf;
  qrf.code = "LAND.QRF";
  qrf.personnel = {600, 600, 600, "persons", "test"};
  model::Capability ad;
  ad.code = "AD.BATTERY";
  ad.personnel = {90, 90, 90, "persons", "test"};
  s.catalogue.capabilities = {qrf, ad};
  s.mandate.phases = {{Phase::Ceasefire, 0, "D-day"}, {Phase::PeaceDeal, 180, "peace"}};
  s.mandate.posture.rotation_factor = {3, 3, 4, "ratio", "rule of thirds"};
  return s;
}

model::Pledge pledge(std::string id, std::string nation, std::string capability, int quantity, int readiness,
                     std::vector<model::Caveat> caveats = {}) {
  model::Pledge p;
  p.id = std::move(id);
  p.nation = std::move(nation);
  p.capability = std::move(capability);
  p.quantity = quantity;
  p.readiness_days = readiness;
  p.caveats = std::move(caveats);
  p.illustrative = true;
  return p;
}

model::RequirementLine line(std::string id, std::string capability, int quantity, Phase phase, int priority,
                            Location location = Location::Ukraine, int required_by = 30,
                            model::RequirementRole role = model::RequirementRole::Deterrence) {
  model::RequirementLine l;
  l.id = std::move(id);
  l.capability = std::move(capability);
  l.quantity = quantity;
  l.phase = phase;
  l.priority = priority;
  l.location = location;
  l.required_by_day = required_by;
  l.role = role;
  return l;
}

const LineResult& find_line(const ForceGenerationResult& r, Phase phase, const std::string& id) {
  for (const auto& p : r.phases)
    if (p.phase == phase)
      for (const auto& l : p.lines)
        if (l.line_id == id) return l;
  throw std::runtime_error("line not found: " + id);
}

const PledgeAssessment& find_pledge(const LineResult& line, const std::string& id) {
  for (const auto& p : line.pledges)
    if (p.pledge_id == id) return p;
  throw std::runtime_error("pledge not assessed: " + id);
}

bool any_reason_contains(const LineResult& line, const std::string& text) {
  for (const auto& r : line.gap_reasons)
    if (r.find(text) != std::string::npos) return true;
  return false;
}

TEST(ForceGeneration, NoPledgeIsTheReasonWhenNobodyOffersTheCapability) {
  auto s = base_scenario();
  s.mandate.requirements = {line("R1", "AD.BATTERY", 2, Phase::Ceasefire, 1)};
  const auto r = generate_force(s);
  const auto& l = find_line(r, Phase::Ceasefire, "R1");
  EXPECT_EQ(l.filled, 0);
  EXPECT_EQ(l.status, LineStatus::Missing);
  ASSERT_EQ(l.gap_reasons.size(), 1u);
  EXPECT_EQ(l.gap_reasons[0], "no pledge offers AD.BATTERY");
}

// DE offers 2 batteries only on neighbouring NATO soil: it can fill the Poland line (1) but not
// the Ukraine line, which stays missing with the caveat named.
TEST(ForceGeneration, WhereCaveatBlocksLinesElsewhere) {
  auto s = base_scenario();
  s.coalition.pledges = {pledge("DE-1", "DE", "AD.BATTERY", 2, 10, {model::Caveat::from_names(CaveatKind::Where, {"neighbouring_nato"}, "t")})};
  s.mandate.requirements = {line("R-UA", "AD.BATTERY", 2, Phase::Ceasefire, 1, Location::Ukraine),
                            line("R-PL", "AD.BATTERY", 1, Phase::Ceasefire, 2, Location::NeighbouringNato)};
  const auto r = generate_force(s);
  const auto& ua = find_line(r, Phase::Ceasefire, "R-UA");
  EXPECT_EQ(ua.filled, 0);
  EXPECT_EQ(find_pledge(ua, "DE-1").verdict, Verdict::BlockedByCaveat);
  EXPECT_TRUE(any_reason_contains(ua, "only in neighbouring_nato\" excludes ukraine")) << ua.gap_reasons[0];
  const auto& pl = find_line(r, Phase::Ceasefire, "R-PL");
  EXPECT_EQ(pl.filled, 1);
  EXPECT_EQ(pl.status, LineStatus::Covered);
  EXPECT_EQ(find_pledge(pl, "DE-1").committed, 1);
}

// FR offers 2 QRF only after a peace deal: the ceasefire line is missing in the ceasefire phase
// (wrong phase); in the peace-deal phase both the carried-over ceasefire line and the new line
// are covered, one unit each.
TEST(ForceGeneration, WhenCaveatDefersToTheLaterPhase) {
  auto s = base_scenario();
  s.coalition.pledges = {pledge("FR-1", "FR", "LAND.QRF", 2, 20, {model::Caveat::from_names(CaveatKind::When, {"peace_deal"}, "t")})};
  s.mandate.requirements = {line("R-C", "LAND.QRF", 1, Phase::Ceasefire, 1),
                            line("R-P", "LAND.QRF", 1, Phase::PeaceDeal, 1)};
  const auto r = generate_force(s);
  const auto& ceasefire = find_line(r, Phase::Ceasefire, "R-C");
  EXPECT_EQ(ceasefire.filled, 0);
  EXPECT_EQ(find_pledge(ceasefire, "FR-1").verdict, Verdict::WrongPhase);
  EXPECT_TRUE(any_reason_contains(ceasefire, "only from phase peace_deal"));
  EXPECT_EQ(find_line(r, Phase::PeaceDeal, "R-P").status, LineStatus::Covered);
  EXPECT_EQ(find_line(r, Phase::PeaceDeal, "R-C").status, LineStatus::Covered);
  EXPECT_EQ(r.phases[1].lines.size(), 2u) << "ceasefire lines stay needed after a peace deal";
}

// A US-backstop condition blocks until the scenario marks it met.
TEST(ForceGeneration, ConditionPrecedentBlocksUntilMet) {
  auto s = base_scenario();
  s.coalition.pledges = {pledge("UK-1", "GB", "LAND.QRF", 1, 10, {model::Caveat::from_names(CaveatKind::Condition, {"us_backstop"}, "t")})};
  s.mandate.requirements = {line("R1", "LAND.QRF", 1, Phase::Ceasefire, 1)};
  s.mandate.conditions["us_backstop"] = false;
  auto r = generate_force(s);
  const auto& blocked = find_line(r, Phase::Ceasefire, "R1");
  EXPECT_EQ(find_pledge(blocked, "UK-1").verdict, Verdict::ConditionUnmet);
  EXPECT_TRUE(any_reason_contains(blocked, "conditional on \"us_backstop\", which is not met"));
  s.mandate.conditions["us_backstop"] = true;
  r = generate_force(s);
  EXPECT_EQ(find_line(r, Phase::Ceasefire, "R1").filled, 1);
}

TEST(ForceGeneration, ExcludedRoleBlocksThatRoleOnly) {
  auto s = base_scenario();
  s.coalition.pledges = {pledge("IT-1", "IT", "LAND.QRF", 2, 10, {model::Caveat::from_names(CaveatKind::ExcludedRole, {"combat"}, "t")})};
  s.mandate.requirements = {
      line("R-COMBAT", "LAND.QRF", 1, Phase::Ceasefire, 1, Location::Ukraine, 30, model::RequirementRole::Combat),
      line("R-DETER", "LAND.QRF", 1, Phase::Ceasefire, 2, Location::Ukraine, 30, model::RequirementRole::Deterrence)};
  const auto r = generate_force(s);
  EXPECT_EQ(find_pledge(find_line(r, Phase::Ceasefire, "R-COMBAT"), "IT-1").verdict, Verdict::BlockedByCaveat);
  EXPECT_EQ(find_line(r, Phase::Ceasefire, "R-DETER").filled, 1);
}

// Readiness 45 days against a line needed by day 30: too late; the other pledge (day 10) fills 1 of 2.
TEST(ForceGeneration, ReadinessLaterThanRequiredIsTooLate) {
  auto s = base_scenario();
  s.coalition.pledges = {pledge("NL-1", "NL", "LAND.QRF", 1, 45), pledge("SE-1", "SE", "LAND.QRF", 1, 10)};
  s.mandate.requirements = {line("R1", "LAND.QRF", 2, Phase::Ceasefire, 1, Location::Ukraine, 30)};
  const auto r = generate_force(s);
  const auto& l = find_line(r, Phase::Ceasefire, "R1");
  EXPECT_EQ(l.filled, 1);
  EXPECT_EQ(l.status, LineStatus::Partial);
  EXPECT_EQ(find_pledge(l, "NL-1").verdict, Verdict::TooLate);
  EXPECT_TRUE(any_reason_contains(l, "NL-1: ready 45 days after the phase opens; needed by day 30"));
  EXPECT_TRUE(any_reason_contains(l, "eligible pledges total 1 of 2 required"));
}

// Valid until 2025-06-01: usable in the ceasefire phase (opens 2025-03-18), expired for the peace
// phase (opens day 180 = 2025-09-14).
TEST(ForceGeneration, ExpiredPledgeDoesNotCountInALaterPhase) {
  auto s = base_scenario();
  auto p = pledge("CA-1", "CA", "LAND.QRF", 1, 5);
  p.valid_until = Date::from_iso("2025-06-01");
  s.coalition.pledges = {p};
  s.mandate.requirements = {line("R-C", "LAND.QRF", 1, Phase::Ceasefire, 1),
                            line("R-P", "LAND.QRF", 1, Phase::PeaceDeal, 1)};
  const auto r = generate_force(s);
  EXPECT_EQ(find_line(r, Phase::Ceasefire, "R-C").filled, 1);
  const auto& peace = find_line(r, Phase::PeaceDeal, "R-P");
  EXPECT_EQ(find_pledge(peace, "CA-1").verdict, Verdict::Expired);
  EXPECT_TRUE(any_reason_contains(peace, "before the phase opens on 2025-09-14"));
}

// Three QRF units pledged (2 + 1); priority-1 line needs 2, priority-2 line needs 2. Earliest
// ready first: PL-1 (day 5, qty 1) then FR-1 (day 20, qty 2). Line A takes PL-1 x1 + FR-1 x1;
// line B gets FR-1's remaining 1 and is short by 1 with FR/PL committed elsewhere.
TEST(ForceGeneration, HigherPriorityLinesAreFilledFirst) {
  auto s = base_scenario();
  s.coalition.pledges = {pledge("FR-1", "FR", "LAND.QRF", 2, 20), pledge("PL-1", "PL", "LAND.QRF", 1, 5)};
  s.mandate.requirements = {line("B", "LAND.QRF", 2, Phase::Ceasefire, 2),
                            line("A", "LAND.QRF", 2, Phase::Ceasefire, 1)};
  const auto r = generate_force(s);
  const auto& a = find_line(r, Phase::Ceasefire, "A");
  EXPECT_EQ(a.filled, 2);
  EXPECT_EQ(find_pledge(a, "PL-1").committed, 1);
  EXPECT_EQ(find_pledge(a, "FR-1").committed, 1);
  const auto& b = find_line(r, Phase::Ceasefire, "B");
  EXPECT_EQ(b.filled, 1);
  EXPECT_EQ(find_pledge(b, "FR-1").committed, 1);
  EXPECT_EQ(find_pledge(b, "PL-1").verdict, Verdict::CommittedElsewhere);
  EXPECT_EQ(r.phases[0].lines[0].line_id, "A") << "lines are reported in priority order";
}

// Rotation: 2 QRF (600) + 1 battery (90) committed = 1,290 deployed, all rotating; x3 = 3,870
// required. Pledged: every unit, 1,380. Eligible in the ceasefire phase (the peace-deal battery
// excluded) = 1,290, all of it available to the pool; shortfall 2,580. A factor of 4 gives 5,160.
// A pledge that may serve only from outside the theatre (a headquarters at home, training
// abroad) never rotates through it: eligible, but not available to the rotation pool.
TEST(ForceGeneration, PledgesServingOnlyFromHomeAreNotInTheRotationPool) {
  auto s = base_scenario();
  s.coalition.pledges = {
      pledge("FR-1", "FR", "LAND.QRF", 2, 5),
      pledge("GB-9", "GB", "LAND.QRF", 1, 5, {model::Caveat::from_names(CaveatKind::Where, {"outside_theatre"}, "t")}),
      pledge("DK-1", "DK", "LAND.QRF", 1, 5, {model::Caveat::from_names(CaveatKind::Where, {"ukraine", "outside_theatre"}, "t")})};
  s.mandate.requirements = {line("R-Q", "LAND.QRF", 1, Phase::Ceasefire, 1)};
  const auto result = generate_force(s);
  const auto& figures = result.phases[0].rotation.figures;
  EXPECT_EQ(figures.eligible_personnel, 4 * 600);
  EXPECT_EQ(figures.pool_personnel, 3 * 600);  // FR-1's two units and DK-1's, not GB-9's
}

TEST(ForceGeneration, RotationPoolAppliesTheRuleOfThirds) {
  auto s = base_scenario();
  s.coalition.pledges = {pledge("FR-1", "FR", "LAND.QRF", 2, 5), pledge("DK-1", "DK", "AD.BATTERY", 1, 5),
                         pledge("NO-1", "NO", "AD.BATTERY", 1, 5, {model::Caveat::from_names(CaveatKind::When, {"peace_deal"}, "t")})};
  s.mandate.requirements = {line("R-Q", "LAND.QRF", 2, Phase::Ceasefire, 1),
                            line("R-A", "AD.BATTERY", 2, Phase::Ceasefire, 1)};
  auto r = generate_force(s);
  const auto& pool = r.phases[0].rotation;
  EXPECT_EQ(pool.figures.deployed_personnel, 1290);
  EXPECT_DOUBLE_EQ(pool.figures.rotation_factor, 3.0);
  EXPECT_EQ(pool.figures.required_pool, 3870);
  EXPECT_EQ(pool.figures.pledged_personnel, 1380);
  EXPECT_EQ(pool.figures.eligible_personnel, 1290);
  EXPECT_EQ(pool.figures.rotating_personnel, 1290);
  EXPECT_EQ(pool.figures.pool_personnel, 1290);
  EXPECT_EQ(pool.figures.shortfall, 2580);
  r = generate_force(s, {4.0});
  EXPECT_EQ(r.phases[0].rotation.figures.required_pool, 5160);
  // In the peace-deal phase NO-1 becomes usable and fills the carried-over battery line:
  // 1,200 + 2 x 90 = 1,380 deployed, eligible and pledged.
  EXPECT_EQ(r.phases[1].rotation.figures.deployed_personnel, 1380);
  EXPECT_EQ(r.phases[1].rotation.figures.eligible_personnel, 1380);
  EXPECT_EQ(r.phases[1].rotation.figures.pledged_personnel, 1380);
}

TEST(ForceGeneration, ResultDoesNotDependOnPledgeOrder) {
  auto s = base_scenario();
  s.coalition.pledges = {pledge("A", "FR", "LAND.QRF", 1, 10), pledge("B", "DE", "LAND.QRF", 1, 10),
                         pledge("C", "PL", "LAND.QRF", 1, 10)};
  s.mandate.requirements = {line("R1", "LAND.QRF", 2, Phase::Ceasefire, 1)};
  const auto forward = generate_force(s);
  std::reverse(s.coalition.pledges.begin(), s.coalition.pledges.end());
  const auto backward = generate_force(s);
  const auto& f = find_line(forward, Phase::Ceasefire, "R1");
  const auto& b = find_line(backward, Phase::Ceasefire, "R1");
  for (const char* id : {"A", "B", "C"}) EXPECT_EQ(find_pledge(f, id).committed, find_pledge(b, id).committed) << id;
  EXPECT_EQ(find_pledge(f, "A").committed, 1);
  EXPECT_EQ(find_pledge(f, "C").committed, 0);
}

TEST(ForceGeneration, IllustrativeFlagFollowsThePledges) {
  auto s = base_scenario();
  s.coalition.pledges = {pledge("A", "FR", "LAND.QRF", 1, 10)};
  EXPECT_TRUE(generate_force(s).illustrative);
  s.coalition.pledges[0].illustrative = false;
  EXPECT_FALSE(generate_force(s).illustrative);
}

}  // namespace
}  // namespace guarantor::force
