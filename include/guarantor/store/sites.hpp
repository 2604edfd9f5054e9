#pragma once
// Candidate sites under negotiation with the host nation: where each stands (proposed ->
// surveyed -> offered -> agreed / rejected), the lead nation, the infrastructure assessment a
// survey produces, and the comments of the parties. The sites themselves are the theatre's.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "guarantor/core/error.hpp"
#include "guarantor/model/mandate_types.hpp"

namespace guarantor::store {

/// What a survey found at a site. An unset field has not been assessed yet.
struct InfrastructureAssessment {
  std::optional<std::int64_t> runway_m;           ///< longest usable runway, metres
  std::optional<bool> rail_siding;                ///< a siding where trains can be unloaded
  std::optional<std::int64_t> rail_gauge_mm;      ///< 1520 (Ukraine) or 1435 (EU standard)
  std::optional<std::int64_t> housing_personnel;  ///< beds ready for personnel
  std::optional<double> protected_storage_m2;     ///< covered, protected storage for equipment
  std::optional<double> power_mw;                 ///< assured electrical supply
  std::string medical;                            ///< none, role1, role2, role3 (NATO roles of care)
  std::string assessed_on;                        ///< ISO 8601 date of the survey
  std::string notes;
};

/// One site's negotiation record. `version` 0: nobody has touched the site yet (proposed).
struct SiteNegotiationRecord {
  std::string site_id;
  model::SiteNegotiation status = model::SiteNegotiation::Proposed;
  std::string lead_nation;  ///< ISO 3166-1 alpha-2 of the nation leading at this site, or empty
  InfrastructureAssessment assessment;
  std::int64_t version = 0;
  std::string updated_at;
};

/// The record of a site nobody has touched yet.
inline SiteNegotiationRecord unrecorded_site(const std::string& site_id) {
  SiteNegotiationRecord record;
  record.site_id = site_id;
  return record;
}

struct SiteComment {
  std::int64_t id = 0;
  std::string site_id;
  std::string at;
  std::string author;
  std::string text;
};

/// The assessment as JSON (unset fields left out) and back. decode throws Error (Schema) naming
/// the member under `pointer` and what was expected; members it does not know are refused.
nlohmann::json encode_assessment(const InfrastructureAssessment& assessment);
InfrastructureAssessment decode_assessment(const nlohmann::json& value, const std::string& pointer);
nlohmann::json encode_site_negotiation(const SiteNegotiationRecord& record);

}  // namespace guarantor::store
