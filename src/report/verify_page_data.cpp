#include "verify_page_data.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

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

// What the page keeps of an incident it may list: its findings (copies sharing the grade and
// claims) are formatted only if it is listed in the end.
struct Candidate {
  std::size_t index = 0;                   ///< into the incidents
  int worst = 3;                           ///< severity() of the most serious finding (3: none)
  UnixSeconds first_s = 0;
  std::set<std::string> parties;           ///< claimed actors over every side's claims ("not stated" when none)
  std::vector<verify::Finding> findings;
};

// Most serious first, then the latest, then the earliest incident (a stable sort's order).
bool listed_before(const Candidate& a, const Candidate& b) {
  return std::make_tuple(a.worst, -a.first_s, a.index) < std::make_tuple(b.worst, -b.first_s, b.index);
}

struct Cell {
  std::size_t total = 0;
  std::array<int, BY_SEVERITY.size()> by_severity{};
  std::vector<Candidate> top;  ///< the most serious incidents, in listed_before order
};

}  // namespace

struct VerifyPageData::State {
  VerifyPageLimits limits;
  std::size_t incident_count = 0;
  bool aggregated = false;
  std::vector<Candidate> all;                    ///< every incident, when not aggregated
  std::map<std::pair<long, long>, Cell> cells;   ///< when aggregated
  // Timeline: per provision and claimed party, findings per day by outcome.
  std::map<std::pair<std::string, std::string>, std::map<std::string, std::array<int, 3>>> timeline;
  std::map<std::string, std::array<int, 3>> provision_counts;
};

VerifyPageData::VerifyPageData(const VerifyPageLimits& limits) : state_(std::make_unique<State>()) {
  state_->limits = limits;
}

VerifyPageData::~VerifyPageData() = default;

void VerifyPageData::add(const verify::VerifyResult& result, std::size_t first, std::size_t last,
                         const std::vector<verify::Finding>& findings) {
  State& s = *state_;
  const auto& incidents = result.clusters.incidents;
  s.incident_count = incidents.size();
  s.aggregated = incidents.size() > s.limits.point_limit;
  // The block's findings by incident, each incident's in their order.
  std::vector<std::size_t> first_finding(last - first + 1, 0);
  for (const auto& finding : findings) ++first_finding[finding.incident - first + 1];
  for (std::size_t k = 1; k < first_finding.size(); ++k) first_finding[k] += first_finding[k - 1];
  std::vector<std::size_t> by_incident(findings.size());
  {
    std::vector<std::size_t> next(first_finding.begin(), first_finding.end() - 1);
    for (std::size_t k = 0; k < findings.size(); ++k) by_incident[next[findings[k].incident - first]++] = k;
  }
  const std::size_t keep_per_cell = std::max<std::size_t>(1, s.limits.per_cell);
  for (std::size_t index = first; index < last; ++index) {
    Candidate c;
    c.index = index;
    c.first_s = incidents[index].first_s;
    const std::size_t from = first_finding[index - first], to = first_finding[index - first + 1];
    for (std::size_t k = from; k < to; ++k) {
      const verify::Finding& finding = findings[by_incident[k]];
      c.worst = std::min(c.worst, severity(verify::to_string(finding.outcome)));
      // An incident's findings share one claims map: its parties are read once.
      if (k > from && finding.claims == findings[by_incident[from]].claims) continue;
      for (const auto& [side, claim] : finding.claims_or_empty())
        for (const auto& [actor, reports] : claim.actors) c.parties.insert(actor.empty() ? "not stated" : actor);
    }
    if (c.parties.empty()) c.parties.insert("not stated");
    // The timeline and the provisions' counts; the day is formatted once per incident.
    const std::string day = from < to ? format_date(c.first_s) : std::string();
    for (std::size_t k = from; k < to; ++k) {
      const verify::Finding& finding = findings[by_incident[k]];
      const int slot = std::min(2, severity(verify::to_string(finding.outcome)));
      for (const std::string& party : c.parties)
        ++s.timeline[{finding.provision_id, party}][day][static_cast<std::size_t>(slot)];
      ++s.provision_counts[finding.provision_id][static_cast<std::size_t>(slot)];
    }
    const auto keep_findings = [&] {
      for (std::size_t k = from; k < to; ++k) c.findings.push_back(findings[by_incident[k]]);
    };
    if (!s.aggregated) {
      keep_findings();
      s.all.push_back(std::move(c));
      continue;
    }
    const auto& p = incidents[index].position;
    Cell& cell = s.cells[{std::lround(std::floor(p.lon / s.limits.cell_deg)), std::lround(std::floor(p.lat / s.limits.cell_deg))}];
    ++cell.total;
    ++cell.by_severity[static_cast<std::size_t>(c.worst)];
    if (cell.top.size() == keep_per_cell && !listed_before(c, cell.top.back())) continue;
    keep_findings();
    cell.top.insert(std::upper_bound(cell.top.begin(), cell.top.end(), c, listed_before), std::move(c));
    if (cell.top.size() > keep_per_cell) cell.top.pop_back();
  }
}

json VerifyPageData::finish(const verify::VerifyResult& result) const {
  const State& s = *state_;
  const VerifyPageLimits& limits = s.limits;
  const auto& incidents = result.clusters.incidents;
  // Which incidents the page lists: all of them, or the most serious per grid cell.
  std::vector<const Candidate*> listed;
  json cells = json::array();
  if (!s.aggregated) {
    for (const Candidate& c : s.all) listed.push_back(&c);
  } else {
    const std::size_t per_cell =
        std::max<std::size_t>(1, std::min(limits.per_cell, limits.max_listed / std::max<std::size_t>(1, s.cells.size())));
    for (const auto& [key, cell] : s.cells) {
      json counts{{"violation", 0}, {"undetermined", 0}, {"no_violation", 0}, {"none", 0}};
      for (std::size_t level = 0; level < BY_SEVERITY.size(); ++level)
        counts[std::string(BY_SEVERITY[level])] = cell.by_severity[level];
      json items = json::array();
      for (std::size_t k = 0; k < std::min(per_cell, cell.top.size()) && listed.size() < limits.max_listed; ++k) {
        items.push_back(listed.size());
        listed.push_back(&cell.top[k]);
      }
      cells.push_back({{"lon", rounded(static_cast<double>(key.first) * limits.cell_deg)},
                       {"lat", rounded(static_cast<double>(key.second) * limits.cell_deg)},
                       {"total", cell.total},
                       {"counts", counts},
                       {"listed", items}});
    }
  }

  // Why the listed incidents' reports merged, in the order they merged.
  std::unordered_map<std::size_t, std::vector<std::size_t>> merges_of;
  for (const Candidate* c : listed) merges_of[c->index];
  for (std::size_t merge = 0; merge < result.clusters.merges.size(); ++merge)
    if (const auto it = merges_of.find(result.clusters.merges[merge].incident); it != merges_of.end())
      it->second.push_back(merge);

  json listed_json = json::array();
  for (const Candidate* c : listed) {
    const std::size_t index = c->index;
    const verify::Incident& incident = incidents[index];
    json findings = json::array();
    for (const verify::Finding& finding : c->findings) {
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
    const std::vector<std::size_t>& merge_indexes = merges_of[index];
    json merges = json::array();
    for (std::size_t k = 0; k < std::min(limits.merges_per_incident, merge_indexes.size()); ++k) {
      const verify::MergeExplanation& merge = result.clusters.merges[merge_indexes[k]];
      merges.push_back({{"report", result.reports[merge.report].id},
                        {"distance_m", std::lround(merge.distance_m)},
                        {"gate_m", std::lround(merge.gate_m)},
                        {"time_gap_s", merge.time_apart_s},
                        {"rule", verify::merge_rule_name(merge)},
                        {"candidates", merge.candidates}});
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
                           {"worst", BY_SEVERITY[static_cast<std::size_t>(c->worst)]},
                           {"parties", c->parties},
                           {"findings", std::move(findings)},
                           {"report_count", incident.reports.size()},
                           {"reports", std::move(reports)},
                           {"first_report", result.reports[incident.reports.front()].id},
                           {"merge_count", merge_indexes.size()},
                           {"merges", std::move(merges)}});
  }

  json timeline_json = json::array();
  for (const auto& [key, days] : s.timeline) {
    json rows = json::array();
    for (const auto& [day, counts] : days) rows.push_back({day, counts[0], counts[1], counts[2]});
    timeline_json.push_back({{"provision", key.first}, {"party", key.second}, {"days", std::move(rows)}});
  }

  json provisions = json::array();
  for (const auto& provision : result.agreement.provisions) {
    const auto found = s.provision_counts.find(provision.id);
    const std::array<int, 3> counts = found != s.provision_counts.end() ? found->second : std::array<int, 3>{};
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
          {"aggregated", s.aggregated},
          {"cell_deg", limits.cell_deg},
          {"cells", std::move(cells)},
          {"incidents", std::move(listed_json)},
          {"incident_total", incidents.size()},
          {"timeline", std::move(timeline_json)},
          {"rejected", std::move(rejected)},
          {"rejected_total", result.rejected.size()}};
}

json build_verify_page_data(const verify::VerifyResult& result, const VerifyPageLimits& limits) {
  VerifyPageData data(limits);
  data.add(result, 0, result.clusters.incidents.size(), result.findings);
  return data.finish(result);
}

}  // namespace guarantor::report::detail
