#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "guarantor/verify/cluster.hpp"
#include "synthetic_reports.hpp"

namespace guarantor::verify {
namespace {

std::vector<std::size_t> labels_of(const ClusterResult& result, std::size_t report_count) {
  std::vector<std::size_t> labels(report_count, SIZE_MAX);
  for (std::size_t incident = 0; incident < result.incidents.size(); ++incident)
    for (std::size_t report : result.incidents[incident].reports) labels[report] = incident;
  return labels;
}

TEST(Cluster, SyntheticGroundTruthPrecisionAndRecallAtDefaults) {
  const auto synthetic = testing::make_synthetic_reports({});
  const ClusterResult result = cluster_reports(synthetic.reports, ClusterParams{});
  ASSERT_TRUE(result.unlocated.empty());
  const auto score = testing::pairwise_score(labels_of(result, synthetic.reports.size()), synthetic.truth);
  std::printf("clustering %zu reports of 2000 events: pairwise precision %.4f, recall %.4f, %zu incidents\n",
              synthetic.reports.size(), score.precision, score.recall, result.incidents.size());
  EXPECT_GE(score.precision, 0.98);
  EXPECT_GE(score.recall, 0.98);
}

TEST(Cluster, SameResultForShuffledInput) {
  const auto synthetic = testing::make_synthetic_reports({.events = 500});
  const ClusterResult first = cluster_reports(synthetic.reports, ClusterParams{});
  std::vector<Report> shuffled = synthetic.reports;
  std::mt19937 rng(7);
  for (int round = 0; round < 3; ++round) {
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    const ClusterResult again = cluster_reports(shuffled, ClusterParams{});
    ASSERT_EQ(again.incidents.size(), first.incidents.size());
    ASSERT_EQ(again.merges.size(), first.merges.size());
    for (std::size_t i = 0; i < first.incidents.size(); ++i) {
      ASSERT_EQ(again.incidents[i].id, first.incidents[i].id);
      ASSERT_EQ(again.incidents[i].reports.size(), first.incidents[i].reports.size());
      for (std::size_t m = 0; m < first.incidents[i].reports.size(); ++m)
        ASSERT_EQ(shuffled[again.incidents[i].reports[m]].id, synthetic.reports[first.incidents[i].reports[m]].id);
      EXPECT_EQ(again.incidents[i].position, first.incidents[i].position);
    }
    for (std::size_t i = 0; i < first.merges.size(); ++i) {
      EXPECT_EQ(shuffled[again.merges[i].report].id, synthetic.reports[first.merges[i].report].id);
      EXPECT_EQ(again.merges[i].distance_m, first.merges[i].distance_m);
    }
  }
}

Report located(std::string id, double lon, double lat, UnixSeconds time, TargetKind target = TargetKind::Unknown) {
  Report report;
  report.id = std::move(id);
  report.category = EventCategory::Strike;
  report.target_kind = target;
  report.position = geo::LonLat{lon, lat};
  report.time_s = time;
  return report;
}

TEST(Cluster, EveryMergeIsExplainedWithDistanceAndTime) {
  const UnixSeconds t0 = days_from_civil(2025, 3, 20) * SECONDS_PER_DAY;
  // 0.01 degrees of latitude is about 1.1 km.
  const std::vector<Report> reports{located("a", 36.23, 49.99, t0), located("b", 36.23, 50.00, t0 + 3600),
                                    located("c", 36.23, 50.20, t0), located("d", 36.23, 49.99, t0 + 2 * SECONDS_PER_DAY)};
  const ClusterResult result = cluster_reports(reports, ClusterParams{});
  ASSERT_EQ(result.incidents.size(), 3u) << "c is 23 km away, d two days later";
  ASSERT_EQ(result.merges.size(), 1u);
  const MergeExplanation& merge = result.merges.front();
  EXPECT_EQ(reports[merge.report].id, "b");
  EXPECT_NEAR(merge.distance_m, 1112, 5);
  EXPECT_EQ(merge.gate_m, ClusterParams{}.max_distance_m);
  EXPECT_EQ(merge.time_apart_s, 3600);
  EXPECT_FALSE(merge.rule.empty());
}

TEST(Cluster, EnergyAndNonEnergyTargetsStayApart) {
  const UnixSeconds t0 = days_from_civil(2025, 3, 20) * SECONDS_PER_DAY;
  const std::vector<Report> reports{located("a", 30.5, 50.45, t0, TargetKind::Refinery),
                                    located("b", 30.5, 50.451, t0, TargetKind::Civilian),
                                    located("c", 30.5, 50.452, t0, TargetKind::OilGasPipelineStorage)};
  const ClusterResult result = cluster_reports(reports, ClusterParams{});
  ASSERT_EQ(result.incidents.size(), 2u);
  const auto& energy = result.incidents[0].reports.size() == 2 ? result.incidents[0] : result.incidents[1];
  EXPECT_TRUE(energy.target_contested) << "refinery vs oil storage: one incident, target contested";
}

TEST(Cluster, UnlocatedReportsAreListedNotDropped) {
  Report report = located("x", 0, 0, 0);
  report.position.reset();
  const ClusterResult result = cluster_reports({report}, ClusterParams{});
  EXPECT_TRUE(result.incidents.empty());
  ASSERT_EQ(result.unlocated.size(), 1u);
}

}  // namespace
}  // namespace guarantor::verify
