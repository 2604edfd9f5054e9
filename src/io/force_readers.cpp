// Readers for the force files: capability catalogue, coalition (nations, pledges, caveats) and
// mandate (phases, conditions, posture, requirement lines).
#include <algorithm>

#include <fmt/format.h>

#include "guarantor/core/date.hpp"
#include "loaders.hpp"

namespace guarantor::io::detail {

namespace {
constexpr std::string_view DOMAINS =
    "land, air, sea, air_defence, isr, logistics, engineering, medical, training, host";
constexpr std::string_view COVERAGE_KINDS = "none, radius, response_time";
constexpr std::string_view BASINGS = "none, airfield, port, hub, rail_terminal";
constexpr std::string_view CAVEAT_KINDS = "where, when, condition, excluded_role";
constexpr std::string_view PLEDGE_STATUSES = "offered, confirmed, verified";
constexpr std::string_view PHASES = "ceasefire, peace_deal";
constexpr std::string_view LOCATIONS = "ukraine, neighbouring_nato, black_sea, outside_theatre";
constexpr std::string_view COVERAGE_DEMANDS =
    "population, energy_sites, airfields, ports, contact_line, hubs, sea_lane";
// Sanity limits that reject typos (a quantity of 10^6 battalions) without limiting real plans.
constexpr long long MAX_QUANTITY = 10'000;
constexpr long long MAX_DAYS = 3'650;
constexpr long long MAX_PRIORITY = 100;
constexpr long long MAX_HUBS = 1'000;

// True when `word` is one of the ", "-separated names of `list`.
bool is_listed(std::string_view list, std::string_view word) {
  for (std::size_t start = 0; start <= list.size();) {
    const std::size_t end = std::min(list.find(", ", start), list.size());
    if (list.substr(start, end - start) == word) return true;
    start = end + 2;
  }
  return false;
}

// A caveat decoded into its typed rule; nullopt (with every problem reported where it is) when
// its values do not make one.
std::optional<model::Caveat> read_caveat(const Json& entry, const std::string& pointer, FieldReader& reader) {
  const std::size_t problems_before = reader.problem_count();
  const auto kind = reader.enumeration(entry, "kind", pointer, model::caveat_kind_from_string, CAVEAT_KINDS,
                                       model::CaveatKind::Where);
  std::string source = reader.string(entry, "source", pointer);
  std::vector<std::string> names;
  std::vector<model::Location> locations;
  std::optional<model::Phase> phase;
  std::optional<model::RequirementRole> role;
  if (const Json* values = reader.array(entry, "values", pointer)) {
    for (std::size_t v = 0; v < values->size(); ++v) {
      const std::string value_pointer = fmt::format("{}/values/{}", pointer, v);
      if (!(*values)[v].is_string()) {
        reader.fail(ErrorCode::Schema, value_pointer, fmt::format("got {}; expected a string", describe((*values)[v])));
        continue;
      }
      const std::string value = (*values)[v].get<std::string>();
      if (kind == model::CaveatKind::Where) {
        const auto location = model::location_from_string(value);
        if (!location) {
          reader.fail(ErrorCode::Schema, value_pointer,
                      fmt::format("got \"{}\"; expected one of {}", excerpt(value), LOCATIONS));
        } else if (std::find(locations.begin(), locations.end(), *location) != locations.end()) {
          reader.fail(ErrorCode::Schema, value_pointer,
                      fmt::format("got \"{}\" a second time; expected each location once", value));
        } else {
          locations.push_back(*location);
        }
      } else if (kind == model::CaveatKind::When) {
        phase = model::phase_from_string(value);
        if (!phase) reader.fail(ErrorCode::Schema, value_pointer, fmt::format("got \"{}\"; expected one of {}", excerpt(value), PHASES));
      } else if (kind == model::CaveatKind::ExcludedRole) {
        // A role no line can have would exclude nothing: the caveat would be ignored in silence.
        role = model::requirement_role_from_string(value);
        if (!role)
          reader.fail(ErrorCode::Schema, value_pointer,
                      fmt::format("got \"{}\"; expected one of {}", excerpt(value), model::REQUIREMENT_ROLE_NAMES));
      } else if (value.empty()) {
        reader.fail(ErrorCode::Schema, value_pointer, "empty; expected a condition key");
      }
      names.push_back(value);
    }
    if (values->empty()) {
      reader.fail(ErrorCode::Schema, pointer + "/values", "empty; expected at least one value");
    } else if (kind != model::CaveatKind::Where && values->size() != 1) {
      reader.fail(ErrorCode::Schema, pointer + "/values",
                  fmt::format("got {} values; expected exactly one for a \"{}\" caveat", values->size(),
                              model::to_string(kind)));
    }
  }
  reader.close_object(entry, pointer);
  if (reader.problem_count() != problems_before) return std::nullopt;
  switch (kind) {
    case model::CaveatKind::Where: return model::Caveat::only_in(std::move(locations), std::move(source));
    case model::CaveatKind::When: return model::Caveat::from_phase(*phase, std::move(source));
    case model::CaveatKind::Condition: return model::Caveat::needs_condition(names.front(), std::move(source));
    case model::CaveatKind::ExcludedRole: return model::Caveat::excludes_role(*role, std::move(source));
  }
  return std::nullopt;
}
}  // namespace

model::Nation read_nation(const Json& entry, const std::string& pointer, FieldReader& reader) {
  model::Nation nation;
  nation.iso2 = reader.string(entry, "iso2", pointer);
  nation.name = reader.string(entry, "name", pointer);
  nation.nato = reader.boolean(entry, "nato", pointer);
  nation.eu = reader.boolean(entry, "eu", pointer);
  nation.home = reader.position(entry, "home", pointer);
  nation.source = reader.string(entry, "source", pointer);
  reader.close_object(entry, pointer);
  return nation;
}

model::Pledge read_pledge(const Json& entry, const std::string& pointer, FieldReader& reader) {
  model::Pledge pledge;
  pledge.id = reader.string(entry, "id", pointer);
  pledge.nation = reader.string(entry, "nation", pointer);
  pledge.capability = reader.string(entry, "capability", pointer);
  pledge.quantity = static_cast<int>(reader.integer(entry, "quantity", pointer, 1, MAX_QUANTITY));
  pledge.readiness_days = static_cast<int>(reader.integer(entry, "readiness_days", pointer, 0, MAX_DAYS));
  pledge.status = reader.enumeration(entry, "status", pointer, model::pledge_status_from_string, PLEDGE_STATUSES,
                                     model::PledgeStatus::Offered);
  pledge.illustrative = reader.boolean(entry, "illustrative", pointer);
  pledge.home = reader.optional_position(entry, "home", pointer);
  pledge.valid_until = reader.date(entry, "valid_until", pointer, false);
  pledge.source = reader.string(entry, "source", pointer);
  pledge.includes_rotation = reader.boolean(entry, "includes_rotation", pointer, false);
  if (const Json* sites = reader.array(entry, "sites", pointer, false)) {
    for (std::size_t s = 0; s < sites->size(); ++s) {
      if (!(*sites)[s].is_string()) {
        reader.fail(ErrorCode::Schema, fmt::format("{}/sites/{}", pointer, s),
                    fmt::format("got {}; expected a site id string", describe((*sites)[s])));
        continue;
      }
      pledge.sites.push_back((*sites)[s].get<std::string>());
    }
  }
  if (const Json* caveats = reader.array(entry, "caveats", pointer, false)) {
    for (std::size_t c = 0; c < caveats->size(); ++c) {
      const std::string caveat_pointer = fmt::format("{}/caveats/{}", pointer, c);
      if (const Json* entry_caveat = reader.object((*caveats)[c], caveat_pointer))
        if (auto caveat = read_caveat(*entry_caveat, caveat_pointer, reader)) pledge.caveats.push_back(std::move(*caveat));
    }
  }
  reader.close_object(entry, pointer);
  return pledge;
}

model::RequirementLine read_requirement_line(const Json& entry, const std::string& pointer, FieldReader& reader) {
  model::RequirementLine line;
  line.id = reader.string(entry, "id", pointer);
  line.capability = reader.string(entry, "capability", pointer);
  line.quantity = static_cast<int>(reader.integer(entry, "quantity", pointer, 1, MAX_QUANTITY));
  line.phase = reader.enumeration(entry, "phase", pointer, model::phase_from_string, PHASES, model::Phase::Ceasefire);
  line.priority = static_cast<int>(reader.integer(entry, "priority", pointer, 1, MAX_PRIORITY));
  line.location = reader.enumeration(entry, "location", pointer, model::location_from_string, LOCATIONS,
                                     model::Location::Ukraine);
  line.role = reader.enumeration(entry, "role", pointer, model::requirement_role_from_string,
                                 model::REQUIREMENT_ROLE_NAMES, model::RequirementRole::Deterrence);
  line.required_by_day = static_cast<int>(reader.integer(entry, "required_by_day", pointer, 0, MAX_DAYS));
  line.description = reader.string(entry, "description", pointer, false);
  line.source = reader.string(entry, "source", pointer);
  if (const Json* coverage = reader.member_object(entry, "coverage", pointer, false)) {
    model::CoverageTarget target;
    target.demand = reader.string(*coverage, "demand", pointer + "/coverage");
    target.fraction = reader.number(*coverage, "fraction", pointer + "/coverage", 0.0, 1.0);
    target.filter = reader.string(*coverage, "filter", pointer + "/coverage", false);
    // The demand sets and filters the planner builds (planner/demand.cpp): checked here so a
    // typo fails validation with its location instead of stopping a plan half-way.
    if (!target.demand.empty() && !is_listed(COVERAGE_DEMANDS, target.demand))
      reader.fail(ErrorCode::Schema, pointer + "/coverage/demand",
                  fmt::format("got \"{}\"; expected one of {}", excerpt(target.demand), COVERAGE_DEMANDS));
    if (!target.filter.empty() && target.filter != "west_of_dnipro")
      reader.fail(ErrorCode::Schema, pointer + "/coverage/filter",
                  fmt::format("got \"{}\"; expected west_of_dnipro, or no filter", excerpt(target.filter)));
    reader.close_object(*coverage, pointer + "/coverage");
    line.coverage = std::move(target);
  }
  reader.close_object(entry, pointer);
  return line;
}

void read_catalogue(const JsonFile& file, FieldReader& reader, model::CapabilityCatalogue& catalogue) {
  if (reader.object(file.root, "") == nullptr) return;
  const Json* list = reader.array(file.root, "capabilities", "");
  if (list == nullptr) return;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const std::string pointer = fmt::format("/capabilities/{}", i);
    const Json* entry = reader.object((*list)[i], pointer);
    if (entry == nullptr) continue;
    model::Capability capability;
    capability.code = reader.string(*entry, "code", pointer);
    capability.name = reader.string(*entry, "name", pointer);
    capability.domain = reader.enumeration(*entry, "domain", pointer, model::domain_from_string, DOMAINS, model::Domain::Land);
    capability.personnel = reader.factor(*entry, "personnel", pointer);
    capability.coverage = reader.enumeration(*entry, "coverage", pointer, model::coverage_kind_from_string,
                                             COVERAGE_KINDS, model::CoverageKind::None);
    capability.radius_km = reader.optional_factor(*entry, "radius_km", pointer);
    capability.speed_kmh = reader.optional_factor(*entry, "speed_kmh", pointer);
    capability.response_time_h = reader.optional_factor(*entry, "response_time_h", pointer);
    capability.basing = reader.enumeration(*entry, "basing", pointer, model::basing_from_string, BASINGS, model::Basing::None);
    capability.lift_c17_loads = reader.optional_factor(*entry, "lift_c17_loads", pointer);
    capability.app6_sidc = reader.string(*entry, "app6_sidc", pointer);
    capability.description = reader.string(*entry, "description", pointer, false);
    if (capability.coverage == model::CoverageKind::Radius && !capability.radius_km) {
      reader.fail(ErrorCode::Consistency, pointer + "/radius_km", "missing; expected it because coverage is \"radius\"");
    }
    if (capability.coverage == model::CoverageKind::ResponseTime && (!capability.speed_kmh || !capability.response_time_h)) {
      reader.fail(ErrorCode::Consistency, pointer,
                  "speed_kmh or response_time_h missing; expected both because coverage is \"response_time\"");
    }
    const bool sidc_ok = capability.app6_sidc.size() == 20 &&
                         std::all_of(capability.app6_sidc.begin(), capability.app6_sidc.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!capability.app6_sidc.empty() && !sidc_ok) {
      reader.fail(ErrorCode::Schema, pointer + "/app6_sidc",
                  fmt::format("got \"{}\"; expected a 20-digit APP-6(D) symbol identification code",
                              excerpt(capability.app6_sidc)));
    }
    reader.close_object(*entry, pointer);
    catalogue.capabilities.push_back(std::move(capability));
  }
  reader.known("", "description");
  reader.known("", "source");
  reader.close_object(file.root, "");
}

void read_coalition(const JsonFile& file, FieldReader& reader, model::Coalition& coalition) {
  if (reader.object(file.root, "") == nullptr) return;
  coalition.name = reader.string(file.root, "name", "");
  if (const Json* nations = reader.array(file.root, "nations", "")) {
    for (std::size_t i = 0; i < nations->size(); ++i) {
      const std::string pointer = fmt::format("/nations/{}", i);
      const Json* entry = reader.object((*nations)[i], pointer);
      if (entry == nullptr) continue;
      coalition.nations.push_back(read_nation(*entry, pointer, reader));
    }
  }
  const Json* pledges = reader.array(file.root, "pledges", "");
  if (pledges == nullptr) return;
  for (std::size_t i = 0; i < pledges->size(); ++i) {
    const std::string pointer = fmt::format("/pledges/{}", i);
    const Json* entry = reader.object((*pledges)[i], pointer);
    if (entry == nullptr) continue;
    coalition.pledges.push_back(read_pledge(*entry, pointer, reader));
  }
  reader.known("", "description");
  reader.close_object(file.root, "");
}

void read_mandate(const JsonFile& file, FieldReader& reader, model::Mandate& mandate) {
  const Json& root = file.root;
  if (reader.object(root, "") == nullptr) return;
  mandate.name = reader.string(root, "name", "");
  mandate.description = reader.string(root, "description", "", false);
  mandate.source = reader.string(root, "source", "");
  if (const Json* phases = reader.array(root, "phases", "")) {
    for (std::size_t i = 0; i < phases->size(); ++i) {
      const std::string pointer = fmt::format("/phases/{}", i);
      const Json* entry = reader.object((*phases)[i], pointer);
      if (entry == nullptr) continue;
      model::PhaseGate gate;
      gate.phase = reader.enumeration(*entry, "phase", pointer, model::phase_from_string, PHASES, model::Phase::Ceasefire);
      gate.opens_day = static_cast<int>(reader.integer(*entry, "opens_day", pointer, 0, MAX_DAYS));
      gate.trigger = reader.string(*entry, "trigger", pointer);
      reader.close_object(*entry, pointer);
      mandate.phases.push_back(std::move(gate));
    }
  }
  if (const Json* conditions = reader.member_object(root, "conditions", "", false)) {
    for (const auto& [key, value] : conditions->items()) {
      if (value.is_boolean()) mandate.conditions[key] = value.get<bool>();
      else reader.fail(ErrorCode::Schema, "/conditions/" + key, fmt::format("got {}; expected true or false", describe(value)));
    }
  }
  if (const Json* negotiation = reader.member_object(root, "site_negotiation", "", false)) {
    for (const auto& [site_id, value] : negotiation->items()) {
      const auto status = value.is_string() ? model::site_negotiation_from_string(value.get<std::string>()) : std::nullopt;
      if (status) mandate.site_negotiation[site_id] = *status;
      else reader.fail(ErrorCode::Schema, "/site_negotiation/" + site_id,
                       fmt::format("got {}; expected proposed, surveyed, offered, agreed or rejected", describe(value)));
    }
  }
  if (const Json* posture = reader.member_object(root, "posture", "")) {
    mandate.posture.standoff_km = reader.factor(*posture, "standoff_km", "/posture");
    mandate.posture.hub_count = static_cast<int>(reader.integer(*posture, "hub_count", "/posture", 0, MAX_HUBS));
    mandate.posture.rotation_factor = reader.factor(*posture, "rotation_factor", "/posture");
    const std::string sourcing = reader.string(*posture, "hub_sourcing", "/posture", false);
    if (sourcing == "single") {
      mandate.posture.single_source_hubs = true;
    } else if (!sourcing.empty() && sourcing != "multiple") {
      reader.fail(ErrorCode::Schema, "/posture/hub_sourcing",
                  fmt::format("got \"{}\"; expected \"single\" or \"multiple\"", sourcing));
    }
    if (mandate.posture.rotation_factor.value < 1.0) {
      reader.fail(ErrorCode::Schema, "/posture/rotation_factor/value",
                  fmt::format("got {}; expected at least 1 (one unit deployed needs at least itself)",
                              mandate.posture.rotation_factor.value));
    }
    if (const Json* kinds = reader.array(*posture, "candidate_site_kinds", "/posture")) {
      for (std::size_t k = 0; k < kinds->size(); ++k) {
        const Json& kind = (*kinds)[k];
        if (kind.is_string() && model::site_kind_from_string(kind.get<std::string>())) {
          mandate.posture.candidate_site_kinds.push_back(kind.get<std::string>());
        } else {
          reader.fail(ErrorCode::Schema, fmt::format("/posture/candidate_site_kinds/{}", k),
                      fmt::format("got {}; expected a site kind", describe(kind)));
        }
      }
    }
    if (const Json* admitted = reader.array(*posture, "admitted_site_statuses", "/posture", false)) {
      for (std::size_t k = 0; k < admitted->size(); ++k) {
        const Json& name = (*admitted)[k];
        const auto status = name.is_string() ? model::site_negotiation_from_string(name.get<std::string>()) : std::nullopt;
        // A rejected site is never used, whatever the posture says; listing it would be a mistake.
        if (status && *status != model::SiteNegotiation::Rejected) mandate.posture.admitted_site_statuses.push_back(*status);
        else reader.fail(ErrorCode::Schema, fmt::format("/posture/admitted_site_statuses/{}", k),
                         fmt::format("got {}; expected proposed, surveyed, offered or agreed", describe(name)));
      }
    }
  }
  const Json* lines = reader.array(root, "requirements", "");
  if (lines == nullptr) return;
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const std::string pointer = fmt::format("/requirements/{}", i);
    const Json* entry = reader.object((*lines)[i], pointer);
    if (entry == nullptr) continue;
    mandate.requirements.push_back(read_requirement_line(*entry, pointer, reader));
  }
  reader.close_object(root, "");
}

}  // namespace guarantor::io::detail
