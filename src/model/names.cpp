// The names every enumeration takes in data files and outputs (documented in docs/data-model.md).
#include "guarantor/model/capability.hpp"
#include "guarantor/model/coalition.hpp"
#include "guarantor/model/enum_names.hpp"
#include "guarantor/model/mandate_types.hpp"
#include "guarantor/model/theatre.hpp"

namespace guarantor::model {

namespace {
using detail::NameTable;
constexpr NameTable<CountryRole, 4> COUNTRY_ROLES{{{CountryRole::Host, "host"},
                                                   {CountryRole::NeighbourNato, "neighbour_nato"},
                                                   {CountryRole::NeighbourOther, "neighbour_other"},
                                                   {CountryRole::Adversary, "adversary"}}};
constexpr NameTable<SiteKind, 6> SITE_KINDS{{{SiteKind::Energy, "energy"},
                                             {SiteKind::Airfield, "airfield"},
                                             {SiteKind::Port, "port"},
                                             {SiteKind::BorderCrossing, "border_crossing"},
                                             {SiteKind::RailJunction, "rail_junction"},
                                             {SiteKind::CandidateHub, "candidate_hub"}}};
constexpr NameTable<SiteStatus, 5> SITE_STATUSES{{{SiteStatus::Operating, "operating"},
                                                  {SiteStatus::Damaged, "damaged"},
                                                  {SiteStatus::Destroyed, "destroyed"},
                                                  {SiteStatus::Occupied, "occupied"},
                                                  {SiteStatus::Closed, "closed"}}};
constexpr NameTable<Domain, 10> DOMAINS{{{Domain::Land, "land"},
                                         {Domain::Air, "air"},
                                         {Domain::Sea, "sea"},
                                         {Domain::AirDefence, "air_defence"},
                                         {Domain::Isr, "isr"},
                                         {Domain::Logistics, "logistics"},
                                         {Domain::Engineering, "engineering"},
                                         {Domain::Medical, "medical"},
                                         {Domain::Training, "training"},
                                         {Domain::Host, "host"}}};
constexpr NameTable<CoverageKind, 3> COVERAGE_KINDS{{{CoverageKind::None, "none"},
                                                     {CoverageKind::Radius, "radius"},
                                                     {CoverageKind::ResponseTime, "response_time"}}};
constexpr NameTable<Basing, 5> BASINGS{{{Basing::None, "none"},
                                        {Basing::Airfield, "airfield"},
                                        {Basing::Port, "port"},
                                        {Basing::Hub, "hub"},
                                        {Basing::RailTerminal, "rail_terminal"}}};
constexpr NameTable<CaveatKind, 4> CAVEAT_KINDS{{{CaveatKind::Where, "where"},
                                                 {CaveatKind::When, "when"},
                                                 {CaveatKind::Condition, "condition"},
                                                 {CaveatKind::ExcludedRole, "excluded_role"}}};
constexpr NameTable<PledgeStatus, 3> PLEDGE_STATUSES{{{PledgeStatus::Offered, "offered"},
                                                      {PledgeStatus::Confirmed, "confirmed"},
                                                      {PledgeStatus::Verified, "verified"}}};
constexpr NameTable<Phase, 2> PHASES{{{Phase::Ceasefire, "ceasefire"}, {Phase::PeaceDeal, "peace_deal"}}};
constexpr NameTable<Location, 4> LOCATIONS{{{Location::Ukraine, "ukraine"},
                                            {Location::NeighbouringNato, "neighbouring_nato"},
                                            {Location::BlackSea, "black_sea"},
                                            {Location::OutsideTheatre, "outside_theatre"}}};
constexpr NameTable<SiteNegotiation, 5> SITE_NEGOTIATIONS{{{SiteNegotiation::Proposed, "proposed"},
                                                          {SiteNegotiation::Surveyed, "surveyed"},
                                                          {SiteNegotiation::Offered, "offered"},
                                                          {SiteNegotiation::Agreed, "agreed"},
                                                          {SiteNegotiation::Rejected, "rejected"}}};
constexpr NameTable<RequirementRole, 14> REQUIREMENT_ROLES{
    {{RequirementRole::AirDefence, "air_defence"},
     {RequirementRole::AirPolicing, "air_policing"},
     {RequirementRole::Combat, "combat"},
     {RequirementRole::Command, "command"},
     {RequirementRole::Deterrence, "deterrence"},
     {RequirementRole::Engineering, "engineering"},
     {RequirementRole::ForceProtection, "force_protection"},
     {RequirementRole::HostSupport, "host_support"},
     {RequirementRole::Logistics, "logistics"},
     {RequirementRole::MaritimeSecurity, "maritime_security"},
     {RequirementRole::Medical, "medical"},
     {RequirementRole::MineCountermeasures, "mine_countermeasures"},
     {RequirementRole::Monitoring, "monitoring"},
     {RequirementRole::Training, "training"}}};
}  // namespace

std::string_view to_string(CountryRole v) { return detail::name_of(COUNTRY_ROLES, v); }
std::string_view to_string(SiteKind v) { return detail::name_of(SITE_KINDS, v); }
std::string_view to_string(SiteStatus v) { return detail::name_of(SITE_STATUSES, v); }
std::string_view to_string(Domain v) { return detail::name_of(DOMAINS, v); }
std::string_view to_string(CoverageKind v) { return detail::name_of(COVERAGE_KINDS, v); }
std::string_view to_string(Basing v) { return detail::name_of(BASINGS, v); }
std::string_view to_string(CaveatKind v) { return detail::name_of(CAVEAT_KINDS, v); }
std::string_view to_string(PledgeStatus v) { return detail::name_of(PLEDGE_STATUSES, v); }
std::string_view to_string(Phase v) { return detail::name_of(PHASES, v); }
std::string_view to_string(Location v) { return detail::name_of(LOCATIONS, v); }

std::optional<CountryRole> country_role_from_string(std::string_view t) { return detail::parse_name(COUNTRY_ROLES, t); }
std::optional<SiteKind> site_kind_from_string(std::string_view t) { return detail::parse_name(SITE_KINDS, t); }
std::optional<SiteStatus> site_status_from_string(std::string_view t) { return detail::parse_name(SITE_STATUSES, t); }
std::optional<Domain> domain_from_string(std::string_view t) { return detail::parse_name(DOMAINS, t); }
std::optional<CoverageKind> coverage_kind_from_string(std::string_view t) { return detail::parse_name(COVERAGE_KINDS, t); }
std::optional<Basing> basing_from_string(std::string_view t) { return detail::parse_name(BASINGS, t); }
std::optional<CaveatKind> caveat_kind_from_string(std::string_view t) { return detail::parse_name(CAVEAT_KINDS, t); }
std::optional<PledgeStatus> pledge_status_from_string(std::string_view t) { return detail::parse_name(PLEDGE_STATUSES, t); }
std::optional<Phase> phase_from_string(std::string_view t) { return detail::parse_name(PHASES, t); }
std::optional<Location> location_from_string(std::string_view t) { return detail::parse_name(LOCATIONS, t); }
std::string_view to_string(SiteNegotiation v) { return detail::name_of(SITE_NEGOTIATIONS, v); }
std::optional<SiteNegotiation> site_negotiation_from_string(std::string_view t) {
  return detail::parse_name(SITE_NEGOTIATIONS, t);
}
std::string_view to_string(RequirementRole v) { return detail::name_of(REQUIREMENT_ROLES, v); }
std::optional<RequirementRole> requirement_role_from_string(std::string_view t) {
  return detail::parse_name(REQUIREMENT_ROLES, t);
}

bool legal_site_transition(SiteNegotiation from, SiteNegotiation to) {
  using enum SiteNegotiation;
  if (from == Agreed || from == Rejected) return false;  // a decision is final; a new proposal is a new site
  if (to == Rejected) return true;
  return static_cast<int>(to) == static_cast<int>(from) + 1;  // one step along proposed -> surveyed -> offered -> agreed
}

}  // namespace guarantor::model
