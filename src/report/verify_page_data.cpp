#include "verify_page_data.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include "guarantor/core/date.hpp"

namespace guarantor::report::detail {
namespace {

using nlohmann::json;
using verify::Outcome;

constexpr int COORDINATE_DECIMALS = 4;  // about 10 m

double rounded(double value) {
  const double scale = std::pow(10.0, COORDINATE_DECIMALS);
  return std::round(value * scale) / scale;
}

// Most serious first: a violation, then undetermined, then no violation, then no finding.
int severity(std::string_view outcome) {
  if (outcome == "violation") return 0;
  if (outcome == "undetermined") return 1;
  if (outcome == "no_violation") return 2;
  return 3;
}

// UTF-8 safe cut: never inside a multi-byte sequence.
std::string cut_text(const std::string& text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "…";
}

// Outcome names by severity (index = severity()).
constexpr std::array<std::string_view, 4> BY_SEVERITY{"violation", "undetermined", "no_violation", "none"};

struct IncidentSummary {
  int worst = 3;                  ///< severity() of the most serious finding (3: none)
  std::set<std::string> parties;  ///< claimed actors over every side's claims ("not stated" when none)
  std::vector<std::size_t> findings;
};

}  // namespace

json build_verify_page_data(const verify::VerifyResult& result, const VerifyPageLimits& limits) {
  const auto& incidents = result.clusters.incidents;
  std::vector<IncidentSummary> summary(incidents.size());
  for (std::size_t index = 0; index < result.findings.size(); ++index) {
    const verify::Finding& finding = result.findings[index];
    IncidentSummary& s = summary[finding.incident];
    s.findings.push_back(index);
    s.worst = std::min(s.worst, severity(verify::to_string(finding.outcome)));
    // An incident's findings share one claims map: its parties are read once.
    if (s.findings.size() > 1 && finding.claims == result.findings[s.findings.front()].claims) continue;
    for (const auto& [side, claim] : finding.claims_or_empty())
      for (const auto& [actor, reports] : claim.actors) s.parties.insert(actor.empty() ? "not stated" : actor);
  }
  for (IncidentSummary& s : summary)
    if (s.parties.empty()) s.parties.insert("not stated");

  // Which incidents the page lists: all of them, or the most serious per grid cell.
  const bool aggregated = incidents.size() > limits.point_limit;
  std::vector<std::size_t> listed;
  json cells = json::array();
  if (!aggregated) {
    for (std::size_t index = 0; index < incidents.size(); ++index) listed.push_back(index);
  } else {
    std::map<std::pair<long, long>, std::vector<std::size_t>> by_cell;
    for (std::size_t index = 0; index < incidents.size(); ++index) {
      const auto& p = incidents[index].position;
      by_cell[{std::lround(std::floor(p.lon / limits.cell_deg)), std::lround(std::floor(p.lat / limits.cell_deg))}]
          .push_back(index);
    }
    const std::size_t per_cell =
        std::max<std::size_t>(1, std::min(limits.per_cell, limits.max_listed / std::max<std::size_t>(1, by_cell.size())));
    for (auto& [cell, members] : by_cell) {
      json counts{{"violation", 0}, {"undetermined", 0}, {"no_violation", 0}, {"none", 0}};
      std::array<int, BY_SEVERITY.size()> by_severity{};
      for (std::size_t member : members) ++by_severity[static_cast<std::size_t>(summary[member].worst)];
      for (std::size_t level = 0; level < BY_SEVERITY.size(); ++level)
        counts[std::string(BY_SEVERITY[level])] = by_severity[level];
      std::stable_sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
        const int sa = summary[a].worst, sb = summary[b].worst;
        return sa != sb ? sa < sb : incidents[a].first_s > incidents[b].first_s;
      });
      json items = json::array();
      for (std::size_t k = 0; k < std::min(per_cell, members.size()) && listed.size() < limits.max_listed; ++k) {
        items.push_back(listed.size());
        listed.push_back(members[k]);
      }
      cells.push_back({{"lon", rounded(static_cast<double>(cell.first) * limits.cell_deg)},
                       {"lat", rounded(static_cast<double>(cell.second) * limits.cell_deg)},
                       {"total", members.size()},
                       {"counts", counts},
                       {"listed", items}});
    }
  }

  json listed_json = json::array();
  for (std::size_t index : listed) {
    const verify::Incident& incident = incidents[index];
    const IncidentSummary& s = summary[index];
    json findings = json::array();
    for (std::size_t f : s.findings) {
      const verify::Finding& finding = result.findings[f];
      findings.push_back({{"provision", finding.provision_id},
                          {"outcome", verify::to_string(finding.outcome)},
                          {"reasons", finding.reasons()}});
    }
    json reports = json::array();
    for (std::size_t k = 0; k < std::min(limits.reports_per_incident, incident.reports.size()); ++k) {
      const verify::Report& report = result.reports[incident.reports[k]];
      reports.push_back({{"id", report.id},
                         {"outlets", report.outlets},
                         {"claimant", report.claimant},
                         {"actor", report.claimed_actor},
                         {"place", report.place_name},
                         {"time", format_datetime(report.time_s)},
                         {"text", cut_text(report.description, limits.text_chars)},
                         {"origin", report.origin}});
    }
    const verify::Grade& grade = result.grades[index];
    listed_json.push_back({{"id", incident.id},
                           {"lon", rounded(incident.position.lon)},
                           {"lat", rounded(incident.position.lat)},
                           {"first", format_datetime(incident.first_s)},
                           {"last", format_datetime(incident.last_s)},
                           {"category", verify::to_string(incident.category)},
                           {"target", verify::to_string(incident.target_kind)},
                           {"weapon", verify::to_string(incident.weapon_class)},
                           {"uncertainty_m", std::lround(incident.uncertainty_m)},
                           {"grade", grade.code()},
                           {"credibility", grade.credibility},
                           {"rationale", grade.rationale},
                           {"worst", BY_SEVERITY[static_cast<std::size_t>(s.worst)]},
                           {"parties", s.parties},
                           {"findings", std::move(findings)},
                           {"report_count", incident.reports.size()},
                           {"reports", std::move(reports)}});
  }

  // Timeline: per provision and claimed party, findings per day by outcome.
  // Keys view the findings' provision ids and the summaries' party names, which outlive the map;
  // the day is formatted once per incident (findings come in incident order).
  std::map<std::pair<std::string_view, std::string_view>, std::map<std::string, std::array<int, 3>>> timeline;
  std::size_t day_of = SIZE_MAX;
  std::string day;
  for (const verify::Finding& finding : result.findings) {
    if (finding.incident != day_of) {
      day_of = finding.incident;
      day = format_date(incidents[finding.incident].first_s);
    }
    const int slot = std::min(2, severity(verify::to_string(finding.outcome)));
    for (const std::string& party : summary[finding.incident].parties)
      ++timeline[{finding.provision_id, party}][day][static_cast<std::size_t>(slot)];
  }
  json timeline_json = json::array();
  for (const auto& [key, days] : timeline) {
    json rows = json::array();
    for (const auto& [day, counts] : days) rows.push_back({day, counts[0], counts[1], counts[2]});
    timeline_json.push_back({{"provision", key.first}, {"party", key.second}, {"days", std::move(rows)}});
  }

  json provisions = json::array();
  std::map<std::string_view, std::array<int, 3>> provision_counts;
  for (const verify::Finding& finding : result.findings)
    ++provision_counts[finding.provision_id][static_cast<std::size_t>(std::min(2, severity(verify::to_string(finding.outcome))))];
  for (const auto& provision : result.agreement.provisions) {
    const auto& counts = provision_counts[provision.id];
    provisions.push_back(
        {{"id", provision.id},
         {"title", provision.title},
         {"window_from", format_date(provision.from_s)},
         {"window_until", provision.until_s ? format_date(*provision.until_s) : ""},
         {"parties", provision.parties},
         {"release_clause", provision.release_clause},
         {"sources", provision.sources},
         {"counts", {{"violation", counts[0]}, {"undetermined", counts[1]}, {"no_violation", counts[2]}}}});
  }

  json rejected = json::array();
  for (std::size_t k = 0; k < std::min(limits.rejected_listed, result.rejected.size()); ++k)
    rejected.push_back({{"where", result.rejected[k].where}, {"reason", result.rejected[k].reason}});

  return {{"agreement", result.agreement.name},
          {"counts", result.counts()},
          {"time_zone", result.time_zone},
          {"local_times", result.local_times},
          {"log_head", result.log_head},
          {"provisions", std::move(provisions)},
          {"aggregated", aggregated},
          {"cell_deg", limits.cell_deg},
          {"cells", std::move(cells)},
          {"incidents", std::move(listed_json)},
          {"incident_total", incidents.size()},
          {"timeline", std::move(timeline_json)},
          {"rejected", std::move(rejected)},
          {"rejected_total", result.rejected.size()}};
}

}  // namespace guarantor::report::detail
