#pragma once
// The capability catalogue: what a contribution is, with every planning factor sourced.
#include <optional>
#include <string>
#include <vector>

namespace guarantor::model {

enum class Domain { Land, Air, Sea, AirDefence, Isr, Logistics, Engineering, Medical, Training, Host };

/// A planning number with its spread across sources and where it comes from.
struct PlanningFactor {
  double value = 0.0;  ///< the planning value used
  double min = 0.0;    ///< lowest value found in sources
  double max = 0.0;    ///< highest value found in sources
  std::string unit;
  std::string source;
};

/// How a capability covers demand.
enum class CoverageKind {
  None,          ///< no spatial footprint (e.g. housing)
  Radius,        ///< covers points within radius_km of its position (air defence, ISR)
  ResponseTime,  ///< covers points reachable within response_time_h at speed_kmh (QRF)
};

/// What kind of site a capability must be based at.
/// Where a unit is based. Append only: the names appear in the catalogue.
/// RailTerminal: at a transshipment terminal where the 1435 mm and 1520 mm networks meet.
enum class Basing { None, Airfield, Port, Hub, RailTerminal };

struct Capability {
  std::string code;  ///< e.g. "AD.LONG_RANGE_BATTERY"
  std::string name;
  Domain domain = Domain::Land;
  PlanningFactor personnel;        ///< persons per unit deployed
  CoverageKind coverage = CoverageKind::None;
  std::optional<PlanningFactor> radius_km;
  std::optional<PlanningFactor> speed_kmh;
  std::optional<PlanningFactor> response_time_h;
  Basing basing = Basing::None;
  std::optional<PlanningFactor> lift_c17_loads;  ///< strategic airlift sorties per unit
  std::string app6_sidc;           ///< APP-6 / MIL-STD-2525 symbol identification code
  std::string description;

  /// Radius the footprint reaches, km: radius_km, or speed x response time; 0 when None.
  [[nodiscard]] double reach_km() const noexcept;
};

struct CapabilityCatalogue {
  std::vector<Capability> capabilities;
  [[nodiscard]] const Capability* find(std::string_view code) const noexcept;
};

std::string_view to_string(Domain domain);
std::string_view to_string(CoverageKind kind);
std::string_view to_string(Basing basing);
std::optional<Domain> domain_from_string(std::string_view text);
std::optional<CoverageKind> coverage_kind_from_string(std::string_view text);
std::optional<Basing> basing_from_string(std::string_view text);

}  // namespace guarantor::model
