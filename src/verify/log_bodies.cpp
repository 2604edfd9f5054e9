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

using detail::append_json_array;
using detail::append_json_number;
using detail::append_json_string;
using detail::append_position;
using detail::JsonObjectWriter;

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
  JsonObjectWriter object(out);
  object.string("admin1", report.admin1);
  object.string("area", report.area);
  // Only where there is one, so the bodies of point-located reports read as before.
  if (!report.area_name.empty()) object.string("area_name", report.area_name);
  object.string("category", to_string(report.category));
  object.string("claimant", report.claimant);
  object.string("claimed_actor", report.claimed_actor);
  object.string("country", report.country);
  object.boolean("country_checked", report.country_checked);
  object.string("description", report.description);
  object.number("fatalities", static_cast<std::int64_t>(report.fatalities));
  object.string("format", report.format);
  object.string("geocode_note", report.geocode_note);
  object.string("id", report.id);
  object.number("location_uncertainty_m", report.location_uncertainty_m);
  object.string("origin", report.origin);
  object.boolean("out_of_theatre", report.out_of_theatre);
  object.strings("outlets", report.outlets);
  object.string("place", report.place_name);
  if (report.position) object.position("position", *report.position);
  else object.member("position") += "null";
  object.string("precision", to_string(report.precision));
  object.string("target_kind", to_string(report.target_kind));
  object.string("time", format_datetime(report.time_s));
  object.number("time_s", static_cast<std::int64_t>(report.time_s));
  object.number("time_uncertainty_s", static_cast<std::int64_t>(report.time_uncertainty_s));
  object.string("weapon_class", to_string(report.weapon_class));
  object.close();
}

void append_canonical_json(std::string& out, const MergeExplanation& merge, const std::vector<Report>& reports,
                           const std::vector<Incident>& incidents) {
  JsonObjectWriter object(out);
  object.number("candidates", static_cast<std::uint64_t>(merge.candidates));
  object.number("distance_m", merge.distance_m);
  object.number("extent_m", merge.extent_m);
  object.number("gate_m", merge.gate_m);
  object.string("incident", incidents[merge.incident].id);
  object.string("report", reports[merge.report].id);
  object.string("rule", merge.rule);
  object.number("span_s", static_cast<std::int64_t>(merge.span_s));
  object.number("time_apart_s", static_cast<std::int64_t>(merge.time_apart_s));
  object.close();
}

void append_canonical_json(std::string& out, const Grade& grade) {
  JsonObjectWriter object(out);
  object.string("code", grade.code());
  object.number("credibility", static_cast<std::int64_t>(grade.credibility));
  object.strings("groups", grade.groups);
  object.string("rationale", grade.rationale);
  object.string("reliability", std::string_view(&grade.reliability, 1));
  object.strings("unregistered", grade.unregistered);
  object.close();
}

void append_canonical_json(std::string& out, const Incident& incident, const Grade& grade,
                           const std::vector<Report>& reports) {
  JsonObjectWriter object(out);
  object.string("area", incident.area);
  object.string("category", to_string(incident.category));
  object.string("country", incident.country);
  object.string("first", format_datetime(incident.first_s));
  append_canonical_json(object.member("grade"), grade);
  object.string("id", incident.id);
  object.string("last", format_datetime(incident.last_s));
  object.boolean("out_of_theatre", incident.out_of_theatre);
  object.position("position", incident.position);
  append_json_array(object.member("reports"), incident.reports.size(),
                    [&](std::size_t index) { append_json_string(out, reports[incident.reports[index]].id); });
  object.boolean("target_contested", incident.target_contested);
  object.string("target_kind", to_string(incident.target_kind));
  object.number("uncertainty_m", incident.uncertainty_m);
  object.string("weapon_class", to_string(incident.weapon_class));
  object.close();
}

void detail::append_finding_json(std::string& out, const Finding& finding, const FindingExtras* extras) {
  // Members in the sorted order nlohmann keeps; findings.json's extras (date, position,
  // sources) fall between the finding's own members.
  JsonObjectWriter object(out);
  if (extras != nullptr) {
    object.string("area", extras->area);
    object.string("area_name", extras->area_name);
  }
  append_renamed_object(object.member("claims"), finding.claims_or_empty(), "independent", [&](const SideClaim& claim) {
    JsonObjectWriter side(out);
    append_renamed_object(side.member("claimed_actors"), claim.actors, "not stated",
                          [&](std::size_t count) { append_json_number(out, static_cast<std::uint64_t>(count)); });
    side.number("reports", static_cast<std::uint64_t>(claim.reports));
    side.close();
  });
  object.string("country", finding.country);
  if (extras != nullptr) object.string("date", extras->date);
  append_canonical_json(object.member("grade"), finding.grade_or_default());
  object.string("incident", finding.incident_id);
  object.string("outcome", to_string(finding.outcome));
  if (extras != nullptr) {
    object.position("position", extras->position);
    object.string("precision", extras->precision);
  }
  object.string("provision", finding.provision_id);
  object.member("reasons") += '[';
  bool first_reason = true;
  detail::for_each_reason(finding, [&](const std::string& reason) {
    if (!first_reason) out += ',';
    first_reason = false;
    append_json_string(out, reason);
  });
  out += ']';
  if (extras != nullptr) {
    append_json_array(object.member("sources"), extras->sources->size(), [&](std::size_t index) {
      const Report& report = (*extras->reports)[(*extras->sources)[index]];
      JsonObjectWriter source(out);
      source.string("origin", report.origin);
      source.strings("outlets", report.outlets);
      source.string("report", report.id);
      source.close();
    });
  }
  append_json_array(object.member("tests"), finding.tests.size(), [&](std::size_t index) {
    const TestResult& test = finding.tests[index];
    JsonObjectWriter entry(out);
    entry.string("reason", finding.reason(test));
    entry.string("test", to_string(test.test));
    entry.string("verdict", to_string(test.verdict));
    entry.close();
  });
  object.close();
}

void append_canonical_json(std::string& out, const Finding& finding) {
  detail::append_finding_json(out, finding, nullptr);
}

}  // namespace guarantor::verify
