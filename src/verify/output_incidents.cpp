#include <cmath>
#include <map>
#include <ostream>

#include <fmt/format.h>

#include "canonical_json.hpp"
#include "guarantor/core/date.hpp"
#include "guarantor/io/csv_writer.hpp"
#include "guarantor/verify/outputs.hpp"
#include "guarantor/verify/verify_json.hpp"
#include "ordered_text.hpp"

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

namespace {

constexpr std::string_view GEOJSON_OPENING = "{\"type\": \"FeatureCollection\", \"features\": [";
constexpr std::string_view GEOJSON_CLOSING = "\n]}\n";

// The features of incidents [first, last) with their findings (`findings`: those of these
// incidents, in any order). Each feature is the bytes nlohmann's dump of {geometry, properties,
// type} gives (keys sorted), built straight into text a chunk of incidents at a time: memory
// stays that of a few MiB.
// Why each later report joined: report id, distance to the incident and the gate allowed, gap
// between the time spans, the rule, the incidents that passed the gates, and the incident's
// extent and span after the merge (keys sorted, as nlohmann writes them).
void append_merges(std::string& text, const VerifyResult& result, const MergesByIncident& merges,
                   std::size_t incident) {
  const std::size_t first = merges.offsets[incident];
  detail::append_json_array(text, merges.offsets[incident + 1] - first, [&](std::size_t k) {
    const MergeExplanation& merge = result.clusters.merges[merges.order[first + k]];
    detail::JsonObjectWriter object(text);
    object.number("candidates", static_cast<std::uint64_t>(merge.candidates));
    object.number("distance_m", std::round(merge.distance_m));
    object.number("extent_m", std::round(merge.extent_m));
    object.number("gate_m", std::round(merge.gate_m));
    object.string("report", result.reports[merge.report].id);
    object.string("rule", merge_rule_name(merge));
    object.number("span_s", static_cast<std::int64_t>(merge.span_s));
    object.number("time_gap_s", static_cast<std::int64_t>(merge.time_apart_s));
    object.close();
  });
}

void write_features(std::ostream& out, const VerifyResult& result, std::size_t first, std::size_t last,
                    const std::vector<Finding>& findings, const MergesByIncident& merges, unsigned threads) {
  const auto& incidents = result.clusters.incidents;
  std::vector<std::size_t> first_finding(last - first + 1, 0);
  for (const auto& finding : findings) ++first_finding[finding.incident - first + 1];
  for (std::size_t index = 1; index < first_finding.size(); ++index) first_finding[index] += first_finding[index - 1];
  std::vector<std::size_t> by_incident(findings.size());
  {
    std::vector<std::size_t> next(first_finding.begin(), first_finding.end() - 1);
    for (std::size_t index = 0; index < findings.size(); ++index)
      by_incident[next[findings[index].incident - first]++] = index;
  }
  detail::write_records_in_order(
      out, last - first,
      [&](std::size_t offset, std::string& text) {
        const std::size_t index = first + offset;
        const Incident& incident = incidents[index];
        text += index == 0 ? "\n" : ",\n";
        text += "{\"geometry\":{\"coordinates\":";
        detail::append_position(text, incident.position);
        text += R"(,"type":"Point"},"properties":)";
        detail::JsonObjectWriter properties(text);
        properties.string("area", incident.area);
        properties.string("area_name", incident.area_name);
        properties.string("category", to_string(incident.category));
        properties.string("country", incident.country);
        const std::size_t first_of_incident = first_finding[offset];
        detail::append_json_array(properties.member("findings"), first_finding[offset + 1] - first_of_incident,
                                  [&](std::size_t k) {
                                    const Finding& finding = findings[by_incident[first_of_incident + k]];
                                    detail::JsonObjectWriter entry(text);
                                    entry.string("outcome", to_string(finding.outcome));
                                    entry.string("provision", finding.provision_id);
                                    entry.close();
                                  });
        properties.string("first", format_datetime(incident.first_s));
        properties.string("first_report", result.reports[incident.reports.front()].id);
        properties.string("grade", result.grades[index].code());
        properties.string("id", incident.id);
        properties.string("last", format_datetime(incident.last_s));
        append_merges(properties.member("merges"), result, merges, index);
        properties.boolean("out_of_theatre", incident.out_of_theatre);
        properties.string("precision", to_string(incident.precision));
        detail::append_json_array(properties.member("reports"), incident.reports.size(), [&](std::size_t k) {
          detail::append_json_string(text, result.reports[incident.reports[k]].id);
        });
        properties.boolean("target_contested", incident.target_contested);
        properties.string("target_kind", to_string(incident.target_kind));
        properties.number("uncertainty_m", incident.uncertainty_m);
        properties.string("weapon_class", to_string(incident.weapon_class));
        properties.close();
        text += R"(,"type":"Feature"})";
      },
      threads);
}

}  // namespace

void write_incidents_geojson(const VerifyResult& result, std::ostream& out, unsigned threads) {
  out << GEOJSON_OPENING;
  write_features(out, result, 0, result.clusters.incidents.size(), result.findings, merges_by_incident(result.clusters),
                 threads);
  out << GEOJSON_CLOSING;
}

IncidentsGeojsonStream::IncidentsGeojsonStream(std::ostream& out, unsigned threads) : out_(out), threads_(threads) {
  out_ << GEOJSON_OPENING;
}

void IncidentsGeojsonStream::add(const VerifyResult& result, std::size_t first, std::size_t last,
                                 const std::vector<Finding>& findings) {
  // The incidents' merges are indexed once, at the first block: clustering is done by then.
  if (!merges_) merges_ = std::make_unique<MergesByIncident>(merges_by_incident(result.clusters));
  write_features(out_, result, first, last, findings, *merges_, threads_);
}

void IncidentsGeojsonStream::finish() { out_ << GEOJSON_CLOSING; }

void write_incidents_acled_csv(const VerifyResult& result, std::ostream& out, unsigned threads) {
  out << "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,location,latitude,longitude,"
         "geo_precision,source,notes,fatalities\n";
  detail::write_records_in_order(
      out, result.clusters.incidents.size(),
      [&](std::size_t index, std::string& text) {
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
        fmt::format_to(
            std::back_inserter(text), "{},{},{},{},{},{},{},{},{:.5f},{:.5f},{},{},{},{}\n",
            io::csv_text_field(incident.id), date, date.substr(0, 4), time_precision,
            io::csv_text_field(acled_event_type(incident.category)),
            io::csv_text_field(fmt::format("{}; target {}; weapon {}", to_string(incident.category),
                                           to_string(incident.target_kind), to_string(incident.weapon_class))),
            io::csv_text_field(actors.empty() ? "not stated" : "as claimed: " + actors), io::csv_text_field(places),
            incident.position.lat, incident.position.lon, geo_precision, io::csv_text_field(outlets),
            io::csv_text_field(fmt::format(
                "{} reports; grade {}; country {}{}{}", incident.reports.size(), result.grades[index].code(),
                !incident.country.empty()  ? incident.country
                : incident.country_checked ? "none (at sea or beyond the outlines)"
                                           : "unknown",
                incident.area.empty()
                    ? ""
                    : fmt::format("; located only to area {} ({})", incident.area, incident.area_name),
                incident.out_of_theatre ? "; outside the theatre, not judged" : "")),
            fatalities);
      },
      threads);
}

}  // namespace guarantor::verify
