// The force-generation result cut for a viewer by each nation's sharing level, on one line
// worked out by hand: its figures stay, a capability-only nation's terms and an aggregate
// nation's pledges disappear from the entries and the gap reasons.
#include <gtest/gtest.h>

#include "guarantor/force/disclosure.hpp"

namespace guarantor::force {
namespace {

model::Pledge shared_pledge(std::string id, std::string nation, int quantity, int readiness,
                            std::vector<model::Caveat> caveats = {}) {
  model::Pledge p;
  p.id = std::move(id);
  p.nation = std::move(nation);
  p.capability = "LAND.QRF";
  p.quantity = quantity;
  p.readiness_days = readiness;
  p.caveats = std::move(caveats);
  return p;
}

// One ceasefire line of 4 QRF units in Ukraine, needed by day 30. DE-1 (ready day 1, 2 units)
// and FR-1 (day 10, 1 unit) fill 3; GB-1 may serve only in neighbouring NATO territory, GB-2 is
// ready on day 60, DE-2 waits on a US backstop that is not met. Eligible: 3 of 4.
ForceGenerationResult hand_worked_line() {
  model::Scenario s;
  s.as_of = Date::from_iso("2025-03-18");
  model::Capability qrf;
  qrf.code = "LAND.QRF";
  qrf.personnel = {600, 600, 600, "persons", "test"};
  s.catalogue.capabilities = {qrf};
  s.mandate.phases = {{model::Phase::Ceasefire, 0, "D-day"}};
  s.mandate.posture.rotation_factor = {3, 3, 4, "ratio", "rule of thirds"};
  s.mandate.conditions = {{"us_backstop", false}};
  model::RequirementLine line;
  line.id = "R1";
  line.capability = "LAND.QRF";
  line.quantity = 4;
  line.required_by_day = 30;
  s.mandate.requirements = {line};
  s.coalition.pledges = {
      shared_pledge("FR-1", "FR", 1, 10),
      shared_pledge("GB-1", "GB", 2, 5, {model::Caveat::only_in({model::Location::NeighbouringNato}, "GB statement")}),
      shared_pledge("GB-2", "GB", 1, 60),
      shared_pledge("DE-1", "DE", 2, 1),
      shared_pledge("DE-2", "DE", 1, 3, {model::Caveat::needs_condition("us_backstop", "DE statement")}),
  };
  return generate_force(s);
}

Disclosure as_shared_with_fr(const std::string& nation) {
  if (nation == "GB") return Disclosure::CapabilityOnly;
  if (nation == "DE") return Disclosure::Aggregate;
  return Disclosure::Full;
}

TEST(Disclosure, FiguresStayAndRestrictedTermsAndPledgesAreNeverNamed) {
  const auto truth = hand_worked_line();
  const auto view = disclose(truth, as_shared_with_fr);
  const LineResult& full = truth.phases.at(0).lines.at(0);
  const LineResult& cut = view.phases.at(0).lines.at(0);
  ASSERT_EQ(full.filled, 3);
  EXPECT_EQ(cut.filled, full.filled);
  EXPECT_EQ(cut.required, full.required);
  EXPECT_EQ(cut.status, LineStatus::Partial);
  EXPECT_EQ(view.phases.at(0).rotation.figures.deployed_personnel,
            truth.phases.at(0).rotation.figures.deployed_personnel);

  // FR-1 and GB-2 (readiness is shared) as they were; GB-1's caveat becomes undisclosed; DE's
  // two pledges become one counted and one undisclosed entry, after the named ones.
  ASSERT_EQ(cut.pledges.size(), 5U);
  const auto named = [&](const std::string& id) {
    for (const auto& p : cut.pledges)
      if (p.pledge_id == id) return p;
    throw std::runtime_error("not shown: " + id);
  };
  EXPECT_EQ(named("FR-1").reason, "FR-1: 1 of 1 committed");
  EXPECT_EQ(named("GB-2").verdict, Verdict::TooLate);
  EXPECT_EQ(named("GB-1").verdict, Verdict::Undisclosed);
  EXPECT_EQ(named("GB-1").reason, "GB-1: not usable for this line under terms GB does not share");
  EXPECT_EQ(named("GB-1").offered, 2);
  const PledgeAssessment& counted = cut.pledges.at(3);
  const PledgeAssessment& other = cut.pledges.at(4);
  EXPECT_TRUE(counted.pledge_id.empty() && counted.nation.empty());
  EXPECT_EQ(counted.verdict, Verdict::Counted);
  EXPECT_EQ(counted.committed, 2);
  EXPECT_EQ(counted.reason, "2 units in 1 pledge of nations sharing only totals: 2 committed");
  EXPECT_EQ(other.verdict, Verdict::Undisclosed);
  EXPECT_EQ(other.offered, 1);
  EXPECT_EQ(other.pledge_count, 1);

  const std::vector<std::string> expected = {
      "too_late: GB-2: ready 60 days after the phase opens; needed by day 30",
      "undisclosed: GB-1: not usable for this line under terms GB does not share; 1 unit in 1 pledge of nations "
      "sharing only totals: not usable for this line under terms their nations do not share",
      "eligible pledges total 3 of 4 required"};
  EXPECT_EQ(cut.gap_reasons, expected);
  for (const auto& reason : full.gap_reasons) EXPECT_FALSE(reason.empty());
  for (const auto& reason : cut.gap_reasons)
    for (const char* secret : {"DE-", "us_backstop", "neighbouring", "caveat"})
      EXPECT_EQ(reason.find(secret), std::string::npos) << reason;
}

TEST(Disclosure, EveryNationInFullIsTheResultItself) {
  const auto truth = hand_worked_line();
  const auto view = disclose(truth, [](const std::string&) { return Disclosure::Full; });
  const LineResult& full = truth.phases.at(0).lines.at(0);
  const LineResult& cut = view.phases.at(0).lines.at(0);
  EXPECT_EQ(cut.gap_reasons, full.gap_reasons);
  ASSERT_EQ(cut.pledges.size(), full.pledges.size());
  for (std::size_t p = 0; p < full.pledges.size(); ++p) {
    EXPECT_EQ(cut.pledges[p].pledge_id, full.pledges[p].pledge_id);
    EXPECT_EQ(cut.pledges[p].reason, full.pledges[p].reason);
  }
}

}  // namespace
}  // namespace guarantor::force
