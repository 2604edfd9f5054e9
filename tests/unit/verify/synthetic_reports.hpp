#pragma once
// Synthetic incident reports generated from known ground-truth events, with the noise real
// reporting has: several outlets per event (some repeating themselves), positions scattered by
// map-reading error or snapped to a place, times exact or date-only (sometimes the next day),
// wording varied, the target sometimes not named. Shared by the clustering tests and the benchmark.
#include <cmath>
#include <cstdint>
#include <random>
#include <unordered_map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "guarantor/core/date.hpp"
#include "guarantor/verify/report.hpp"

namespace guarantor::verify::testing {

struct SyntheticConfig {
  std::size_t events = 2000;
  std::uint32_t seed = 20250318;
  int days = 30;                          ///< events spread over this many days
  double min_lon = 23.0, max_lon = 40.0;  ///< Ukraine's bounding box
  double min_lat = 45.0, max_lat = 52.0;
  int max_reports_per_event = 5;
  double precise_sigma_m = 800;           ///< scatter of coordinates read off a map or imagery
  double place_sigma_m = 2500;            ///< scatter of "in <town>" reports around the event
  double place_uncertainty_m = 5000;      ///< uncertainty such reports state
  double date_only_share = 0.3;
  double next_day_share = 0.1;            ///< of date-only reports, dated the following day
  double exact_time_sigma_s = 2 * 3600;
  double unknown_target_share = 0.15;
};

struct SyntheticReports {
  std::vector<Report> reports;
  std::vector<std::size_t> truth;  ///< ground-truth event of each report
};

inline SyntheticReports make_synthetic_reports(const SyntheticConfig& config) {
  std::mt19937_64 rng(config.seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::normal_distribution<double> normal(0.0, 1.0);
  const UnixSeconds start = days_from_civil(2025, 3, 10) * SECONDS_PER_DAY;
  constexpr double METRES_PER_DEG = 111320.0;
  constexpr double DEG_TO_RAD = 3.14159265358979323846 / 180.0;
  const EventCategory categories[] = {EventCategory::Strike, EventCategory::Strike, EventCategory::GroundClash,
                                      EventCategory::NavalActivity, EventCategory::HeavyWeaponsPresence};
  const TargetKind targets[] = {TargetKind::Refinery, TargetKind::PowerGenerationTransmission, TargetKind::Civilian,
                                TargetKind::Military, TargetKind::OilGasPipelineStorage};
  const char* outlets[] = {"Reuters", "BBC", "Ukrinform", "TASS", "Associated Press", "Kyiv Independent", "Local channel"};
  const char* verbs[] = {"strike on", "explosions reported at", "attack hit", "damage at", "officials report a hit on"};
  SyntheticReports out;
  for (std::size_t event = 0; event < config.events; ++event) {
    const double lon = config.min_lon + unit(rng) * (config.max_lon - config.min_lon);
    const double lat = config.min_lat + unit(rng) * (config.max_lat - config.min_lat);
    const UnixSeconds time = start + static_cast<UnixSeconds>(unit(rng) * config.days * SECONDS_PER_DAY);
    const EventCategory category = categories[rng() % std::size(categories)];
    const TargetKind target = category == EventCategory::Strike ? targets[rng() % std::size(targets)] : TargetKind::Unknown;
    const int reports = 1 + static_cast<int>(rng() % static_cast<std::uint64_t>(config.max_reports_per_event));
    for (int r = 0; r < reports; ++r) {
      Report report;
      report.id = fmt::format("synthetic:{}-{}", event, r);
      report.origin = fmt::format("synthetic.csv:{}", out.reports.size() + 2);
      report.format = "guarantor_csv";
      report.outlets = {outlets[rng() % std::size(outlets)]};
      report.category = category;
      report.target_kind = unit(rng) < config.unknown_target_share ? TargetKind::Unknown : target;
      const bool place_level = unit(rng) < 0.25;
      const double sigma = place_level ? config.place_sigma_m : config.precise_sigma_m;
      const double dx = normal(rng) * sigma, dy = normal(rng) * sigma;
      report.position = geo::LonLat{lon + dx / (METRES_PER_DEG * std::cos(lat * DEG_TO_RAD)), lat + dy / METRES_PER_DEG};
      report.location_uncertainty_m = place_level ? config.place_uncertainty_m : 0;
      report.precision = GeoPrecision::Exact;
      if (unit(rng) < config.date_only_share) {
        UnixSeconds day = (time / SECONDS_PER_DAY) * SECONDS_PER_DAY;
        if (unit(rng) < config.next_day_share) day += SECONDS_PER_DAY;
        report.time_s = day;
        report.time_uncertainty_s = SECONDS_PER_DAY - 1;
      } else {
        report.time_s = time + static_cast<UnixSeconds>(std::abs(normal(rng)) * config.exact_time_sigma_s);
      }
      report.description = fmt::format("{} {} near {:.2f},{:.2f}", verbs[rng() % std::size(verbs)],
                                       to_string(report.target_kind), lon, lat);
      out.reports.push_back(std::move(report));
      out.truth.push_back(event);
    }
  }
  return out;
}

/// Pairwise precision and recall of a clustering against the truth.
struct PairwiseScore {
  double precision = 0, recall = 0;
};

inline PairwiseScore pairwise_score(const std::vector<std::size_t>& predicted, const std::vector<std::size_t>& truth) {
  std::unordered_map<std::size_t, std::size_t> cluster_size, event_size;
  std::unordered_map<std::uint64_t, std::size_t> both;
  for (std::size_t i = 0; i < predicted.size(); ++i) {
    ++cluster_size[predicted[i]];
    ++event_size[truth[i]];
    ++both[(static_cast<std::uint64_t>(predicted[i]) << 32) | truth[i]];
  }
  const auto pairs = [](std::size_t n) { return static_cast<double>(n) * static_cast<double>(n - 1) / 2; };
  double predicted_pairs = 0, true_pairs = 0, agreed = 0;
  for (const auto& [key, n] : cluster_size) predicted_pairs += pairs(n);
  for (const auto& [key, n] : event_size) true_pairs += pairs(n);
  for (const auto& [key, n] : both) agreed += pairs(n);
  return {predicted_pairs > 0 ? agreed / predicted_pairs : 1.0, true_pairs > 0 ? agreed / true_pairs : 1.0};
}

}  // namespace guarantor::verify::testing
