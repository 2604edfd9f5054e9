// plan.json fields of the force-posture rules (see plan_json_posture.hpp).
#include "plan_json_posture.hpp"

#include <fmt/format.h>

#include "guarantor/core/error.hpp"

namespace guarantor::planner::detail {

namespace {
using nlohmann::json;
using nlohmann::ordered_json;

[[noreturn]] void fail(const std::string& where, const std::string& pointer, const std::string& expected) {
  throw Error(ErrorCode::Schema, fmt::format("{} {}", where, pointer), fmt::format("missing or mistyped; expected {}", expected));
}

std::string text(const json& obj, const std::string& key, const std::string& where, const std::string& pointer) {
  if (!obj.contains(key) || !obj[key].is_string()) fail(where, pointer + "/" + key, "a string");
  return obj[key].get<std::string>();
}

double number(const json& obj, const std::string& key, const std::string& where, const std::string& pointer) {
  if (!obj.contains(key) || !obj[key].is_number()) fail(where, pointer + "/" + key, "a number");
  return obj[key].get<double>();
}

geo::LonLat point(const json& value, const std::string& where, const std::string& pointer) {
  if (!value.is_array() || value.size() != 2 || !value[0].is_number() || !value[1].is_number())
    fail(where, pointer, "[longitude, latitude]");
  return geo::to_checked({value[0].get<double>(), value[1].get<double>()}, fmt::format("{} {}", where, pointer));
}
}  // namespace

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
    lines.push_back({{"line", l.id}, {"kind", l.kind}, {"title", l.title}, {"source", l.source}, {"status", to_string(l.status)},
                     {"sites", l.sites}, {"covered", l.covered}, {"gaps", l.gaps}});
  doc["protection_lines"] = lines;
}

void write_candidate_threat(ordered_json& candidate, const CandidateSite& site) {
  candidate["threat_axis"] = site.threat_axis;
  candidate["threat_km"] = site.threat_km;
  candidate["personnel_capacity"] = site.personnel_capacity;
}

void read_posture_provenance(const json& provenance, Provenance& pv, const std::string& where) {
  if (provenance.contains("threat_axes")) {
    const auto& axes = provenance["threat_axes"];
    if (!axes.is_array()) fail(where, "/provenance/threat_axes", "an array");
    for (std::size_t i = 0; i < axes.size(); ++i) {
      const std::string ptr = fmt::format("/provenance/threat_axes/{}", i);
      ThreatAxis axis;
      axis.id = text(axes[i], "id", where, ptr);
      axis.name = text(axes[i], "name", where, ptr);
      axis.country = text(axes[i], "country", where, ptr);
      axis.band_km = number(axes[i], "band_km", where, ptr);
      axis.source = text(axes[i], "source", where, ptr);
      if (!axes[i].contains("points") || !axes[i]["points"].is_array()) fail(where, ptr + "/points", "an array");
      for (std::size_t k = 0; k < axes[i]["points"].size(); ++k)
        axis.points.push_back(point(axes[i]["points"][k], where, fmt::format("{}/points/{}", ptr, k)));
      pv.threat_axes.push_back(std::move(axis));
    }
  }
  if (provenance.contains("capability_sets")) {
    const auto& sets = provenance["capability_sets"];
    if (!sets.is_object()) fail(where, "/provenance/capability_sets", "an object of arrays of capability codes");
    for (const auto& [key, codes] : sets.items()) {
      if (!codes.is_array()) fail(where, "/provenance/capability_sets/" + key, "an array of capability codes");
      auto& out = pv.capability_sets[key];
      for (const auto& code : codes) {
        if (!code.is_string()) fail(where, "/provenance/capability_sets/" + key, "an array of capability codes");
        out.push_back(code.get<std::string>());
      }
    }
  }
  if (provenance.contains("line_basing")) {
    const auto& basing = provenance["line_basing"];
    if (!basing.is_array()) fail(where, "/provenance/line_basing", "an array");
    for (std::size_t i = 0; i < basing.size(); ++i) {
      const std::string ptr = fmt::format("/provenance/line_basing/{}", i);
      pv.line_basing.push_back({text(basing[i], "line", where, ptr), text(basing[i], "filter", where, ptr),
                                text(basing[i], "source", where, ptr), {}});
      if (basing[i].contains("sites")) {
        const auto& sites = basing[i]["sites"];
        if (!sites.is_array()) fail(where, ptr + "/sites", "an array of site ids");
        for (const auto& site : sites) {
          if (!site.is_string()) fail(where, ptr + "/sites", "an array of site ids");
          pv.line_basing.back().sites.push_back(site.get<std::string>());
        }
      }
    }
  }
}

void read_posture_sections(const json& doc, Plan& plan, const std::string& where) {
  auto integer = [&where](const json& obj, const char* key, const std::string& ptr) {
    if (!obj.contains(key) || !obj[key].is_number_integer()) fail(where, ptr + "/" + key, "an integer");
    return obj[key].get<int>();
  };
  if (doc.contains("protection")) {
    if (!doc["protection"].is_array()) fail(where, "/protection", "an array");
    for (std::size_t i = 0; i < doc["protection"].size(); ++i) {
      const auto& e = doc["protection"][i];
      const std::string ptr = fmt::format("/protection/{}", i);
      SiteProtection s;
      s.site_id = text(e, "site", where, ptr);
      s.name = text(e, "name", where, ptr);
      if (!e.contains("forward") || !e["forward"].is_boolean()) fail(where, ptr + "/forward", "true or false");
      s.forward = e["forward"].get<bool>();
      s.first_arrival_day = integer(e, "first_arrival_day", ptr);
      s.personnel = integer(e, "personnel", ptr);
      s.air_defence_day = integer(e, "air_defence_day", ptr);
      s.air_defence_unit = text(e, "air_defence_unit", where, ptr);
      s.surgery_day = integer(e, "surgery_day", ptr);
      s.evacuation_hours = number(e, "evacuation_hours", where, ptr);
      s.evacuation_mode = text(e, "evacuation_mode", where, ptr);
      s.role2_unit = text(e, "role2_unit", where, ptr);
      s.escort_day = integer(e, "escort_day", ptr);
      s.escort_unit = text(e, "escort_unit", where, ptr);
      plan.protection.push_back(std::move(s));
    }
  }
  if (doc.contains("protection_lines")) {
    if (!doc["protection_lines"].is_array()) fail(where, "/protection_lines", "an array");
    for (std::size_t i = 0; i < doc["protection_lines"].size(); ++i) {
      const auto& e = doc["protection_lines"][i];
      const std::string ptr = fmt::format("/protection_lines/{}", i);
      ProtectionLine l;
      l.id = text(e, "line", where, ptr);
      l.kind = text(e, "kind", where, ptr);
      l.title = text(e, "title", where, ptr);
      l.source = text(e, "source", where, ptr);
      const auto status = line_status_from_string(text(e, "status", where, ptr));
      if (!status) fail(where, ptr + "/status", "met, partial or missing");
      l.status = *status;
      l.sites = integer(e, "sites", ptr);
      l.covered = integer(e, "covered", ptr);
      if (!e.contains("gaps") || !e["gaps"].is_array()) fail(where, ptr + "/gaps", "an array of strings");
      for (const auto& g : e["gaps"]) {
        if (!g.is_string()) fail(where, ptr + "/gaps", "an array of strings");
        l.gaps.push_back(g.get<std::string>());
      }
      plan.protection_lines.push_back(std::move(l));
    }
  }
}

void read_candidate_threat(const json& candidate, CandidateSite& site, const std::string& where) {
  if (candidate.contains("threat_axis")) site.threat_axis = text(candidate, "threat_axis", where, "/candidates");
  if (candidate.contains("threat_km")) site.threat_km = number(candidate, "threat_km", where, "/candidates");
  if (candidate.contains("personnel_capacity"))
    site.personnel_capacity = number(candidate, "personnel_capacity", where, "/candidates");
}

}  // namespace guarantor::planner::detail
