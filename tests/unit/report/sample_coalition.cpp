// The sample's catalogue, coalition, mandate and hand-worked force-generation result.
#include "sample_scenario.hpp"

namespace guarantor::report::testing {

namespace {

model::Capability capability(std::string code, std::string name, model::Domain domain, double personnel,
                             std::string sidc) {
  model::Capability c;
  c.code = std::move(code);
  c.name = std::move(name);
  c.domain = domain;
  c.personnel = {personnel, personnel, personnel, "persons", "test fixture"};
  c.app6_sidc = std::move(sidc);
  return c;
}

model::Pledge pledge(std::string id, std::string nation, std::string code, int quantity,
                     std::optional<geo::LonLat> home, bool illustrative) {
  model::Pledge p;
  p.id = std::move(id);
  p.nation = std::move(nation);
  p.capability = std::move(code);
  p.quantity = quantity;
  p.readiness_days = 30;
  p.home = home;
  p.illustrative = illustrative;
  p.source = "test fixture";
  return p;
}

force::PledgeAssessment assessed(std::string id, std::string nation, int offered, int committed,
                                 force::Verdict verdict, std::string reason = {}) {
  return force::PledgeAssessment{std::move(id), std::move(nation), offered, committed, verdict, std::move(reason)};
}

force::LineResult line(std::string id, std::string code, model::Phase phase, int priority, int required, int filled,
                       force::LineStatus status, std::vector<force::PledgeAssessment> pledges,
                       std::vector<std::string> reasons = {}) {
  return force::LineResult{std::move(id), std::move(code), phase, priority, required, filled, status,
                           std::move(pledges), std::move(reasons)};
}

}  // namespace

model::CapabilityCatalogue make_sample_catalogue() {
  using model::Domain;
  return {{capability("AD.LONG_RANGE_BATTERY", "Long-range air defence battery", Domain::AirDefence, 90, "10031000151301000000"),
           capability("AIR.FIGHTER_SQUADRON", "Fighter squadron", Domain::Air, 250, "10030100001101040000"),
           capability("SEA.MCM_GROUP", "Mine countermeasures group", Domain::Sea, 200, "10033000001204050000"),
           capability("ISR.UAV_MALE", "MALE UAV detachment", Domain::Isr, 60, "10030100001103000000"),
           capability("LAND.QRF_BATTALION", "Quick reaction force battalion", Domain::Land, 600, "10031000161211020000"),
           capability("LOG.HUB", "Logistics hub", Domain::Logistics, 300, "10031000161600000000"),
           capability("MED.ROLE2", "Role 2 medical treatment facility", Domain::Medical, 80, "10031000151630000000")}};
}

model::Coalition make_sample_coalition(bool illustrative) {
  model::Coalition c;
  c.name = "Sample coalition (illustrative)";
  const auto nation = [](std::string iso2, std::string name, geo::LonLat home) {
    return model::Nation{std::move(iso2), std::move(name), true, true, home, "test fixture"};
  };
  c.nations = {nation("FR", "France", {2.35, 48.86}),   nation("GB", "United Kingdom", {-1.5, 52.0}),
               nation("DE", "Germany", {10.0, 51.0}),   nation("PL", "Poland", {21.0, 52.2}),
               nation("RO", "Romania", {26.1, 44.4}),   nation("TR", "Türkiye", {32.85, 39.9}),
               nation("NL", "Netherlands", {5.1, 52.1}), nation("CA", "Canada", {-75.7, 45.4})};
  c.pledges = {pledge("FR-1", "FR", "LAND.QRF_BATTALION", 2, geo::LonLat{22.0, 50.0}, illustrative),
               pledge("GB-1", "GB", "LAND.QRF_BATTALION", 1, geo::LonLat{22.0, 50.0}, illustrative),
               pledge("GB-2", "GB", "AIR.FIGHTER_SQUADRON", 1, geo::LonLat{22.02, 50.11}, illustrative),
               pledge("DE-1", "DE", "AD.LONG_RANGE_BATTERY", 2, geo::LonLat{21.0, 52.2}, illustrative),
               pledge("PL-1", "PL", "LOG.HUB", 1, geo::LonLat{22.57, 51.25}, illustrative),
               pledge("RO-1", "RO", "SEA.MCM_GROUP", 1, geo::LonLat{28.65, 44.17}, illustrative),
               pledge("TR-1", "TR", "SEA.MCM_GROUP", 1, geo::LonLat{28.98, 41.0}, illustrative),
               pledge("NL-1", "NL", "ISR.UAV_MALE", 1, geo::LonLat{26.1, 44.5}, illustrative),
               pledge("FR-2", "FR", "MED.ROLE2", 1, std::nullopt, illustrative)};
  c.pledges[0].caveats = {model::Caveat::from_names(model::CaveatKind::When, {"peace_deal"}, "test fixture")};
  c.pledges[3].caveats = {model::Caveat::from_names(model::CaveatKind::Where, {"neighbouring_nato"}, "test fixture"),
                          model::Caveat::from_names(model::CaveatKind::Condition, {"us_backstop"}, "test fixture")};
  return c;
}

model::Mandate make_sample_mandate() {
  model::Mandate m;
  m.name = "Sample mandate";
  m.phases = {{model::Phase::Ceasefire, 0, "ceasefire takes effect"}, {model::Phase::PeaceDeal, 180, "peace deal signed"}};
  m.conditions = {{"us_backstop", false}};
  m.posture.rotation_factor = {3, 3, 4, "ratio", "rule of thirds (test)"};
  const auto requirement = [](std::string id, std::string code, int quantity, model::Phase phase, int priority) {
    model::RequirementLine r;
    r.id = std::move(id);
    r.capability = std::move(code);
    r.quantity = quantity;
    r.phase = phase;
    r.priority = priority;
    r.description = "Sample requirement " + r.id;
    return r;
  };
  using model::Phase;
  m.requirements = {requirement("R-AD-1", "AD.LONG_RANGE_BATTERY", 4, Phase::Ceasefire, 1),
                    requirement("R-AIR-1", "AIR.FIGHTER_SQUADRON", 2, Phase::Ceasefire, 1),
                    requirement("R-SEA-1", "SEA.MCM_GROUP", 2, Phase::Ceasefire, 2),
                    requirement("R-ISR-1", "ISR.UAV_MALE", 1, Phase::Ceasefire, 2),
                    requirement("R-LAND-1", "LAND.QRF_BATTALION", 3, Phase::PeaceDeal, 1),
                    requirement("R-LOG-1", "LOG.HUB", 1, Phase::PeaceDeal, 1),
                    requirement("R-MED-1", "MED.ROLE2", 2, Phase::PeaceDeal, 2)};
  return m;
}

force::ForceGenerationResult make_sample_force(bool illustrative) {
  using force::LineStatus;
  using force::Verdict;
  using model::Phase;
  force::ForceGenerationResult result;
  result.illustrative = illustrative;
  force::PhaseResult ceasefire;
  ceasefire.phase = Phase::Ceasefire;
  ceasefire.lines = {
      line("R-AD-1", "AD.LONG_RANGE_BATTERY", Phase::Ceasefire, 1, 4, 0, LineStatus::Missing,
           {assessed("DE-1", "DE", 2, 0, Verdict::ConditionUnmet, "needs condition us_backstop, not met")},
           {"4 short: DE-1 needs condition us_backstop, which the scenario does not meet"}),
      line("R-AIR-1", "AIR.FIGHTER_SQUADRON", Phase::Ceasefire, 1, 2, 1, LineStatus::Partial,
           {assessed("GB-2", "GB", 1, 1, Verdict::Counted)}, {"1 short: no further pledge of AIR.FIGHTER_SQUADRON"}),
      line("R-SEA-1", "SEA.MCM_GROUP", Phase::Ceasefire, 2, 2, 2, LineStatus::Covered,
           {assessed("RO-1", "RO", 1, 1, Verdict::Counted), assessed("TR-1", "TR", 1, 1, Verdict::Counted)}),
      line("R-ISR-1", "ISR.UAV_MALE", Phase::Ceasefire, 2, 1, 1, LineStatus::Covered,
           {assessed("NL-1", "NL", 1, 1, Verdict::Counted)})};
  // Deployed: GB-2 250 + RO-1 200 + TR-1 200 + NL-1 60 = 710; x3 = 2130 against 1390 usable.
  ceasefire.rotation = {{1390, 1390, 710, 710, 3.0, 2130, 1390, 740}, "rule of thirds (test)"};
  force::PhaseResult peace;
  peace.phase = Phase::PeaceDeal;
  peace.opens_day = 180;
  peace.lines = {
      line("R-LAND-1", "LAND.QRF_BATTALION", Phase::PeaceDeal, 1, 3, 3, LineStatus::Covered,
           {assessed("FR-1", "FR", 2, 2, Verdict::Counted), assessed("GB-1", "GB", 1, 1, Verdict::Counted)}),
      line("R-LOG-1", "LOG.HUB", Phase::PeaceDeal, 1, 1, 1, LineStatus::Covered,
           {assessed("PL-1", "PL", 1, 1, Verdict::Counted)}),
      line("R-MED-1", "MED.ROLE2", Phase::PeaceDeal, 2, 2, 1, LineStatus::Partial,
           {assessed("FR-2", "FR", 1, 1, Verdict::Counted)}, {"1 short: no further pledge of MED.ROLE2"})};
  peace.rotation = {{4290, 4290, 2590, 2590, 3.0, 7770, 4290, 3480}, "rule of thirds (test)"};
  result.phases = {ceasefire, peace};
  return result;
}

}  // namespace guarantor::report::testing
