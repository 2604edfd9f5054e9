#pragma once
// Small vocabularies shared by the mandate and the coalition.
#include <optional>
#include <string_view>

namespace guarantor::model {

/// Mission phases in the order they open. A pledge usable from a phase is usable in later ones.
enum class Phase { Ceasefire = 0, PeaceDeal = 1 };

/// Where a requirement must be met or a contribution may serve.
enum class Location {
  Ukraine,           ///< on Ukrainian territory (not occupied)
  NeighbouringNato,  ///< on the territory of a NATO member bordering Ukraine
  BlackSea,          ///< at sea in the Black Sea, i.e. inside the Turkish Straits
  OutsideTheatre,    ///< from home or elsewhere (training abroad, air policing from home)
};

/// Where the host nation's negotiation over a candidate site stands. Legal moves: proposed ->
/// surveyed -> offered -> agreed, and any open status -> rejected; agreed and rejected are final.
enum class SiteNegotiation { Proposed, Surveyed, Offered, Agreed, Rejected };

/// What a requirement line asks its units to do; a pledge's excluded_role caveat names one.
enum class RequirementRole {
  AirDefence,
  AirPolicing,
  Combat,
  Command,
  Deterrence,
  Engineering,
  ForceProtection,
  HostSupport,
  Logistics,
  MaritimeSecurity,
  Medical,
  MineCountermeasures,
  Monitoring,
  Training,
};

/// The role names data files use, for messages: "air_defence, air_policing, ...".
inline constexpr std::string_view REQUIREMENT_ROLE_NAMES =
    "air_defence, air_policing, combat, command, deterrence, engineering, force_protection, host_support, logistics, "
    "maritime_security, medical, mine_countermeasures, monitoring, training";

std::string_view to_string(Phase phase);
std::string_view to_string(Location location);
std::optional<Phase> phase_from_string(std::string_view text);
std::optional<Location> location_from_string(std::string_view text);
std::string_view to_string(SiteNegotiation status);
std::optional<SiteNegotiation> site_negotiation_from_string(std::string_view text);
std::string_view to_string(RequirementRole role);
std::optional<RequirementRole> requirement_role_from_string(std::string_view text);
/// Whether a site may move from `from` to `to` (see SiteNegotiation).
bool legal_site_transition(SiteNegotiation from, SiteNegotiation to);

}  // namespace guarantor::model
