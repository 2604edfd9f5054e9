#include "guarantor/verify/verify_json.hpp"

#include <fmt/format.h>

#include "guarantor/core/date.hpp"
#include "guarantor/core/error.hpp"

namespace guarantor::verify {

using Json = nlohmann::json;

Json to_json(const Report& report) {
  Json value{{"id", report.id},
             {"origin", report.origin},
             {"format", report.format},
             {"outlets", report.outlets},
             {"claimant", report.claimant},
             {"claimed_actor", report.claimed_actor},
             {"category", to_string(report.category)},
             {"target_kind", to_string(report.target_kind)},
             {"weapon_class", to_string(report.weapon_class)},
             {"time", format_datetime(report.time_s)},
             {"time_s", report.time_s},
             {"time_uncertainty_s", report.time_uncertainty_s},
             {"place", report.place_name},
             {"admin1", report.admin1},
             {"area", report.area},
             {"country", report.country},
             {"country_checked", report.country_checked},
             {"out_of_theatre", report.out_of_theatre},
             {"location_uncertainty_m", report.location_uncertainty_m},
             {"precision", to_string(report.precision)},
             {"geocode_note", report.geocode_note},
             {"description", report.description},
             {"fatalities", report.fatalities}};
  value["position"] = report.position ? Json::array({report.position->lon, report.position->lat}) : Json();
  if (!report.area_name.empty()) value["area_name"] = report.area_name;
  return value;
}

Report report_from_json(const Json& value, const std::string& where) {
  try {
    Report report;
    report.id = value.at("id").get<std::string>();
    report.origin = value.at("origin").get<std::string>();
    report.format = value.at("format").get<std::string>();
    report.outlets = value.at("outlets").get<std::vector<std::string>>();
    report.claimant = value.at("claimant").get<std::string>();
    report.claimed_actor = value.at("claimed_actor").get<std::string>();
    const auto category = event_category_from_string(value.at("category").get<std::string>());
    const auto target = target_kind_from_string(value.at("target_kind").get<std::string>());
    const auto weapon = weapon_class_from_string(value.at("weapon_class").get<std::string>());
    const auto precision = geo_precision_from_string(value.at("precision").get<std::string>());
    if (!category || !target || !weapon || !precision)
      throw Error(ErrorCode::Schema, where, "unknown category, target_kind, weapon_class or precision name");
    report.category = *category;
    report.target_kind = *target;
    report.weapon_class = *weapon;
    report.precision = *precision;
    report.time_s = value.at("time_s").get<UnixSeconds>();
    report.time_uncertainty_s = value.at("time_uncertainty_s").get<UnixSeconds>();
    report.place_name = value.at("place").get<std::string>();
    report.admin1 = value.at("admin1").get<std::string>();
    report.location_uncertainty_m = value.at("location_uncertainty_m").get<double>();
    report.geocode_note = value.at("geocode_note").get<std::string>();
    report.description = value.at("description").get<std::string>();
    report.fatalities = value.at("fatalities").get<int>();
    // Absent in logs written before area locations and the theatre check: the defaults then hold.
    report.area = value.value("area", std::string());
    report.area_name = value.value("area_name", std::string());
    report.country = value.value("country", std::string());
    report.out_of_theatre = value.value("out_of_theatre", false);
    report.country_checked = value.value("country_checked", false);
    const Json& position = value.at("position");
    if (!position.is_null()) report.position = geo::LonLat{position.at(0).get<double>(), position.at(1).get<double>()};
    return report;
  } catch (const Json::exception& e) {
    throw Error(ErrorCode::Schema, where, fmt::format("report record is incomplete: {}", e.what()));
  }
}

Json to_json(const Incident& incident, const std::vector<Report>& reports) {
  Json members = Json::array();
  for (std::size_t index : incident.reports) members.push_back(reports[index].id);
  return {{"id", incident.id},
          {"reports", members},
          {"category", to_string(incident.category)},
          {"target_kind", to_string(incident.target_kind)},
          {"target_contested", incident.target_contested},
          {"weapon_class", to_string(incident.weapon_class)},
          {"position", {incident.position.lon, incident.position.lat}},
          {"uncertainty_m", incident.uncertainty_m},
          {"area", incident.area},
          {"country", incident.country},
          {"out_of_theatre", incident.out_of_theatre},
          {"first", format_datetime(incident.first_s)},
          {"last", format_datetime(incident.last_s)}};
}

Json to_json(const MergeExplanation& merge, const std::vector<Report>& reports, const std::vector<Incident>& incidents) {
  return {{"report", reports[merge.report].id},
          {"incident", incidents[merge.incident].id},
          {"rule", merge.rule},
          {"distance_m", merge.distance_m},
          {"gate_m", merge.gate_m},
          {"time_apart_s", merge.time_apart_s},
          {"extent_m", merge.extent_m},
          {"span_s", merge.span_s},
          {"candidates", merge.candidates}};
}

Json to_json(const Grade& grade) {
  return {{"code", grade.code()},
          {"reliability", std::string(1, grade.reliability)},
          {"credibility", grade.credibility},
          {"groups", grade.groups},
          {"unregistered", grade.unregistered},
          {"rationale", grade.rationale}};
}

Json to_json(const Finding& finding) {
  Json claims = Json::object();
  for (const auto& [side, claim] : finding.claims_or_empty()) {
    Json actors = Json::object();
    for (const auto& [actor, count] : claim.actors) actors[actor.empty() ? "not stated" : actor] = count;
    claims[side.empty() ? "independent" : side] = {{"reports", claim.reports}, {"claimed_actors", actors}};
  }
  Json tests = Json::array();
  for (const TestResult& test : finding.tests)
    tests.push_back({{"test", to_string(test.test)}, {"verdict", to_string(test.verdict)}, {"reason", finding.reason(test)}});
  return {{"provision", finding.provision_id},
          {"incident", finding.incident_id},
          {"outcome", to_string(finding.outcome)},
          {"reasons", finding.reasons()},
          {"tests", tests},
          {"country", finding.country},
          {"grade", to_json(finding.grade_or_default())},
          {"claims", claims}};
}

}  // namespace guarantor::verify
