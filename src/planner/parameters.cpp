// Reads the planner's parameter files, reporting every missing or malformed number at once.
#include "guarantor/planner/parameters.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "guarantor/core/error.hpp"
#include "guarantor/core/sha256.hpp"

namespace guarantor::planner {

namespace {
using nlohmann::json;

struct Reader {
  std::string file;
  DiagnosticSink& sink;

  // A planning factor is {value, unit, source}; a bare number is refused so every number in
  // the file keeps its source next to it.
  double factor(const json& parent, const std::string& pointer, const std::string& key, bool positive = true) {
    const std::string where = fmt::format("{} {}/{}", file, pointer, key);
    if (!parent.is_object() || !parent.contains(key) || !parent[key].is_object() ||
        !parent[key].contains("value") || !parent[key]["value"].is_number()) {
      sink.add(ErrorCode::Schema, where, "missing; expected {\"value\": number, \"unit\": ..., \"source\": ...}");
      return 0;
    }
    const double value = parent[key]["value"].get<double>();
    if (positive ? !(value > 0) : !(value >= 0)) {
      sink.add(ErrorCode::Schema, where, fmt::format("got {}; expected a {} number", value, positive ? "positive" : "non-negative"));
    }
    return value;
  }

  std::vector<geo::LonLat> polyline(const json& parent, const std::string& key) {
    std::vector<geo::LonLat> points;
    const std::string where = fmt::format("{} /{}/points", file, key);
    if (!parent.contains(key) || !parent[key].contains("points") || !parent[key]["points"].is_array()) {
      sink.add(ErrorCode::Schema, where, "missing; expected an array of [lon, lat]");
      return points;
    }
    for (const auto& p : parent[key]["points"]) {
      if (!p.is_array() || p.size() != 2 || !p[0].is_number() || !p[1].is_number()) {
        sink.add(ErrorCode::Schema, where, "each point must be an array of two numbers [longitude, latitude]");
        continue;
      }
      const geo::UncheckedLonLat raw{p[0].get<double>(), p[1].get<double>()};
      if (!geo::is_valid(raw)) sink.add(ErrorCode::Schema, where, "a point is outside the WGS84 ranges");
      else points.push_back({raw.lon, raw.lat});
    }
    if (points.size() < 2) sink.add(ErrorCode::Schema, where, "needs at least two points");
    return points;
  }
};

json read_json(const std::filesystem::path& path, std::vector<InputFile>& files, DiagnosticSink& sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    sink.add(ErrorCode::FileNotFound, path.string(), "cannot be read; expected the planner parameters (data/planning)");
    return json::object();
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  files.push_back({fmt::format("planning.{}", path.stem().string()), path.string(), sha256_hex(text)});
  try {
    return json::parse(text);
  } catch (const json::parse_error& error) {
    sink.add(ErrorCode::Syntax, fmt::format("{} byte {}", path.string(), error.byte), "not well-formed JSON");
    return json::object();
  } catch (const json::exception& error) {
    // e.g. a number too large for a double (nlohmann reports it as out_of_range).
    sink.add(ErrorCode::Syntax, path.string(), fmt::format("not well-formed JSON ({})", error.what()));
    return json::object();
  }
}
// The gauge-break data: points with their daily throughput, routes from each rail crossing to
// its points (every point must have a throughput), and what a railhead unit adds.
void read_transshipment(const json& block, Reader& m, MovementParameters& mv) {
  const std::string at = "/transshipment";
  if (!block.is_object() || block.empty()) {
    m.sink.add(ErrorCode::Schema, m.file + " " + at, "missing; expected points_personnel_per_day, routes and added_by_unit_personnel_per_day");
    return;
  }
  const json points = block.value("points_personnel_per_day", json::object());
  for (const auto& [point, value] : points.items())
    if (point != "source") mv.transshipment_capacity[point] = m.factor(points, at + "/points_personnel_per_day", point);
  const json routes = block.value("routes", json::object());
  for (const auto& [crossing, list] : routes.items()) {
    if (crossing == "source") continue;
    const std::string where = fmt::format("{} {}/routes/{}", m.file, at, crossing);
    if (!list.is_array() || list.empty()) {
      m.sink.add(ErrorCode::Schema, where, "expected a non-empty array of transshipment point site ids");
      continue;
    }
    for (const auto& point : list) {
      if (!point.is_string() || !mv.transshipment_capacity.contains(point.get<std::string>())) {
        m.sink.add(ErrorCode::Schema, where,
                   fmt::format("{} is not a point of /transshipment/points_personnel_per_day", point.dump()));
        continue;
      }
      mv.transshipment_routes[crossing].push_back(point.get<std::string>());
    }
  }
  const json added = block.value("added_by_unit_personnel_per_day", json::object());
  for (const auto& [code, value] : added.items())
    if (code != "source") mv.transshipment_added[code] = m.factor(added, at + "/added_by_unit_personnel_per_day", code);
}
}  // namespace

std::string transshipment_route_key(std::string_view crossing, std::string_view point) {
  return fmt::format("movement.transshipment_route.{}|{}", crossing, point);
}

PlannerParameters load_parameters(const std::filesystem::path& planning_dir) {
  DiagnosticSink sink;
  PlannerParameters params;
  const json root = read_json(planning_dir / "parameters.json", params.files, sink);
  const json move = read_json(planning_dir / "movement.json", params.files, sink);
  sink.throw_if_any();

  Reader r{"parameters.json", sink};
  const json demand = root.value("demand", json::object());
  params.min_place_population = r.factor(demand, "/demand", "min_place_population", false);
  params.hub_population_weight = r.factor(demand, "/demand", "hub_population_weight", false);
  params.hub_energy_weight = r.factor(demand, "/demand", "hub_energy_weight", false);
  params.non_mw_energy_site_mw = r.factor(demand, "/demand", "non_mw_energy_site_mw", false);
  params.contact_line_sample_km = r.factor(demand, "/demand", "contact_line_sample_km");
  params.contact_line_border_clearance_km = r.factor(demand, "/demand", "contact_line_border_clearance_km", false);
  params.sea_lane_sample_km = r.factor(demand, "/demand", "sea_lane_sample_km");
  params.dnipro_line = r.polyline(root, "dnipro_line");
  params.sea_lane = r.polyline(root, "sea_lane");
  const json resource = root.value("site_resource", json::object());
  for (const auto* kind : {"airfield", "port", "rail_junction"}) {
    auto& target = std::string_view(kind) == "airfield" ? params.airfield_resource
                   : std::string_view(kind) == "port"   ? params.port_resource
                                                        : params.rail_junction_resource;
    const json table = resource.value(kind, json::object());
    for (const auto& [code, value] : table.items())
      target[code] = r.factor(table, fmt::format("/site_resource/{}", kind), code, false);
  }
  const json priorities = root.value("priority_weight", json::object()).value("values", json::object());
  for (const auto& [key, value] : priorities.items()) {
    if (!value.is_number() || value.get<double>() <= 0)
      sink.add(ErrorCode::Schema, fmt::format("parameters.json /priority_weight/values/{}", key), "expected a positive number");
    else
      params.priority_weight[std::atoi(key.c_str())] = value.get<double>();
  }
  if (params.priority_weight.empty())
    sink.add(ErrorCode::Schema, "parameters.json /priority_weight/values", "missing; expected {\"1\": weight, ...}");
  const json solver = root.value("solver", json::object());
  params.time_limit_s = r.factor(solver, "/solver", "time_limit_s");
  params.seed = static_cast<std::uint64_t>(r.factor(solver, "/solver", "seed", false));

  Reader m{"movement.json", sink};
  auto& mv = params.movement;
  mv.rail_km_per_day = m.factor(move, "", "rail_km_per_day");
  mv.road_km_per_day = m.factor(move, "", "road_km_per_day");
  mv.sea_km_per_day = m.factor(move, "", "sea_km_per_day");
  mv.air_deploy_days = m.factor(move, "", "air_deploy_days", false);
  mv.route_detour_factor = m.factor(move, "", "route_detour_factor");
  mv.gauge_transshipment_days = m.factor(move, "", "gauge_transshipment_days", false);
  const json throughput = move.value("crossing_throughput_personnel_per_day", json::object());
  for (const auto* kind : {"rail", "road", "road_rail"})
    mv.crossing_throughput[kind] = m.factor(throughput, "/crossing_throughput_personnel_per_day", kind);
  mv.airfield_c17_loads_per_day = m.factor(move, "", "airfield_c17_loads_per_day");
  mv.port_unit_loads_per_berth_per_day = m.factor(move, "", "port_unit_loads_per_berth_per_day");
  read_transshipment(move.value("transshipment", json::object()), m, mv);
  sink.throw_if_any();
  params.threat = load_threat_rules(planning_dir / "threat_axes.json", &params.files);
  params.forward = load_forward_posture(planning_dir / "forward_posture.json", &params.files);
  params.protection = load_protection_rules(planning_dir / "protection.json", &params.files);
  params.montreux = load_montreux(planning_dir / "montreux.json", &params.files);
  params.sea_routes = load_sea_routes(planning_dir / "sea_routes.json", &params.files);
  params.consent = load_host_consent(planning_dir / "host_consent.json", &params.files);
  params.hub_siting = load_hub_siting(planning_dir / "hub_siting.json", &params.files);
  return params;
}

std::map<std::string, double> PlannerParameters::flatten() const {
  std::map<std::string, double> flat{
      {"demand.min_place_population", min_place_population},
      {"demand.hub_population_weight", hub_population_weight},
      {"demand.hub_energy_weight", hub_energy_weight},
      {"demand.non_mw_energy_site_mw", non_mw_energy_site_mw},
      {"demand.contact_line_sample_km", contact_line_sample_km},
      {"demand.contact_line_border_clearance_km", contact_line_border_clearance_km},
      {"demand.sea_lane_sample_km", sea_lane_sample_km},
      {"solver.time_limit_s", time_limit_s},
      {"solver.seed", static_cast<double>(seed)},
      {"movement.rail_km_per_day", movement.rail_km_per_day},
      {"movement.road_km_per_day", movement.road_km_per_day},
      {"movement.sea_km_per_day", movement.sea_km_per_day},
      {"movement.air_deploy_days", movement.air_deploy_days},
      {"movement.route_detour_factor", movement.route_detour_factor},
      {"movement.gauge_transshipment_days", movement.gauge_transshipment_days},
      {"movement.airfield_c17_loads_per_day", movement.airfield_c17_loads_per_day},
      {"movement.port_unit_loads_per_berth_per_day", movement.port_unit_loads_per_berth_per_day}};
  for (const auto& [kind, value] : movement.crossing_throughput) flat["movement.crossing_throughput." + kind] = value;
  for (const auto& [code, value] : airfield_resource) flat["site_resource.airfield." + code] = value;
  for (const auto& [code, value] : port_resource) flat["site_resource.port." + code] = value;
  for (const auto& [code, value] : rail_junction_resource) flat["site_resource.rail_junction." + code] = value;
  for (const auto& [point, value] : movement.transshipment_capacity) flat["movement.transshipment." + point] = value;
  for (const auto& [crossing, points] : movement.transshipment_routes)
    for (const auto& point : points) flat[transshipment_route_key(crossing, point)] = 1.0;
  for (const auto& [code, value] : movement.transshipment_added) flat["movement.transshipment_added." + code] = value;
  for (const auto& [priority, value] : priority_weight) flat[fmt::format("priority_weight.{}", priority)] = value;
  hub_siting.flatten_into(flat);
  return flat;
}

PlannerParameters parameters_from_provenance(const std::map<std::string, double>& flat,
                                             const PlannerParameters& defaults) {
  PlannerParameters params = defaults;
  auto take = [&flat](const std::string& key, double& target) {
    if (const auto it = flat.find(key); it != flat.end()) target = it->second;
  };
  take("demand.min_place_population", params.min_place_population);
  take("demand.non_mw_energy_site_mw", params.non_mw_energy_site_mw);
  take("demand.contact_line_sample_km", params.contact_line_sample_km);
  take("demand.contact_line_border_clearance_km", params.contact_line_border_clearance_km);
  take("demand.sea_lane_sample_km", params.sea_lane_sample_km);
  for (auto& [code, value] : params.airfield_resource) take("site_resource.airfield." + code, value);
  for (auto& [code, value] : params.port_resource) take("site_resource.port." + code, value);
  for (const auto& [key, value] : flat) {
    if (key.starts_with("site_resource.airfield.")) params.airfield_resource[key.substr(23)] = value;
    if (key.starts_with("site_resource.port.")) params.port_resource[key.substr(19)] = value;
    if (key.starts_with("site_resource.rail_junction.")) params.rail_junction_resource[key.substr(28)] = value;
  }
  return params;
}

}  // namespace guarantor::planner
