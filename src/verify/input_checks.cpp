#include "guarantor/verify/input_checks.hpp"

#include <cmath>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <optional>
#include <unordered_map>

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "guarantor/verify/time_parse.hpp"

namespace guarantor::verify {
namespace {

void require(bool ok, std::string_view option, double value, std::string_view expected) {
  if (!ok) throw Error(ErrorCode::Usage, std::string(option), fmt::format("got {}; expected {}", value, expected));
}

// The system tz database (tzdata); TZDIR overrides it as it does for the C library.
std::filesystem::path zone_file(const std::string& zone) {
  const char* dir = std::getenv("TZDIR");
  return std::filesystem::path(dir != nullptr && *dir != '\0' ? dir : "/usr/share/zoneinfo") / zone;
}

// Sets TZ for the lifetime of the object and restores the previous value after: the C
// library's mktime is the only conversion from a named zone's wall clock to UTC at hand (no
// std::chrono::zoned_time in libstdc++ 12), and it reads the zone from the environment.
class ScopedTimeZone {
public:
  explicit ScopedTimeZone(const std::string& zone) {
    if (const char* old = std::getenv("TZ")) previous_ = old;
    ::setenv("TZ", zone.c_str(), 1);
    ::tzset();
  }
  ScopedTimeZone(const ScopedTimeZone&) = delete;
  ScopedTimeZone& operator=(const ScopedTimeZone&) = delete;
  ~ScopedTimeZone() {
    if (previous_) ::setenv("TZ", previous_->c_str(), 1);
    else ::unsetenv("TZ");
    ::tzset();
  }

private:
  std::optional<std::string> previous_;
};

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
  if (!refuse) {
    std::error_code error;
    if (zone.empty() || zone.find("..") != std::string::npos || !std::filesystem::is_regular_file(zone_file(zone), error))
      throw Error(ErrorCode::Usage, "--timezone",
                  fmt::format("unknown time zone \"{}\"; expected an IANA name such as Europe/Kyiv (from {}) or "
                              "\"reject\"",
                              zone, zone_file("").string()));
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
  const ScopedTimeZone scoped(zone);
  for (Report& report : reports) {
    if (!report.local_time) continue;
    // time_s holds the wall-clock reading as if it were UTC; split it and let mktime place it.
    const std::time_t wall = static_cast<std::time_t>(report.time_s);
    std::tm fields{};
    ::gmtime_r(&wall, &fields);
    fields.tm_isdst = -1;  // in a repeated hour at the end of summer time the C library picks one
    report.time_s = static_cast<UnixSeconds>(std::mktime(&fields));
    report.local_time = false;
  }
  return local;
}

}  // namespace guarantor::verify
