// The summary of a findings version under the monitoring page's filters: what its first view
// draws (counts, the timeline per provision and party, the accusations of each side, the map)
// without sending the findings themselves.
#include <algorithm>
#include <cmath>
#include <numbers>
#include <unordered_map>
#include <unordered_set>

#include "findings_index.hpp"

namespace guarantor::server {

namespace {
using nlohmann::json;

// Web Mercator's latitude limit: the square world of the map's tiles.
constexpr double MERCATOR_MAX_LAT = 85.0511287798;
constexpr double TILE_PX = 256.0;

json zero_outcomes() {
  json counts = json::object();
  for (const char* outcome : FINDING_OUTCOMES) counts[outcome] = 0;
  return counts;
}

void count(json& counts_by_key, const std::string& key, const char* outcome) {
  auto& counts = counts_by_key[key];
  if (counts.is_null()) counts = zero_outcomes();
  counts[outcome] = counts[outcome].get<std::int64_t>() + 1;
}

// What each party claims under one provision.
struct PartyCell {
  std::int64_t findings = 0;
  std::array<std::int64_t, FINDING_OUTCOMES.size()> outcomes{};
  std::map<std::string, std::int64_t> actors;
  std::map<std::string, std::pair<std::int64_t, std::size_t>> days;  // date -> (findings, most serious)
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
  json by_outcome = zero_outcomes();
  json by_provision = json::object(), by_party = json::object(), by_grade = json::object(), by_day = json::object();
  std::map<std::pair<std::string, std::string>, PartyCell> by_provision_party;
  std::vector<MapIncident> on_map;
  std::unordered_map<std::string, std::size_t> map_slot;
  std::unordered_set<std::string> incidents;
  std::int64_t passing = 0, unplaced = 0;
  for (const auto& finding : index.findings) {
    if (!filter.passes(finding)) continue;
    ++passing;
    const char* outcome = FINDING_OUTCOMES.at(finding.outcome);
    by_outcome[outcome] = by_outcome[outcome].get<std::int64_t>() + 1;
    count(by_provision, finding.provision, outcome);
    count(by_grade, finding.grade, outcome);
    if (!finding.date.empty()) count(by_day, finding.date, outcome);
    for (const auto& [party, actors] : finding.parties) {
      count(by_party, party, outcome);
      auto& cell = by_provision_party[{finding.provision, party}];
      ++cell.findings;
      ++cell.outcomes.at(finding.outcome);
      for (const auto& [actor, reports] : actors) cell.actors[actor] += reports;
      if (finding.date.empty()) continue;
      auto& day = cell.days.try_emplace(finding.date, 0, finding.outcome).first->second;
      ++day.first;
      day.second = std::min(day.second, finding.outcome);
    }
    incidents.insert(finding.incident);
    if (!finding.position) {
      ++unplaced;
      continue;
    }
    const auto [lon, lat] = *finding.position;
    if (!inside(map.bbox, lon, lat)) continue;
    const auto [slot, added] = map_slot.try_emplace(finding.incident, on_map.size());
    if (added)
      on_map.push_back({finding.incident, finding.date, finding.area, finding.area_name, lon, lat, finding.outcome, 0});
    auto& incident = on_map[slot->second];
    ++incident.findings;
    incident.worst = std::min(incident.worst, finding.outcome);
  }
  json pairs = json::array();
  for (const auto& [key, cell] : by_provision_party) {
    json outcomes = json::object();
    for (std::size_t at = 0; at < FINDING_OUTCOMES.size(); ++at)
      outcomes[FINDING_OUTCOMES.at(at)] = cell.outcomes.at(at);
    json days = json::object();
    for (const auto& [date, day] : cell.days)
      days[date] = {{"findings", day.first}, {"worst", FINDING_OUTCOMES.at(day.second)}};
    pairs.push_back({{"provision", key.first},
                     {"party", key.second},
                     {"findings", cell.findings},
                     {"outcomes", outcomes},
                     {"actors", cell.actors},
                     {"days", std::move(days)}});
  }
  return {{"agreement", index.agreement},
          {"findings", passing},
          {"incidents", incidents.size()},
          {"total_findings", index.findings.size()},
          {"choices",
           {{"provisions", index.provisions},
            {"parties", index.parties},
            {"grades", index.grades},
            {"first_date", index.first_date},
            {"last_date", index.last_date}}},
          {"by_outcome", std::move(by_outcome)},
          {"by_provision", std::move(by_provision)},
          {"by_party", std::move(by_party)},
          {"by_grade", std::move(by_grade)},
          {"by_day", std::move(by_day)},
          {"by_provision_party", std::move(pairs)},
          {"map", map_part(on_map, unplaced, map)}};
}

}  // namespace guarantor::server
