// Findings a monitoring mission would stand behind: every test's reason recorded, merging that
// cannot invent corroboration, and corroboration that cannot be inflated.
#include <gtest/gtest.h>

#include <algorithm>

#include "guarantor/core/date.hpp"
#include "guarantor/geo/geodesic.hpp"
#include "guarantor/verify/cluster.hpp"
#include "guarantor/verify/corroboration.hpp"
#include "guarantor/verify/judge.hpp"
#include "verify_test_data.hpp"

namespace guarantor::verify {
namespace {

const UnixSeconds MARCH_20 = days_from_civil(2025, 3, 20) * SECONDS_PER_DAY;

Report report(std::string id, std::vector<std::string> outlets, double lon, double lat, UnixSeconds time,
              TargetKind target = TargetKind::PowerGenerationTransmission) {
  Report r;
  r.id = std::move(id);
  r.format = "guarantor_csv";
  r.outlets = std::move(outlets);
  r.category = EventCategory::Strike;
  r.target_kind = target;
  r.position = geo::LonLat{lon, lat};
  r.time_s = time;
  return r;
}

SourceRegistry registry() {
  return SourceRegistry({{"Reuters", "reuters", "", 'B', "wire", {}},
                         {"BBC", "bbc", "", 'B', "own correspondents", {}},
                         {"Associated Press", "ap", "", 'B', "wire", {"AP", "@AP"}},
                         {"Ministry of Defence of Ukraine", "ua_government", "UA", 'C', "party", {}},
                         {"Ministry of Defence of the Russian Federation", "ru_government", "RU", 'C', "party", {}}});
}

std::size_t violations(const std::vector<Report>& reports, const SourceRegistry& sources) {
  const Agreement agreement = default_agreement();
  const ClusterResult clusters = cluster_reports(reports, ClusterParams{});
  std::vector<Grade> grades;
  for (const auto& incident : clusters.incidents) grades.push_back(grade_incident(incident, reports, sources, GradingParams{}));
  const auto findings = judge_incidents(clusters.incidents, grades, reports, agreement, sources, {}, JudgeParams{});
  return static_cast<std::size_t>(std::count_if(findings.begin(), findings.end(), [](const Finding& f) {
    return f.provision_id == "energy_moratorium_2025" && f.outcome == Outcome::Violation;
  }));
}

// --- 3. Reasons are recorded -------------------------------------------------------------

TEST(Fidelity, OutOfWindowFindingSaysSoFirstAndListsEveryTest) {
  const std::vector<Report> reports{report("a", {"Reuters"}, 36.23, 49.99, MARCH_20 + 60 * SECONDS_PER_DAY)};
  const ClusterResult clusters = cluster_reports(reports, ClusterParams{});
  const Grade grade = grade_incident(clusters.incidents[0], reports, registry(), GradingParams{});
  const auto findings = judge_incidents(clusters.incidents, {grade}, reports, default_agreement(), registry(), {}, JudgeParams{});
  const auto moratorium = std::find_if(findings.begin(), findings.end(),
                                       [](const Finding& f) { return f.provision_id == "energy_moratorium_2025"; });
  ASSERT_NE(moratorium, findings.end());
  EXPECT_EQ(moratorium->outcome, Outcome::NoViolation);
  ASSERT_FALSE(moratorium->reasons().empty());
  EXPECT_NE(moratorium->reasons().front().find("outside the window"), std::string::npos)
      << moratorium->reasons().front();
  ASSERT_GE(moratorium->tests.size(), 2u);
  EXPECT_EQ(moratorium->tests[0].test, TestKind::Window);
  EXPECT_EQ(moratorium->tests[0].verdict, TestVerdict::Out);
  EXPECT_NE(moratorium->reason(moratorium->tests[0]).find("outside the window"), std::string::npos);
  EXPECT_EQ(moratorium->tests[1].test, TestKind::Target);
  EXPECT_EQ(moratorium->tests[1].verdict, TestVerdict::In);
  EXPECT_EQ(moratorium->reason(moratorium->tests[1]), "target power_generation_transmission is covered");
}

// --- 4. Merging does not invent corroboration ---------------------------------------------

TEST(Fidelity, ReportsOfConsecutiveDaysDoNotChainIntoOneIncident) {
  std::vector<Report> reports;
  for (int day = 0; day < 3; ++day) {
    Report r = report("d" + std::to_string(day), {"Reuters"}, 36.23, 49.99, MARCH_20 + day * SECONDS_PER_DAY);
    r.time_uncertainty_s = SECONDS_PER_DAY - 1;  // a bare date
    reports.push_back(r);
  }
  const ClusterResult result = cluster_reports(reports, ClusterParams{});
  EXPECT_GE(result.incidents.size(), 2u) << "three days of reports at one site are not one incident";
  for (const auto& incident : result.incidents) EXPECT_LE(incident.last_s - incident.first_s, ClusterParams{}.max_span_s);
}

TEST(Fidelity, SitesAcrossACityDoNotChainIntoOneIncident) {
  // Ten "in <district>" reports 4 km apart along a city, each with 5 km uncertainty: every one is
  // within the gate of the incident's moving centre, so pairwise gates alone chain them.
  std::vector<Report> reports;
  for (int site = 0; site < 10; ++site) {
    Report r = report("s" + std::to_string(site), {"Reuters"}, 30.40 + site * 0.056, 50.45, MARCH_20 + site * 60);
    r.location_uncertainty_m = 5000;
    reports.push_back(r);
  }
  const ClusterParams params;
  const ClusterResult result = cluster_reports(reports, params);
  EXPECT_GE(result.incidents.size(), 3u);
  for (const auto& incident : result.incidents) {
    double west = 180, east = -180;
    for (std::size_t member : incident.reports) {
      west = std::min(west, reports[member].position->lon);
      east = std::max(east, reports[member].position->lon);
    }
    EXPECT_LE(geo::haversine_distance({west, 50.45}, {east, 50.45}).value, params.max_extent_m) << incident.id;
  }
  for (const auto& merge : result.merges) EXPECT_LE(merge.extent_m, params.max_extent_m);
}

TEST(Fidelity, RecordsAnEventDatasetCodesAsDistinctNeverMerge) {
  Report a = report("ucdp:1", {"Ukrinform"}, 37.26, 49.21, MARCH_20);
  Report b = report("ucdp:2", {"Ukrinform"}, 37.26, 49.21, MARCH_20 + 600);
  a.format = b.format = "ucdp";
  Report c = report("g1", {"Reuters"}, 37.26, 49.21, MARCH_20 + 300);
  const ClusterResult result = cluster_reports({a, b, c}, ClusterParams{});
  for (const auto& incident : result.incidents) {
    std::size_t from_ucdp = 0;
    for (std::size_t member : incident.reports) from_ucdp += member < 2 ? 1 : 0;
    EXPECT_LE(from_ucdp, 1u) << "two UCDP events merged into " << incident.id;
  }
  EXPECT_EQ(result.incidents.size(), 2u) << "the news report joins one of them";
}

TEST(Fidelity, OpposingPartiesClaimsDoNotCorroborateEachOther) {
  Report ua = report("ua", {"Ministry of Defence of Ukraine"}, 36.23, 49.99, MARCH_20);
  Report ru = report("ru", {"Ministry of Defence of the Russian Federation"}, 36.23, 49.99, MARCH_20 + 600);
  const std::vector<Report> reports{ua, ru};
  const ClusterResult clusters = cluster_reports(reports, ClusterParams{});
  ASSERT_EQ(clusters.incidents.size(), 1u);
  const Grade grade = grade_incident(clusters.incidents[0], reports, registry(), GradingParams{});
  EXPECT_GE(grade.credibility, 3) << grade.rationale;
}

// --- 5. Corroboration that cannot be inflated ---------------------------------------------

TEST(Fidelity, AddingAnUnregisteredNameDoesNotMultiplyViolations) {
  std::vector<Report> plain, decorated;
  for (int i = 0; i < 25; ++i) {
    // 25 incidents a day apart; three reported by a registered wire, the rest by one account.
    const bool wire = i < 3;
    const UnixSeconds t = MARCH_20 + i * 2 * SECONDS_PER_DAY;
    Report r = report("r" + std::to_string(i), {wire ? "Reuters" : "@frontline_account"}, 36.23, 49.99, t);
    plain.push_back(r);
    r.outlets.push_back("CIR");
    decorated.push_back(r);
  }
  const SourceRegistry sources = registry();
  EXPECT_EQ(violations(plain, sources), 3u);
  EXPECT_EQ(violations(decorated, sources), 3u) << "an unregistered name next to an account corroborates nothing";
}

TEST(Fidelity, UnregisteredOutletsAreListedNotCounted) {
  const std::vector<Report> reports{report("a", {"Reuters", "Channel X", "Channel Y"}, 36.23, 49.99, MARCH_20)};
  const ClusterResult clusters = cluster_reports(reports, ClusterParams{});
  const Grade grade = grade_incident(clusters.incidents[0], reports, registry(), GradingParams{});
  EXPECT_EQ(grade.credibility, 3) << grade.rationale;
  EXPECT_EQ(grade.unregistered, (std::vector<std::string>{"Channel X", "Channel Y"}));
}

TEST(Fidelity, APartysClaimRelayedByAWireCountsAsThePartys) {
  Report a = report("a", {"Reuters"}, 36.23, 49.99, MARCH_20);
  Report b = report("b", {"BBC"}, 36.23, 49.99, MARCH_20 + 600);
  a.claimant = b.claimant = "UA";  // both relay what Ukraine's ministry said
  const std::vector<Report> reports{a, b};
  const ClusterResult clusters = cluster_reports(reports, ClusterParams{});
  ASSERT_EQ(clusters.incidents.size(), 1u);
  const Corroboration counted = count_corroboration(clusters.incidents[0], reports, registry());
  EXPECT_EQ(counted.independent_count(), 1u);
  EXPECT_EQ(counted.groups, (std::vector<std::string>{"party:UA"}));
  // The claim is rated as Ukraine's ministry (C), not as the wires relaying it (B): one party's
  // claim rated C cannot be judged alone.
  const Grade grade = grade_incident(clusters.incidents[0], reports, registry(), GradingParams{});
  EXPECT_EQ(grade.code(), "C6") << grade.rationale;
  EXPECT_EQ(violations(reports, registry()), 0u) << "a relayed party claim is not a violation on its own";
}

TEST(Fidelity, ARelayedClaimTakesThePartysWorstRatingOrF) {
  const std::vector<Report> reports = [] {
    Report relayed = report("a", {"Reuters"}, 36.23, 49.99, MARCH_20);
    relayed.claimant = "RU";
    return std::vector<Report>{relayed};
  }();
  const ClusterResult clusters = cluster_reports(reports, ClusterParams{});
  ASSERT_EQ(clusters.incidents.size(), 1u);
  // Two outlets speak for Russia, rated C and E: the claim takes the worse, E.
  const SourceRegistry two_ratings(
      {{"Reuters", "reuters", "", 'B', "wire", {}},
       {"Ministry of Defence of the Russian Federation", "ru_government", "RU", 'C', "party", {}},
       {"Rybar", "ru_milbloggers", "RU", 'E', "party channel", {}}});
  EXPECT_EQ(two_ratings.party_reliability("RU"), 'E');
  EXPECT_EQ(grade_incident(clusters.incidents[0], reports, two_ratings, GradingParams{}).code(), "E5");
  // No outlet registered for the party: its claim cannot be rated (F), whoever relays it.
  const SourceRegistry no_party({{"Reuters", "reuters", "", 'B', "wire", {}}});
  EXPECT_EQ(no_party.party_reliability("RU"), 'F');
  const Grade unrated = grade_incident(clusters.incidents[0], reports, no_party, GradingParams{});
  EXPECT_EQ(unrated.reliability, 'F') << unrated.rationale;
  EXPECT_EQ(unrated.credibility, 6) << unrated.rationale;
  // The wire's own report (no claimant) keeps the wire's rating.
  std::vector<Report> own = reports;
  own[0].claimant = "";
  EXPECT_EQ(grade_incident(clusters.incidents[0], own, no_party, GradingParams{}).code(), "B3");
}

TEST(Fidelity, APartysOwnOutletKeepsItsOwnRating) {
  Report statement = report("a", {"Ministry of Defence of Ukraine"}, 36.23, 49.99, MARCH_20);
  statement.claimant = "UA";
  const std::vector<Report> reports{statement};
  const ClusterResult clusters = cluster_reports(reports, ClusterParams{});
  ASSERT_EQ(clusters.incidents.size(), 1u);
  EXPECT_EQ(grade_incident(clusters.incidents[0], reports, registry(), GradingParams{}).reliability, 'C');
}

TEST(Fidelity, OutletAliasesResolveToOneEntry) {
  const SourceRegistry sources = registry();
  ASSERT_NE(sources.find("AP"), nullptr);
  EXPECT_EQ(sources.find("ap ")->outlet, "Associated Press");
  EXPECT_EQ(sources.find("@AP")->outlet, "Associated Press");
  const std::vector<Report> reports{report("a", {"AP", "Associated Press", "associated  press"}, 36.23, 49.99, MARCH_20)};
  const ClusterResult clusters = cluster_reports(reports, ClusterParams{});
  EXPECT_EQ(count_corroboration(clusters.incidents[0], reports, sources).independent_count(), 1u);
}

}  // namespace
}  // namespace guarantor::verify
