// plan.geojson and plan.kml from a plan, and the sizing anchors file.
#include "guarantor/report/plan_export.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "guarantor/core/error.hpp"
#include "guarantor/io/json_fields.hpp"
#include "guarantor/report/html_escape.hpp"

namespace guarantor::report {

namespace {
using nlohmann::ordered_json;

ordered_json point(geo::LonLat p) { return {{"type", "Point"}, {"coordinates", {p.lon, p.lat}}}; }
ordered_json feature(geo::LonLat p, ordered_json properties) {
  return {{"type", "Feature"}, {"geometry", point(p)}, {"properties", std::move(properties)}};
}

// The label every output of an illustrative plan carries: pledges built from public statements
// must never pass for real offers, in a map layer opened far from the plan page.
constexpr const char* ILLUSTRATIVE_NOTICE =
    "ILLUSTRATIVE: pledges in this plan are built from public statements, not real offers by any government.";
}  // namespace

std::vector<SizingAnchor> load_sizing_anchors(const std::filesystem::path& path) {
  // Through io's reader like every other input file: located errors ("sizing_anchors.json:9
  // /anchors/2/personnel: ..."), all at once, and unknown keys refused with "did you mean".
  io::JsonFile file = io::read_json_file(path);
  file.name = path.filename().string();
  DiagnosticSink sink;
  io::FieldReader reader(file, sink);
  std::vector<SizingAnchor> anchors;
  if (reader.object(file.root, "") == nullptr) sink.throw_if_any();
  for (const char* list : {"anchors", "ratio_anchors"}) {
    const bool ratio = std::string_view(list) == "ratio_anchors";
    const io::Json* entries = reader.array(file.root, list, "", false);
    if (entries == nullptr) continue;
    for (std::size_t i = 0; i < entries->size(); ++i) {
      const std::string pointer = fmt::format("/{}/{}", list, i);
      const io::Json* entry = reader.object((*entries)[i], pointer);
      if (entry == nullptr) continue;
      SizingAnchor anchor;
      anchor.id = reader.string(*entry, "id", pointer);
      anchor.label = reader.string(*entry, "label", pointer);
      anchor.source = reader.string(*entry, "source", pointer);
      // An absolute anchor gives personnel; a ratio anchor personnel per 1,000 inhabitants of
      // the population it names (the planned area is the one population the report measures).
      if (ratio) {
        anchor.per_thousand = reader.number(*entry, "per_thousand", pointer, 0.0, 1000.0);
        const std::string population = reader.string(*entry, "population", pointer, false);
        if (!population.empty() && population != "planned_area")
          reader.fail(ErrorCode::Schema, pointer + "/population",
                      fmt::format("got \"{}\"; expected planned_area", excerpt(population)));
      } else {
        anchor.personnel = reader.number(*entry, "personnel", pointer, 0.0, 10'000'000.0);
      }
      reader.close_object(*entry, pointer);
      anchors.push_back(std::move(anchor));
    }
  }
  reader.known("", "description");
  reader.close_object(file.root, "");
  sink.throw_if_any();
  return anchors;
}

std::string plan_to_geojson(const planner::Plan& plan, const model::Scenario& scenario) {
  ordered_json features = ordered_json::array();
  for (const auto& hub : plan.hubs)
    features.push_back(feature(hub.position, {{"kind", "hub"}, {"site", hub.site_id}, {"demand_share", hub.demand_share},
                                              {"load_personnel", hub.load_personnel}}));
  std::map<std::string, bool> filled;
  for (const auto& a : plan.assignments) filled[a.position_id] = true;
  for (const auto& p : plan.positions)
    if (!p.site_id.empty())
      features.push_back(feature(p.position, {{"kind", "position"}, {"id", p.id}, {"line", p.line_id}, {"site", p.site_id},
                                              {"reach_m", p.reach_km * 1000.0}, {"filled", filled[p.id]}}));
  for (const auto& a : plan.assignments) {
    const auto* site = scenario.theatre.find_site(a.site_id);
    if (!site) continue;
    features.push_back(feature(site->position, {{"kind", "unit"}, {"unit", a.unit_id}, {"nation", a.nation},
                                                {"capability", a.capability}, {"line", a.line_id}, {"sidc", a.app6_sidc},
                                                {"arrival_day", a.arrival_day}, {"entry_node", a.entry_node},
                                                {"transshipment", a.transshipment}, {"route", a.route}}));
  }
  for (const auto& r : plan.rejected)
    if (const auto* site = scenario.theatre.find_site(r.site_id))
      features.push_back(feature(site->position, {{"kind", "rejected_site"}, {"site", r.site_id}, {"reason", r.reason}}));
  // Foreign members (RFC 7946 section 6.1) carry the label and the data attributions.
  ordered_json doc = {{"type", "FeatureCollection"}, {"name", plan.provenance.scenario_name},
                      {"illustrative", plan.provenance.illustrative}};
  if (plan.provenance.illustrative) doc["notice"] = ILLUSTRATIVE_NOTICE;
  doc["attribution"] = scenario.theatre.attributions;
  doc["features"] = std::move(features);
  return doc.dump(1) + "\n";
}

std::string plan_to_kml(const planner::Plan& plan, const model::Scenario& scenario) {
  std::string kml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n";
  kml += fmt::format("<name>{}{}</name>\n", plan.provenance.illustrative ? "ILLUSTRATIVE - " : "",
                     escape_html(plan.provenance.scenario_name));
  std::string about = plan.provenance.illustrative ? std::string(ILLUSTRATIVE_NOTICE) + "\n" : std::string();
  for (const auto& line : scenario.theatre.attributions) about += line + "\n";
  kml += fmt::format("<description>{}</description>\n", escape_html(about));
  kml += fmt::format("<ExtendedData><Data name=\"illustrative\"><value>{}</value></Data></ExtendedData>\n",
                     plan.provenance.illustrative ? "true" : "false");
  auto placemark = [&kml](const std::string& name, const std::string& description, geo::LonLat p) {
    kml += fmt::format("<Placemark><name>{}</name><description>{}</description><Point><coordinates>{:.6f},{:.6f}</coordinates>"
                       "</Point></Placemark>\n", escape_html(name), escape_html(description), p.lon, p.lat);
  };
  kml += "<Folder><name>Hubs</name>\n";
  for (const auto& hub : plan.hubs)
    placemark(hub.site_id, fmt::format("hub; {:.0f} personnel based", hub.load_personnel), hub.position);
  kml += "</Folder>\n<Folder><name>Units</name>\n";
  for (const auto& a : plan.assignments)
    if (const auto* site = scenario.theatre.find_site(a.site_id))
      placemark(a.unit_id, fmt::format("{} {} for {}; in place day {}", a.nation, a.capability, a.line_id, a.arrival_day),
                site->position);
  kml += "</Folder>\n<Folder><name>Rejected sites</name>\n";
  for (const auto& r : plan.rejected)
    if (const auto* site = scenario.theatre.find_site(r.site_id)) placemark(r.site_id, r.reason, site->position);
  kml += "</Folder>\n</Document>\n</kml>\n";
  return kml;
}

}  // namespace guarantor::report
