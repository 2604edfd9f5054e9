// Reads the planner's parameter files, reporting every missing or malformed number at once.
#include "guarantor/planner/parameters.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "guarantor/core/error.hpp"
#include "guarantor/io/json_fields.hpp"
#include "planning_json.hpp"

namespace guarantor::planner {

namespace {
using nlohmann::json;

// The parameter files give a block's source once for its numbers, so a factor here needs only
// {value, unit}; every number still sits next to its unit.
struct Reader {
  io::FieldReader& reader;

  // A planning factor is {value, unit, ...}; a bare number is refused so every number in the
  // file keeps its unit and source next to it.
  double factor(const json& parent, const std::string& pointer, const std::string& key, bool positive = true) {
    const std::string field = pointer + "/" + key;
    if (!parent.is_object() || !parent.contains(key) || !parent[key].is_object() ||
        !parent[key].contains("value") || !parent[key]["value"].is_number()) {
      reader.fail(ErrorCode::Schema, field, "missing; expected {\"value\": number, \"unit\": ..., \"source\": ...}");
      return 0;
    }
    const double value = parent[key]["value"].get<double>();
    if (positive ? !(value > 0) : !(value >= 0))
      reader.fail(ErrorCode::Schema, field, fmt::format("got {}; expected a {} number", value, positive ? "positive" : "non-negative"));
    detail::close_planning_factor(parent, reader, pointer, key);
    return value;
  }

  std::vector<geo::LonLat> polyline(const json& parent, const std::string& key) {
    std::vector<geo::LonLat> points;
    const std::string field = fmt::format("/{}/points", key);
    if (!parent.contains(key) || !parent[key].contains("points") || !parent[key]["points"].is_array()) {
      reader.fail(ErrorCode::Schema, field, "missing; expected an array of [lon, lat]");
      return points;
    }
    const json& list = parent[key]["points"];
    for (std::size_t i = 0; i < list.size(); ++i)
      if (auto point = reader.position_value(list[i], fmt::format("{}/{}", field, i))) points.push_back(*point);
    if (points.size() < 2) reader.fail(ErrorCode::Schema, field, "needs at least two points");
    detail::close_planning_object(parent[key], reader, "/" + key, {"points", "source"});
    return points;
  }
};

// The gauge-break data: points with their daily throughput, routes from each rail crossing to
// its points (every point must have a throughput), and what a railhead unit adds.
void read_transshipment(const json& block, Reader& m, MovementParameters& mv) {
  const std::string at = "/transshipment";
  if (!block.is_object() || block.empty()) {
    m.reader.fail(ErrorCode::Schema, at, "missing; expected points_personnel_per_day, routes and added_by_unit_personnel_per_day");
    return;
  }
  const json points = block.value("points_personnel_per_day", json::object());
  for (const auto& [point, value] : points.items())
    if (point != "source") mv.transshipment_capacity[point] = m.factor(points, at + "/points_personnel_per_day", point);
  const json routes = block.value("routes", json::object());
  for (const auto& [crossing, list] : routes.items()) {
    if (crossing == "source") continue;
    const std::string where = fmt::format("{}/routes/{}", at, crossing);
    if (!list.is_array() || list.empty()) {
      m.reader.fail(ErrorCode::Schema, where, "expected a non-empty array of transshipment point site ids");
      continue;
    }
    for (const auto& point : list) {
      if (!point.is_string() || !mv.transshipment_capacity.contains(point.get<std::string>())) {
        m.reader.fail(ErrorCode::Schema, where,
                      fmt::format("{} is not a point of /transshipment/points_personnel_per_day", point.dump()));
        continue;
      }
      mv.transshipment_routes[crossing].push_back(point.get<std::string>());
    }
  }
  const json added = block.value("added_by_unit_personnel_per_day", json::object());
  for (const auto& [code, value] : added.items())
    if (code != "source") mv.transshipment_added[code] = m.factor(added, at + "/added_by_unit_personnel_per_day", code);
  detail::close_planning_object(block, m.reader, at,
                                {"description", "points_personnel_per_day", "routes", "added_by_unit_personnel_per_day"});
}
}  // namespace

std::string transshipment_route_key(std::string_view crossing, std::string_view point) {
  return fmt::format("movement.transshipment_route.{}|{}", crossing, point);
}

PlannerParameters load_parameters(const std::filesystem::path& planning_dir) {
  DiagnosticSink sink;
  PlannerParameters params;
  const io::JsonFile parameters_file = detail::read_planning_json(planning_dir / "parameters.json", sink, &params.files);
  const io::JsonFile movement_file = detail::read_planning_json(planning_dir / "movement.json", sink, &params.files);
  sink.throw_if_any();
  const json& root = parameters_file.root;
  const json& move = movement_file.root;

  io::FieldReader parameters_reader(parameters_file, sink);
  Reader r{parameters_reader};
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
      parameters_reader.fail(ErrorCode::Schema, fmt::format("/priority_weight/values/{}", key), "expected a positive number");
    else
      params.priority_weight[std::atoi(key.c_str())] = value.get<double>();
  }
  if (params.priority_weight.empty())
    parameters_reader.fail(ErrorCode::Schema, "/priority_weight/values", "missing; expected {\"1\": weight, ...}");
  const json solver = root.value("solver", json::object());
  params.time_limit_s = r.factor(solver, "/solver", "time_limit_s");
  params.seed = static_cast<std::uint64_t>(r.factor(solver, "/solver", "seed", false));
  // The objects whose members are a fixed set are closed; tables keyed by capability code or
  // priority are open (their keys are data), their entries still checked as factors.
  detail::close_planning_object(root, parameters_reader, "",
                                {"description", "demand", "dnipro_line", "sea_lane", "site_resource", "priority_weight", "solver"});
  detail::close_planning_object(demand, parameters_reader, "/demand",
                                {"source", "min_place_population", "hub_population_weight", "hub_energy_weight",
                                 "non_mw_energy_site_mw", "contact_line_sample_km", "contact_line_border_clearance_km",
                                 "sea_lane_sample_km"});
  detail::close_planning_object(resource, parameters_reader, "/site_resource", {"description", "airfield", "port", "rail_junction"});
  detail::close_planning_object(root.value("priority_weight", json::object()), parameters_reader, "/priority_weight",
                                {"source", "values"});
  detail::close_planning_object(solver, parameters_reader, "/solver", {"source", "time_limit_s", "seed"});

  io::FieldReader movement_reader(movement_file, sink);
  Reader m{movement_reader};
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
  detail::close_planning_object(throughput, movement_reader, "/crossing_throughput_personnel_per_day",
                                {"source", "rail", "road", "road_rail"});
  detail::close_planning_object(move, movement_reader, "",
                                {"description", "rail_km_per_day", "road_km_per_day", "sea_km_per_day", "air_deploy_days",
                                 "route_detour_factor", "gauge_transshipment_days", "airfield_c17_loads_per_day",
                                 "port_unit_loads_per_berth_per_day", "crossing_throughput_personnel_per_day",
                                 "transshipment"});
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
