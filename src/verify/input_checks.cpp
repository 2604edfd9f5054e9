#include "guarantor/verify/input_checks.hpp"

#include <cmath>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "guarantor/core/date.hpp"
#include "guarantor/core/error.hpp"
#include "guarantor/core/printable.hpp"
#include "guarantor/core/time_zone.hpp"

namespace guarantor::verify {
namespace {

void require(bool ok, std::string_view option, double value, std::string_view expected) {
  if (!ok) throw Error(ErrorCode::Usage, std::string(option), fmt::format("got {}; expected {}", value, expected));
}

}  // namespace

void check_verify_params(const VerifyParams& params) {
  const auto positive = [](double value) { return std::isfinite(value) && value > 0; };
  const auto& cluster = params.cluster;
  require(positive(cluster.max_distance_m), "--max-distance-m", cluster.max_distance_m, "a distance in metres > 0");
  require(positive(cluster.max_gate_m) && cluster.max_gate_m >= cluster.max_distance_m, "--max-gate-m",
          cluster.max_gate_m, fmt::format("a distance in metres >= --max-distance-m ({})", cluster.max_distance_m));
  require(cluster.time_window_s >= 0, "--time-window-s", static_cast<double>(cluster.time_window_s),
          "seconds >= 0");
  require(cluster.max_span_s > 0, "--max-span-s", static_cast<double>(cluster.max_span_s), "seconds > 0");
  // Admiralty credibility: 1 confirmed .. 6 cannot be judged (docs/verifier.md, grading).
  const int credibility = params.judge.max_credibility_for_violation;
  require(credibility >= 1 && credibility <= 6, "--violation-credibility", credibility,
          "an Admiralty credibility 1 (confirmed) to 6 (cannot be judged)");
  require(positive(params.gazetteer.place_radius_m), "place_radius_m", params.gazetteer.place_radius_m,
          "a distance in metres > 0");
  require(positive(params.gazetteer.consistency_distance_m), "consistency_distance_m",
          params.gazetteer.consistency_distance_m, "a distance in metres > 0");
  require(params.grading.probable_groups >= 1 && params.grading.confirmed_groups >= params.grading.probable_groups,
          "confirmed_groups", static_cast<double>(params.grading.confirmed_groups),
          "at least probable_groups (>= 1) independent groups");
}

std::size_t reject_duplicate_ids(std::vector<Report>& reports, std::vector<Rejection>& rejected) {
  std::unordered_map<std::string_view, std::size_t> first_of;
  first_of.reserve(reports.size());
  std::vector<bool> duplicate(reports.size(), false);
  std::size_t count = 0;
  for (std::size_t index = 0; index < reports.size(); ++index) {
    const auto [first, inserted] = first_of.try_emplace(reports[index].id, index);
    if (inserted) continue;
    duplicate[index] = true;
    ++count;
    rejected.push_back({reports[index].origin,
                        fmt::format("duplicate record id {}: first read at {}; expected ids unique within a format "
                                    "(the later record is not used)",
                                    reports[index].id, reports[first->second].origin)});
  }
  if (count == 0) return 0;
  std::size_t kept = 0;
  for (std::size_t index = 0; index < reports.size(); ++index) {
    if (duplicate[index]) continue;
    if (kept != index) reports[kept] = std::move(reports[index]);  // never a self-move
    ++kept;
  }
  reports.resize(kept);
  return count;
}

std::size_t resolve_local_times(std::vector<Report>& reports, std::vector<Rejection>& rejected,
                                const std::string& zone) {
  std::size_t local = 0;
  for (const Report& report : reports) local += report.local_time;
  const bool refuse = zone == REJECT_LOCAL_TIMES;
  std::optional<TimeZone> time_zone;
  if (!refuse) {
    try {
      time_zone.emplace(TimeZone::load(zone));
    } catch (const Error& error) {
      if (error.code() != ErrorCode::Usage) throw;
      throw Error(ErrorCode::Usage, "--timezone",
                  fmt::format("unknown time zone \"{}\"; expected an IANA name such as Europe/Kyiv (from {}) or "
                              "\"reject\"",
                              excerpt(zone), TimeZone::directory().string()));
    }
  }
  if (local == 0) return 0;
  if (refuse) {
    std::size_t kept = 0;
    for (std::size_t index = 0; index < reports.size(); ++index) {
      Report& report = reports[index];
      if (!report.local_time) {
        if (kept != index) reports[kept] = std::move(report);  // never a self-move
        ++kept;
        continue;
      }
      rejected.push_back({report.origin, fmt::format("time {} has no zone (Z or +HH:MM); expected one, or run with "
                                                     "--timezone naming the zone the source reports in",
                                                     format_datetime(report.time_s).substr(0, 19))});
    }
    reports.resize(kept);
    return 0;
  }
  for (Report& report : reports) {
    if (!report.local_time) continue;
    // time_s holds the wall-clock reading as if it were UTC (TimeZone::to_utc documents the
    // skipped and repeated hours of summer time).
    report.time_s = time_zone->to_utc(report.time_s);
    report.local_time = false;
  }
  return local;
}

}  // namespace guarantor::verify
