// The summary of a findings version under the monitoring page's filters: what its first view
// draws (counts, the timeline per provision and party, the accusations of each side, the map)
// without sending the findings themselves.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>

#include "findings_index.hpp"

namespace guarantor::server {

namespace {
using nlohmann::json;

// Web Mercator's latitude limit: the square world of the map's tiles.
constexpr double MERCATOR_MAX_LAT = 85.0511287798;
constexpr double TILE_PX = 256.0;

using Counts = std::array<std::int64_t, FINDING_OUTCOMES.size()>;
constexpr std::uint32_t NO_SLOT = std::numeric_limits<std::uint32_t>::max();

json outcomes_json(const Counts& counts) {
  json object = json::object();
  for (std::size_t at = 0; at < FINDING_OUTCOMES.size(); ++at) object[FINDING_OUTCOMES.at(at)] = counts.at(at);
  return object;
}

// {text: counts} of the keys counted at least once, `texts` naming the keys.
json counts_json(const std::vector<Counts>& by_key, const std::vector<std::string>& texts) {
  json object = json::object();
  for (std::size_t key = 0; key < by_key.size(); ++key) {
    const Counts& counts = by_key[key];
    if (counts[0] + counts[1] + counts[2] > 0) object[texts[key]] = outcomes_json(counts);
  }
  return object;
}

// What each party claims under one provision.
struct PartyCell {
  std::int64_t findings = 0;
  Counts outcomes{};
  std::map<std::uint32_t, std::int64_t> actors;                        // actor key -> reports
  std::map<std::uint32_t, std::pair<std::int64_t, std::size_t>> days;  // date key -> (findings, most serious)
};

struct MapIncident {
  std::string incident, date;
  std::string area, area_name;  ///< the admin area it is located only to, else ""

  double lon = 0, lat = 0;
  std::size_t worst = 0;
  std::int64_t findings = 0;
};

struct MapCell {
  double lon_sum = 0, lat_sum = 0;
  std::int64_t incidents = 0;
  std::size_t worst = FINDING_OUTCOMES.size();
  double west = 180, south = 90, east = -180, north = -90;
};

// The cell of a position at `zoom`: Web Mercator pixels divided by the cell width.
std::pair<std::int64_t, std::int64_t> cell_of(double lon, double lat, int zoom) {
  const double world_px = TILE_PX * std::ldexp(1.0, zoom);
  const double phi = std::clamp(lat, -MERCATOR_MAX_LAT, MERCATOR_MAX_LAT) * std::numbers::pi / 180.0;
  const double x = (lon + 180.0) / 360.0 * world_px;
  const double y = (1.0 - std::asinh(std::tan(phi)) / std::numbers::pi) / 2.0 * world_px;
  return {static_cast<std::int64_t>(std::floor(x / MAP_CELL_PX)),
          static_cast<std::int64_t>(std::floor(y / MAP_CELL_PX))};
}

bool inside(const std::optional<std::array<double, 4>>& bbox, double lon, double lat) {
  return !bbox || (lon >= (*bbox)[0] && lat >= (*bbox)[1] && lon <= (*bbox)[2] && lat <= (*bbox)[3]);
}

json map_part(const std::vector<MapIncident>& incidents, std::int64_t unplaced, const MapRequest& request) {
  json points = json::array();
  json cells = json::array();
  const bool aggregated = incidents.size() > request.max_points;
  if (!aggregated) {
    for (const auto& incident : incidents) {
      json point = {{"incident", incident.incident},
                    {"lon", incident.lon},
                    {"lat", incident.lat},
                    {"date", incident.date},
                    {"worst", FINDING_OUTCOMES.at(incident.worst)},
                    {"findings", incident.findings}};
      // The position of an incident located only to an admin area stands for the whole area.
      if (!incident.area.empty()) {
        point["area"] = incident.area;
        point["area_name"] = incident.area_name;
      }
      points.push_back(std::move(point));
    }
  } else {
    std::map<std::pair<std::int64_t, std::int64_t>, MapCell> by_cell;
    for (const auto& incident : incidents) {
      auto& cell = by_cell[cell_of(incident.lon, incident.lat, request.zoom)];
      cell.lon_sum += incident.lon;
      cell.lat_sum += incident.lat;
      ++cell.incidents;
      cell.worst = std::min(cell.worst, incident.worst);
      cell.west = std::min(cell.west, incident.lon);
      cell.east = std::max(cell.east, incident.lon);
      cell.south = std::min(cell.south, incident.lat);
      cell.north = std::max(cell.north, incident.lat);
    }
    for (const auto& [key, cell] : by_cell) {
      const auto n = static_cast<double>(cell.incidents);
      cells.push_back({{"lon", cell.lon_sum / n},
                       {"lat", cell.lat_sum / n},
                       {"incidents", cell.incidents},
                       {"worst", FINDING_OUTCOMES.at(cell.worst)},
                       {"bounds", {cell.west, cell.south, cell.east, cell.north}}});
    }
  }
  json map = {{"zoom", request.zoom},     {"max_points", request.max_points}, {"incidents", incidents.size()},
              {"unplaced", unplaced},     {"aggregated", aggregated},         {"points", std::move(points)},
              {"cells", std::move(cells)}};
  if (request.bbox) map["bbox"] = *request.bbox;
  return map;
}
}  // namespace

json findings_summary(const FindingsIndex& index, const FindingsFilter& filter, const MapRequest& map) {
  // Counted into arrays by the findings' keys (findings_index.hpp): a version of 200,000
  // findings is counted on every filter change and map move, and maps keyed by text took seconds.
  const FindingKeyTexts& keys = index.keys;
  Counts by_outcome{};
  std::vector<Counts> by_provision(keys.provisions.size()), by_party(keys.parties.size()), by_grade(keys.grades.size()),
      by_day(keys.dates.size());
  std::vector<PartyCell> by_provision_party(keys.provisions.size() * keys.parties.size());
  std::vector<MapIncident> on_map;
  std::vector<std::uint32_t> map_slot(keys.incidents.size(), NO_SLOT);
  std::vector<bool> incident_passes(keys.incidents.size(), false);
  std::int64_t passing = 0, unplaced = 0, incidents = 0;
  for (const auto& finding : index.findings) {
    if (!filter.passes(finding)) continue;
    ++passing;
    const std::size_t outcome = finding.outcome;
    ++by_outcome.at(outcome);
    ++by_provision[finding.provision_key].at(outcome);
    ++by_grade[finding.grade_key].at(outcome);
    if (!finding.date.empty()) ++by_day[finding.date_key].at(outcome);
    for (const auto& [party, actors] : finding.claim_keys) {
      ++by_party[party].at(outcome);
      auto& cell = by_provision_party[finding.provision_key * keys.parties.size() + party];
      ++cell.findings;
      ++cell.outcomes.at(outcome);
      for (const auto& [actor, reports] : actors) cell.actors[actor] += reports;
      if (finding.date.empty()) continue;
      auto& day = cell.days.try_emplace(finding.date_key, 0, outcome).first->second;
      ++day.first;
      day.second = std::min(day.second, outcome);
    }
    if (!incident_passes[finding.incident_key]) {
      incident_passes[finding.incident_key] = true;
      ++incidents;
    }
    if (!finding.position) {
      ++unplaced;
      continue;
    }
    const auto [lon, lat] = *finding.position;
    if (!inside(map.bbox, lon, lat)) continue;
    std::uint32_t& slot = map_slot[finding.incident_key];
    if (slot == NO_SLOT) {
      slot = static_cast<std::uint32_t>(on_map.size());
      on_map.push_back({finding.incident, finding.date, finding.area, finding.area_name, lon, lat, outcome, 0});
    }
    auto& incident = on_map[slot];
    ++incident.findings;
    incident.worst = std::min(incident.worst, outcome);
  }
  // Cells in (provision, party) key order, which is their texts' order.
  json pairs = json::array();
  for (std::size_t at = 0; at < by_provision_party.size(); ++at) {
    const PartyCell& cell = by_provision_party[at];
    if (cell.findings == 0) continue;
    json actors = json::object();
    for (const auto& [actor, reports] : cell.actors) actors[keys.actors[actor]] = reports;
    json days = json::object();
    for (const auto& [date, day] : cell.days)
      days[keys.dates[date]] = {{"findings", day.first}, {"worst", FINDING_OUTCOMES.at(day.second)}};
    pairs.push_back({{"provision", keys.provisions[at / keys.parties.size()]},
                     {"party", keys.parties[at % keys.parties.size()]},
                     {"findings", cell.findings},
                     {"outcomes", outcomes_json(cell.outcomes)},
                     {"actors", std::move(actors)},
                     {"days", std::move(days)}});
  }
  return {{"agreement", index.agreement},
          {"findings", passing},
          {"incidents", incidents},
          {"total_findings", index.findings.size()},
          {"choices",
           {{"provisions", index.provisions},
            {"parties", keys.parties},
            {"grades", index.grades},
            {"first_date", index.first_date},
            {"last_date", index.last_date}}},
          {"by_outcome", outcomes_json(by_outcome)},
          {"by_provision", counts_json(by_provision, keys.provisions)},
          {"by_party", counts_json(by_party, keys.parties)},
          {"by_grade", counts_json(by_grade, keys.grades)},
          {"by_day", counts_json(by_day, keys.dates)},
          {"by_provision_party", std::move(pairs)},
          {"map", map_part(on_map, unplaced, map)}};
}

}  // namespace guarantor::server
