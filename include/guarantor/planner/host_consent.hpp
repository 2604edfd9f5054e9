#pragma once
// Host-nation consent as data (data/planning/host_consent.json): a NATO neighbour may refuse to
// base units for the mission on its territory or to let them cross it into Ukraine. Hungary, for
// one, has refused the transit of weapons to Ukraine since February 2022.
#include <filesystem>
#include <string>
#include <vector>

#include "guarantor/planner/plan.hpp"

namespace guarantor::planner {

/// One country's refusal.
struct HostRefusal {
  std::string country;  ///< ISO 3166-1 alpha-2
  bool basing = true;   ///< false: no unit of the mission may be based there
  bool transit = true;  ///< false: no unit may enter Ukraine through `crossings`
  std::vector<std::string> crossings;  ///< border crossings from that country into Ukraine
  std::string source;
};

/// Every refusal on file.
struct HostConsent {
  std::vector<HostRefusal> refusals;
  /// The refusal that forbids basing in `country`, or nullptr.
  [[nodiscard]] const HostRefusal* basing_refused(std::string_view country) const noexcept;
  /// The refusal that closes `crossing` to the mission, or nullptr.
  [[nodiscard]] const HostRefusal* transit_refused(std::string_view crossing) const noexcept;
};

HostConsent load_host_consent(const std::filesystem::path& file, std::vector<InputFile>* files = nullptr);

/// As the plan's provenance records it (capability_sets "consent.no_basing", "consent.no_transit").
void record_host_consent(const HostConsent& consent, Provenance& provenance);
HostConsent host_consent_of(const Plan& plan);

}  // namespace guarantor::planner
