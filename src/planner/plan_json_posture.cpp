// plan.json fields of the force-posture rules (see plan_json_posture.hpp).
#include "plan_json_posture.hpp"

#include <fmt/format.h>

#include "guarantor/core/error.hpp"
#include "plan_json_reader.hpp"

namespace guarantor::planner::detail {

using nlohmann::json;
using nlohmann::ordered_json;

void write_posture_provenance(ordered_json& provenance, const Provenance& pv) {
  ordered_json axes = ordered_json::array();
  for (const auto& axis : pv.threat_axes) {
    ordered_json points = ordered_json::array();
    for (const auto& p : axis.points) points.push_back(ordered_json::array({p.lon, p.lat}));
    axes.push_back({{"id", axis.id}, {"name", axis.name}, {"country", axis.country}, {"points", points},
                    {"band_km", axis.band_km}, {"source", axis.source}});
  }
  provenance["threat_axes"] = axes;
  ordered_json basing = ordered_json::array();
  for (const auto& f : pv.line_basing) {
    basing.push_back({{"line", f.line_id}, {"filter", f.filter}, {"source", f.source}});
    if (!f.sites.empty()) basing.back()["sites"] = f.sites;
  }
  provenance["line_basing"] = basing;
  provenance["capability_sets"] = ordered_json(pv.capability_sets);
}

void write_posture_sections(ordered_json& doc, const Plan& plan) {
  ordered_json sites = ordered_json::array();
  for (const auto& s : plan.protection)
    sites.push_back({{"site", s.site_id}, {"name", s.name}, {"forward", s.forward}, {"first_arrival_day", s.first_arrival_day},
                     {"personnel", s.personnel}, {"air_defence_day", s.air_defence_day}, {"air_defence_unit", s.air_defence_unit},
                     {"surgery_day", s.surgery_day}, {"evacuation_hours", s.evacuation_hours},
                     {"evacuation_mode", s.evacuation_mode}, {"role2_unit", s.role2_unit}, {"escort_day", s.escort_day},
                     {"escort_unit", s.escort_unit}});
  doc["protection"] = sites;
  ordered_json lines = ordered_json::array();
  for (const auto& l : plan.protection_lines)
    lines.push_back({{"line", l.id},
                     {"kind", to_string(l.kind)},
                     {"title", l.title},
                     {"source", l.source},
                     {"status", to_string(l.status)},
                     {"sites", l.sites},
                     {"covered", l.covered},
                     {"gaps", l.gaps}});
  doc["protection_lines"] = lines;
}

void write_candidate_threat(ordered_json& candidate, const CandidateSite& site) {
  candidate["threat_axis"] = site.threat_axis;
  candidate["threat_km"] = site.threat_km;
  candidate["personnel_capacity"] = site.personnel_capacity;
}

void read_posture_provenance(const json& provenance, Provenance& pv, const PlanJsonReader& r) {
  if (provenance.contains("threat_axes")) {
    const auto& axes = r.array(provenance, "/provenance", "threat_axes");
    for (std::size_t i = 0; i < axes.size(); ++i) {
      const std::string ptr = fmt::format("/provenance/threat_axes/{}", i);
      ThreatAxis axis;
      axis.id = r.str(axes[i], ptr, "id");
      axis.name = r.str(axes[i], ptr, "name");
      axis.country = r.str(axes[i], ptr, "country");
      axis.band_km = r.num(axes[i], ptr, "band_km");
      axis.source = r.str(axes[i], ptr, "source");
      const auto& points = r.array(axes[i], ptr, "points");
      for (std::size_t k = 0; k < points.size(); ++k)
        axis.points.push_back(r.lon_lat_value(points[k], fmt::format("{}/points/{}", ptr, k)));
      pv.threat_axes.push_back(std::move(axis));
    }
  }
  if (provenance.contains("capability_sets")) {
    const auto& sets = r.field(provenance, "/provenance", "capability_sets");
    if (!sets.is_object()) r.fail("/provenance/capability_sets", "an object of arrays of capability codes");
    for (const auto& [key, codes] : sets.items()) pv.capability_sets[key] = r.strings(sets, "/provenance/capability_sets", key.c_str());
  }
  if (provenance.contains("line_basing")) {
    const auto& basing = r.array(provenance, "/provenance", "line_basing");
    for (std::size_t i = 0; i < basing.size(); ++i) {
      const std::string ptr = fmt::format("/provenance/line_basing/{}", i);
      pv.line_basing.push_back({r.str(basing[i], ptr, "line"), r.str(basing[i], ptr, "filter"), r.str(basing[i], ptr, "source"), {}});
      if (basing[i].contains("sites")) pv.line_basing.back().sites = r.strings(basing[i], ptr, "sites");
    }
  }
}

void read_posture_sections(const json& doc, Plan& plan, const PlanJsonReader& r) {
  if (doc.contains("protection")) {
    const auto& sites = r.array(doc, "", "protection");
    for (std::size_t i = 0; i < sites.size(); ++i) {
      const auto& e = sites[i];
      const std::string ptr = fmt::format("/protection/{}", i);
      SiteProtection s;
      s.site_id = r.str(e, ptr, "site");
      s.name = r.str(e, ptr, "name");
      s.forward = r.boolean(e, ptr, "forward");
      s.first_arrival_day = r.integer(e, ptr, "first_arrival_day");
      s.personnel = r.integer(e, ptr, "personnel");
      s.air_defence_day = r.integer(e, ptr, "air_defence_day");
      s.air_defence_unit = r.str(e, ptr, "air_defence_unit");
      s.surgery_day = r.integer(e, ptr, "surgery_day");
      s.evacuation_hours = r.num(e, ptr, "evacuation_hours");
      s.evacuation_mode = r.str(e, ptr, "evacuation_mode");
      s.role2_unit = r.str(e, ptr, "role2_unit");
      s.escort_day = r.integer(e, ptr, "escort_day");
      s.escort_unit = r.str(e, ptr, "escort_unit");
      plan.protection.push_back(std::move(s));
    }
  }
  if (doc.contains("protection_lines")) {
    const auto& lines = r.array(doc, "", "protection_lines");
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const auto& e = lines[i];
      const std::string ptr = fmt::format("/protection_lines/{}", i);
      ProtectionLine l;
      l.id = r.str(e, ptr, "line");
      const auto kind = protection_kind_from_string(r.str(e, ptr, "kind"));
      if (!kind) r.fail(ptr + "/kind", fmt::format("one of {}", PROTECTION_KIND_NAMES));
      l.kind = *kind;
      l.title = r.str(e, ptr, "title");
      l.source = r.str(e, ptr, "source");
      const auto status = line_status_from_string(r.str(e, ptr, "status"));
      if (!status) r.fail(ptr + "/status", "met, partial or missing");
      l.status = *status;
      l.sites = r.integer(e, ptr, "sites");
      l.covered = r.integer(e, ptr, "covered");
      l.gaps = r.strings(e, ptr, "gaps");
      plan.protection_lines.push_back(std::move(l));
    }
  }
}

void read_candidate_threat(const json& candidate, CandidateSite& site, const PlanJsonReader& r) {
  if (candidate.contains("threat_axis")) site.threat_axis = r.str(candidate, "/candidates", "threat_axis");
  if (candidate.contains("threat_km")) site.threat_km = r.num(candidate, "/candidates", "threat_km");
  if (candidate.contains("personnel_capacity")) site.personnel_capacity = r.num(candidate, "/candidates", "personnel_capacity");
}

}  // namespace guarantor::planner::detail
