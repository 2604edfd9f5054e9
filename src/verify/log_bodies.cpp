// Canonical log bodies written straight into a buffer. Each function emits exactly what
// dump(to_json(x)) emits (keys in nlohmann's sorted order, its number and string formats); the
// unit tests compare the two on every record kind, including awkward strings and numbers.
#include <algorithm>
#include <cstdint>

#include "canonical_json.hpp"
#include "finding_reasons.hpp"
#include "guarantor/core/date.hpp"
#include "guarantor/verify/verify_json.hpp"

namespace guarantor::verify {
namespace {

using detail::append_json_key;
using detail::append_json_number;
using detail::append_json_string;
using detail::append_position;
using detail::append_string_array;

}  // namespace

void detail::append_string_array(std::string& out, const std::vector<std::string>& items) {
  out += '[';
  for (std::size_t index = 0; index < items.size(); ++index) {
    if (index > 0) out += ',';
    append_json_string(out, items[index]);
  }
  out += ']';
}

void detail::append_position(std::string& out, geo::LonLat position) {
  out += '[';
  append_json_number(out, position.lon);
  out += ',';
  append_json_number(out, position.lat);
  out += ']';
}

namespace {

// A std::map written as a JSON object under renamed keys ("" becomes a label). Assigning into a
// json object lets a later key overwrite an earlier one that renames to the same text, and the
// object sorts its keys: both are reproduced here.
template <typename Map, typename WriteValue>
void append_renamed_object(std::string& out, const Map& map, std::string_view empty_key_name, WriteValue write_value) {
  std::vector<std::pair<std::string_view, const typename Map::mapped_type*>> members;
  members.reserve(map.size());
  for (const auto& [key, value] : map) {
    const std::string_view name = key.empty() ? empty_key_name : std::string_view(key);
    const auto same = std::find_if(members.begin(), members.end(), [&](const auto& member) { return member.first == name; });
    if (same != members.end()) same->second = &value;
    else members.emplace_back(name, &value);
  }
  std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  out += '{';
  for (std::size_t index = 0; index < members.size(); ++index) {
    if (index > 0) out += ',';
    append_json_string(out, members[index].first);
    out += ':';
    write_value(*members[index].second);
  }
  out += '}';
}

}  // namespace

void append_canonical_json(std::string& out, const Report& report) {
  out += '{';
  append_json_key(out, "admin1");
  append_json_string(out, report.admin1);
  out += ',';
  append_json_key(out, "area");
  append_json_string(out, report.area);
  out += ',';
  // Only where there is one, so the bodies of point-located reports read as before.
  if (!report.area_name.empty()) {
    append_json_key(out, "area_name");
    append_json_string(out, report.area_name);
    out += ',';
  }
  append_json_key(out, "category");
  append_json_string(out, to_string(report.category));
  out += ',';
  append_json_key(out, "claimant");
  append_json_string(out, report.claimant);
  out += ',';
  append_json_key(out, "claimed_actor");
  append_json_string(out, report.claimed_actor);
  out += ',';
  append_json_key(out, "country");
  append_json_string(out, report.country);
  out += ',';
  append_json_key(out, "country_checked");
  out += report.country_checked ? "true" : "false";
  out += ',';
  append_json_key(out, "description");
  append_json_string(out, report.description);
  out += ',';
  append_json_key(out, "fatalities");
  append_json_number(out, static_cast<std::int64_t>(report.fatalities));
  out += ',';
  append_json_key(out, "format");
  append_json_string(out, report.format);
  out += ',';
  append_json_key(out, "geocode_note");
  append_json_string(out, report.geocode_note);
  out += ',';
  append_json_key(out, "id");
  append_json_string(out, report.id);
  out += ',';
  append_json_key(out, "location_uncertainty_m");
  append_json_number(out, report.location_uncertainty_m);
  out += ',';
  append_json_key(out, "origin");
  append_json_string(out, report.origin);
  out += ',';
  append_json_key(out, "out_of_theatre");
  out += report.out_of_theatre ? "true" : "false";
  out += ',';
  append_json_key(out, "outlets");
  append_string_array(out, report.outlets);
  out += ',';
  append_json_key(out, "place");
  append_json_string(out, report.place_name);
  out += ',';
  append_json_key(out, "position");
  if (report.position) append_position(out, *report.position);
  else out += "null";
  out += ',';
  append_json_key(out, "precision");
  append_json_string(out, to_string(report.precision));
  out += ',';
  append_json_key(out, "target_kind");
  append_json_string(out, to_string(report.target_kind));
  out += ',';
  append_json_key(out, "time");
  append_json_string(out, format_datetime(report.time_s));
  out += ',';
  append_json_key(out, "time_s");
  append_json_number(out, static_cast<std::int64_t>(report.time_s));
  out += ',';
  append_json_key(out, "time_uncertainty_s");
  append_json_number(out, static_cast<std::int64_t>(report.time_uncertainty_s));
  out += ',';
  append_json_key(out, "weapon_class");
  append_json_string(out, to_string(report.weapon_class));
  out += '}';
}

void append_canonical_json(std::string& out, const MergeExplanation& merge, const std::vector<Report>& reports,
                           const std::vector<Incident>& incidents) {
  out += '{';
  append_json_key(out, "candidates");
  append_json_number(out, static_cast<std::uint64_t>(merge.candidates));
  out += ',';
  append_json_key(out, "distance_m");
  append_json_number(out, merge.distance_m);
  out += ',';
  append_json_key(out, "extent_m");
  append_json_number(out, merge.extent_m);
  out += ',';
  append_json_key(out, "gate_m");
  append_json_number(out, merge.gate_m);
  out += ',';
  append_json_key(out, "incident");
  append_json_string(out, incidents[merge.incident].id);
  out += ',';
  append_json_key(out, "report");
  append_json_string(out, reports[merge.report].id);
  out += ',';
  append_json_key(out, "rule");
  append_json_string(out, merge.rule);
  out += ',';
  append_json_key(out, "span_s");
  append_json_number(out, static_cast<std::int64_t>(merge.span_s));
  out += ',';
  append_json_key(out, "time_apart_s");
  append_json_number(out, static_cast<std::int64_t>(merge.time_apart_s));
  out += '}';
}

void append_canonical_json(std::string& out, const Grade& grade) {
  out += '{';
  append_json_key(out, "code");
  append_json_string(out, grade.code());
  out += ',';
  append_json_key(out, "credibility");
  append_json_number(out, static_cast<std::int64_t>(grade.credibility));
  out += ',';
  append_json_key(out, "groups");
  append_string_array(out, grade.groups);
  out += ',';
  append_json_key(out, "rationale");
  append_json_string(out, grade.rationale);
  out += ',';
  append_json_key(out, "reliability");
  append_json_string(out, std::string_view(&grade.reliability, 1));
  out += ',';
  append_json_key(out, "unregistered");
  append_string_array(out, grade.unregistered);
  out += '}';
}

void append_canonical_json(std::string& out, const Incident& incident, const Grade& grade,
                           const std::vector<Report>& reports) {
  out += '{';
  append_json_key(out, "area");
  append_json_string(out, incident.area);
  out += ',';
  append_json_key(out, "category");
  append_json_string(out, to_string(incident.category));
  out += ',';
  append_json_key(out, "country");
  append_json_string(out, incident.country);
  out += ',';
  append_json_key(out, "first");
  append_json_string(out, format_datetime(incident.first_s));
  out += ',';
  append_json_key(out, "grade");
  append_canonical_json(out, grade);
  out += ',';
  append_json_key(out, "id");
  append_json_string(out, incident.id);
  out += ',';
  append_json_key(out, "last");
  append_json_string(out, format_datetime(incident.last_s));
  out += ',';
  append_json_key(out, "out_of_theatre");
  out += incident.out_of_theatre ? "true" : "false";
  out += ',';
  append_json_key(out, "position");
  append_position(out, incident.position);
  out += ',';
  append_json_key(out, "reports");
  out += '[';
  for (std::size_t index = 0; index < incident.reports.size(); ++index) {
    if (index > 0) out += ',';
    append_json_string(out, reports[incident.reports[index]].id);
  }
  out += "],";
  append_json_key(out, "target_contested");
  out += incident.target_contested ? "true" : "false";
  out += ',';
  append_json_key(out, "target_kind");
  append_json_string(out, to_string(incident.target_kind));
  out += ',';
  append_json_key(out, "uncertainty_m");
  append_json_number(out, incident.uncertainty_m);
  out += ',';
  append_json_key(out, "weapon_class");
  append_json_string(out, to_string(incident.weapon_class));
  out += '}';
}

void detail::append_finding_json(std::string& out, const Finding& finding, const FindingExtras* extras) {
  // Members in the sorted order nlohmann keeps; findings.json's extras (date, position,
  // sources) fall between the finding's own members.
  out += '{';
  if (extras != nullptr) {
    append_json_key(out, "area");
    append_json_string(out, extras->area);
    out += ',';
    append_json_key(out, "area_name");
    append_json_string(out, extras->area_name);
    out += ',';
  }
  append_json_key(out, "claims");
  append_renamed_object(out, finding.claims_or_empty(), "independent", [&](const SideClaim& claim) {
    out += '{';
    append_json_key(out, "claimed_actors");
    append_renamed_object(out, claim.actors, "not stated",
                          [&](std::size_t count) { append_json_number(out, static_cast<std::uint64_t>(count)); });
    out += ',';
    append_json_key(out, "reports");
    append_json_number(out, static_cast<std::uint64_t>(claim.reports));
    out += '}';
  });
  out += ',';
  append_json_key(out, "country");
  append_json_string(out, finding.country);
  out += ',';
  if (extras != nullptr) {
    append_json_key(out, "date");
    append_json_string(out, extras->date);
    out += ',';
  }
  append_json_key(out, "grade");
  append_canonical_json(out, finding.grade_or_default());
  out += ',';
  append_json_key(out, "incident");
  append_json_string(out, finding.incident_id);
  out += ',';
  append_json_key(out, "outcome");
  append_json_string(out, to_string(finding.outcome));
  out += ',';
  if (extras != nullptr) {
    append_json_key(out, "position");
    append_position(out, extras->position);
    out += ',';
    append_json_key(out, "precision");
    append_json_string(out, extras->precision);
    out += ',';
  }
  append_json_key(out, "provision");
  append_json_string(out, finding.provision_id);
  out += ',';
  append_json_key(out, "reasons");
  out += '[';
  bool first_reason = true;
  detail::for_each_reason(finding, [&](const std::string& reason) {
    if (!first_reason) out += ',';
    first_reason = false;
    append_json_string(out, reason);
  });
  out += ']';
  out += ',';
  if (extras != nullptr) {
    append_json_key(out, "sources");
    out += '[';
    for (std::size_t index = 0; index < extras->sources->size(); ++index) {
      const Report& report = (*extras->reports)[(*extras->sources)[index]];
      if (index > 0) out += ',';
      out += '{';
      append_json_key(out, "origin");
      append_json_string(out, report.origin);
      out += ',';
      append_json_key(out, "outlets");
      append_string_array(out, report.outlets);
      out += ',';
      append_json_key(out, "report");
      append_json_string(out, report.id);
      out += '}';
    }
    out += "],";
  }
  append_json_key(out, "tests");
  out += '[';
  for (std::size_t index = 0; index < finding.tests.size(); ++index) {
    if (index > 0) out += ',';
    out += '{';
    append_json_key(out, "reason");
    append_json_string(out, finding.reason(finding.tests[index]));
    out += ',';
    append_json_key(out, "test");
    append_json_string(out, to_string(finding.tests[index].test));
    out += ',';
    append_json_key(out, "verdict");
    append_json_string(out, to_string(finding.tests[index].verdict));
    out += '}';
  }
  out += ']';
  out += '}';
}

void append_canonical_json(std::string& out, const Finding& finding) {
  detail::append_finding_json(out, finding, nullptr);
}

}  // namespace guarantor::verify
