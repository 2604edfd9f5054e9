#include <map>
#include <ostream>

#include <fmt/format.h>

#include "guarantor/io/csv_writer.hpp"
#include "guarantor/verify/outputs.hpp"
#include "guarantor/verify/time_parse.hpp"
#include "guarantor/verify/verify_json.hpp"

namespace guarantor::verify {
namespace {

// ACLED's event_type for our categories (ACLED codebook 2023 names).
std::string_view acled_event_type(EventCategory category) {
  switch (category) {
    case EventCategory::Strike: return "Explosions/Remote violence";
    case EventCategory::NavalActivity: return "Explosions/Remote violence";
    case EventCategory::GroundClash: return "Battles";
    case EventCategory::HeavyWeaponsPresence: return "Strategic developments";
    case EventCategory::Other: return "Strategic developments";
  }
  return "Strategic developments";
}

}  // namespace

void write_incidents_geojson(const VerifyResult& result, std::ostream& out) {
  // Written feature by feature: memory stays that of one incident whatever the run's size.
  const auto& incidents = result.clusters.incidents;
  std::vector<std::size_t> first_finding(incidents.size() + 1, 0);
  for (const auto& finding : result.findings) ++first_finding[finding.incident + 1];
  for (std::size_t index = 1; index < first_finding.size(); ++index) first_finding[index] += first_finding[index - 1];
  std::vector<std::size_t> by_incident(result.findings.size());
  {
    std::vector<std::size_t> next(first_finding.begin(), first_finding.end() - 1);
    for (std::size_t index = 0; index < result.findings.size(); ++index)
      by_incident[next[result.findings[index].incident]++] = index;
  }
  out << "{\"type\": \"FeatureCollection\", \"features\": [";
  for (std::size_t index = 0; index < incidents.size(); ++index) {
    const Incident& incident = incidents[index];
    nlohmann::json properties = to_json(incident, result.reports);
    properties.erase("position");
    properties["grade"] = result.grades[index].code();
    nlohmann::json findings = nlohmann::json::array();
    for (std::size_t k = first_finding[index]; k < first_finding[index + 1]; ++k) {
      const Finding& finding = result.findings[by_incident[k]];
      findings.push_back({{"provision", finding.provision_id}, {"outcome", to_string(finding.outcome)}});
    }
    properties["findings"] = std::move(findings);
    const nlohmann::json feature{
        {"type", "Feature"},
        {"geometry", {{"type", "Point"}, {"coordinates", {incident.position.lon, incident.position.lat}}}},
        {"properties", std::move(properties)}};
    out << (index == 0 ? "\n" : ",\n") << feature.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  out << "\n]}\n";
}

void write_incidents_acled_csv(const VerifyResult& result, std::ostream& out) {
  out << "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,location,latitude,longitude,"
         "geo_precision,source,notes,fatalities\n";
  for (std::size_t index = 0; index < result.clusters.incidents.size(); ++index) {
    const Incident& incident = result.clusters.incidents[index];
    std::string outlets, actors, places;
    int fatalities = 0;
    for (std::size_t member : incident.reports) {
      const Report& report = result.reports[member];
      for (const auto& outlet : report.outlets)
        if (outlets.find(outlet) == std::string::npos) outlets += (outlets.empty() ? "" : "; ") + outlet;
      if (!report.claimed_actor.empty() && actors.find(report.claimed_actor) == std::string::npos)
        actors += (actors.empty() ? "" : "; ") + report.claimed_actor;
      if (places.empty()) places = report.place_name;
      fatalities = std::max(fatalities, report.fatalities);
    }
    const std::string date = format_date(incident.first_s);
    // time_precision 1 = the day; geo_precision 1 within a town, 2 near one, 3 region (ACLED).
    const int time_precision = incident.last_s - incident.first_s < SECONDS_PER_DAY ? 1 : 2;
    constexpr double TOWN_M = 5000, NEAR_M = 25000;
    const int geo_precision = incident.uncertainty_m <= TOWN_M ? 1 : incident.uncertainty_m <= NEAR_M ? 2 : 3;
    out << fmt::format("{},{},{},{},{},{},{},{},{:.5f},{:.5f},{},{},{},{}\n", io::csv_text_field(incident.id), date, date.substr(0, 4),
                       time_precision, io::csv_text_field(acled_event_type(incident.category)),
                       io::csv_text_field(fmt::format("{}; target {}; weapon {}", to_string(incident.category),
                                             to_string(incident.target_kind), to_string(incident.weapon_class))),
                       io::csv_text_field(actors.empty() ? "not stated" : "as claimed: " + actors), io::csv_text_field(places),
                       incident.position.lat, incident.position.lon, geo_precision, io::csv_text_field(outlets),
                       io::csv_text_field(fmt::format("{} reports; grade {}; country {}{}{}", incident.reports.size(),
                                             result.grades[index].code(), incident.country.empty() ? "unknown" : incident.country,
                                             incident.area.empty() ? "" : "; located only to area " + incident.area,
                                             incident.out_of_theatre ? "; outside the theatre, not judged" : "")),
                       fatalities);
  }
}

namespace {
nlohmann::json unregistered_outlets(const VerifyResult& result) {
  // Outlet -> incidents naming it, for the page's warning: these outlets counted for nothing.
  std::map<std::string, std::size_t> incidents_by_outlet;
  for (const auto& grade : result.grades)
    for (const auto& outlet : grade.unregistered) ++incidents_by_outlet[outlet];
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [outlet, count] : incidents_by_outlet) out[outlet] = count;
  return out;
}
}  // namespace

nlohmann::json finding_to_json(const VerifyResult& result, const Finding& finding) {
  nlohmann::json item = to_json(finding);
  const Incident& incident = result.clusters.incidents[finding.incident];
  item["date"] = format_date(incident.first_s);
  item["position"] = {incident.position.lon, incident.position.lat};
  nlohmann::json sources = nlohmann::json::array();
  for (std::size_t member : incident.reports)
    sources.push_back({{"report", result.reports[member].id}, {"outlets", result.reports[member].outlets},
                       {"origin", result.reports[member].origin}});
  item["sources"] = sources;
  return item;
}

namespace {
// Everything findings.json holds; the findings themselves only with `with_findings` (the
// streaming writer adds them one at a time).
nlohmann::json findings_summary(const VerifyResult& result, bool with_findings) {
  nlohmann::json provisions = nlohmann::json::array();
  for (const auto& provision : result.agreement.provisions) {
    nlohmann::json counts{{"violation", 0}, {"no_violation", 0}, {"undetermined", 0}};
    for (const auto& finding : result.findings)
      if (finding.provision_id == provision.id) counts[std::string(to_string(finding.outcome))] = counts[std::string(to_string(finding.outcome))].get<int>() + 1;
    provisions.push_back({{"id", provision.id},
                          {"title", provision.title},
                          {"window_from", format_date(provision.from_s)},
                          {"window_until", provision.until_s ? format_date(*provision.until_s) : ""},
                          {"parties", provision.parties},
                          {"release_clause", provision.release_clause},
                          {"sources", provision.sources},
                          {"counts", counts}});
  }
  nlohmann::json findings = nlohmann::json::array();
  nlohmann::json by_day = nlohmann::json::object();
  nlohmann::json by_side = nlohmann::json::object();
  for (const auto& finding : result.findings) {
    if (with_findings) findings.push_back(finding_to_json(result, finding));
    const std::string outcome(to_string(finding.outcome));
    auto& day = by_day[format_date(result.clusters.incidents[finding.incident].first_s)][finding.provision_id];
    day[outcome] = day.contains(outcome) ? day[outcome].get<int>() + 1 : 1;
    for (const auto& [side, claim] : finding.claims_or_empty()) {
      auto& entry = by_side[side.empty() ? "independent" : side][finding.provision_id];
      entry[outcome] = entry.contains(outcome) ? entry[outcome].get<int>() + 1 : 1;
    }
  }
  return {{"agreement", result.agreement.name},
          {"counts", result.counts()},
          {"unregistered_outlets", unregistered_outlets(result)},
          {"out_of_theatre", [&] {
             nlohmann::json ids = nlohmann::json::array();
             for (const auto& incident : result.clusters.incidents)
               if (incident.out_of_theatre) ids.push_back(incident.id);
             return ids;
           }()},
          {"inputs", [&] {
             nlohmann::json inputs = nlohmann::json::array();
             for (const auto& input : result.inputs)
               inputs.push_back({{"path", input.path}, {"format", input.format}, {"sha256", input.sha256},
                                 {"rows", input.rows}, {"read", input.read}, {"rejected", input.rejected}});
             return inputs;
           }()},
          {"rejected", [&] {
             nlohmann::json rejected = nlohmann::json::array();
             for (const auto& r : result.rejected) rejected.push_back({{"where", r.where}, {"reason", r.reason}});
             return rejected;
           }()},
          {"provisions", provisions},
          {"findings", findings},
          {"by_day", by_day},
          {"by_side", by_side},
          {"evidence_log_head", result.log_head}};
}
}  // namespace

nlohmann::json findings_json(const VerifyResult& result) { return findings_summary(result, true); }

void write_findings_json(const VerifyResult& result, std::ostream& out) {
  constexpr auto REPLACE = nlohmann::json::error_handler_t::replace;
  const nlohmann::json summary = findings_summary(result, false);
  out << '{';
  bool first = true;
  for (const auto& [key, value] : summary.items()) {
    out << (first ? "\n" : ",\n") << nlohmann::json(key).dump() << ": ";
    first = false;
    if (key != "findings") {
      out << value.dump(-1, ' ', false, REPLACE);
      continue;
    }
    out << '[';
    for (std::size_t index = 0; index < result.findings.size(); ++index)
      out << (index == 0 ? "\n" : ",\n") << finding_to_json(result, result.findings[index]).dump(-1, ' ', false, REPLACE);
    out << "\n]";
  }
  out << "\n}\n";
}

}  // namespace guarantor::verify
