// Assembles the verifier's page: skeleton + style + data block + script (src/report/assets/
// verify_page.*). The page draws its data with inline script into SVG: no network, no CDN, no
// tile server, so it opens anywhere and prints as it shows.
#include "guarantor/report/verify_page.hpp"

#include <cmath>
#include <map>
#include <ostream>

#include <fmt/format.h>

#include "guarantor/report/html_escape.hpp"
#include "guarantor/report/map_geometry.hpp"
#include "page_assets.hpp"
#include "page_templates.hpp"
#include "verify_page_data.hpp"
#include "verify_templates.hpp"

namespace guarantor::report {
namespace {

using nlohmann::json;

// Coordinates to 3 decimals (about 100 m) and outlines simplified to about 1 km: the page's map
// is an overview at country scale.
constexpr double LAYER_SCALE = 1000.0;  // 10^3: three decimals
constexpr double COUNTRY_SIMPLIFY_DEG = 0.02;
constexpr double REGION_SIMPLIFY_DEG = 0.01;
constexpr double VIEW_MARGIN_DEG = 1.0;

double rounded(double value) { return std::round(value * LAYER_SCALE) / LAYER_SCALE; }

json area_json(const geo::MultiPolygon& area, double tolerance_deg, const geo::BoundingBox& frame) {
  const geo::MultiPolygon drawn = prepare_for_drawing(area, DrawingTolerance{tolerance_deg, frame});
  json parts = json::array();
  for (const geo::Polygon& polygon : drawn.parts()) {
    json rings = json::array();
    const auto add = [&](const geo::Ring& ring) {
      json points = json::array();
      for (const geo::LonLat p : ring) points.push_back({rounded(p.lon), rounded(p.lat)});
      rings.push_back(std::move(points));
    };
    add(polygon.outer);
    for (const geo::Ring& hole : polygon.holes) add(hole);
    parts.push_back(std::move(rings));
  }
  return parts;
}

// The agreement's bands around the line of contact (the buffer zone, each pull-back distance),
// for the page to draw with band_geometry.js; only when the run was given the line.
json contact_bands_json(const verify::Agreement& agreement) {
  json bands = json::array();
  for (const verify::Provision& provision : agreement.provisions) {
    if (provision.zone.kind != verify::Zone::Kind::Band || provision.zone.line_ref != "line_of_contact") continue;
    for (const verify::WeaponBand& band : provision.weapon_bands)
      bands.push_back({{"kind", "pullback"},
                       {"label", fmt::format("pull-back of {}", verify::to_string(band.weapon))},
                       {"provision", provision.id},
                       {"distance_m", band.distance_m}});
    if (provision.weapon_bands.empty() && provision.zone.distance_m > 0)
      bands.push_back({{"kind", "buffer"},
                       {"label", "buffer zone"},
                       {"provision", provision.id},
                       {"distance_m", provision.zone.distance_m}});
  }
  return bands;
}

json layers_json(const verify::VerifyResult& result, const VerifyPageOptions& options) {
  json layers = json::object();
  geo::BoundingBox view;
  if (options.theatre != nullptr) {
    for (const model::Country& country : options.theatre->countries)
      if (country.role == model::CountryRole::Host) view = country.area.bounds();
  }
  if (view.empty() && options.occupied_area != nullptr) view = options.occupied_area->bounds();
  if (view.empty()) return layers;
  view.min_lon -= VIEW_MARGIN_DEG;
  view.min_lat -= VIEW_MARGIN_DEG;
  view.max_lon += VIEW_MARGIN_DEG;
  view.max_lat += VIEW_MARGIN_DEG;
  layers["view"] = {rounded(view.min_lon), rounded(view.min_lat), rounded(view.max_lon), rounded(view.max_lat)};
  geo::BoundingBox frame = view;
  frame.min_lon -= 2 * VIEW_MARGIN_DEG;
  frame.min_lat -= 2 * VIEW_MARGIN_DEG;
  frame.max_lon += 2 * VIEW_MARGIN_DEG;
  frame.max_lat += 2 * VIEW_MARGIN_DEG;
  if (options.theatre != nullptr) {
    const model::Theatre& theatre = *options.theatre;
    json countries = json::array();
    for (const model::Country& country : theatre.countries)
      countries.push_back({{"name", country.name}, {"role", model::to_string(country.role)},
                           {"coords", area_json(country.area, COUNTRY_SIMPLIFY_DEG, frame)}});
    layers["countries"] = std::move(countries);
    json regions = json::array();
    for (const model::Region& region : theatre.regions)
      regions.push_back({{"name", region.name}, {"coords", area_json(region.area, REGION_SIMPLIFY_DEG, frame)}});
    layers["regions"] = std::move(regions);
    // The most recent occupied area the theatre holds, unless the run named its own.
    const model::DatedArea* latest = nullptr;
    for (const model::DatedArea& area : theatre.areas)
      if (area.kind.rfind("occupied", 0) == 0 && (latest == nullptr || area.as_of > latest->as_of)) latest = &area;
    if (latest != nullptr && options.occupied_area == nullptr)
      layers["occupied"] = json::array({{{"as_of", latest->as_of.iso()},
                                         {"source", latest->source},
                                         {"coords", area_json(latest->area, REGION_SIMPLIFY_DEG, frame)}}});
    layers["attributions"] = theatre.attributions;
  }
  if (options.occupied_area != nullptr) {
    const json coords = area_json(*options.occupied_area, REGION_SIMPLIFY_DEG, frame);
    layers["occupied"] = json::array({{{"as_of", "the run's --line-of-contact"}, {"source", options.occupied_area_source},
                                       {"coords", coords}}});
    layers["contact"] = {{"source", options.occupied_area_source}, {"coords", coords}};
    if (json bands = contact_bands_json(result.agreement); !bands.empty()) layers["bands"] = std::move(bands);
  }
  return layers;
}

// Warnings a reader must see before the findings: outlets that counted for nothing, incidents
// outside the theatre that were not judged.
std::string scope_warnings(const verify::VerifyResult& result) {
  std::map<std::string, std::size_t> incidents_by_outlet;
  for (const auto& grade : result.grades)
    for (const auto& outlet : grade.unregistered) ++incidents_by_outlet[outlet];
  std::string out;
  if (!incidents_by_outlet.empty()) {
    out += "<p class=\"warning\"><strong>Unregistered outlets</strong> (not in the source registry; they count for "
           "no corroboration): ";
    bool first = true;
    for (const auto& [outlet, count] : incidents_by_outlet) {
      out += (first ? "" : ", ") + escape_html(outlet) + " (" + std::to_string(count) + " incidents)";
      first = false;
    }
    out += "</p>\n";
  }
  std::size_t outside = 0;
  for (const auto& incident : result.clusters.incidents) outside += incident.out_of_theatre;
  if (outside > 0)
    out += "<p class=\"warning\"><strong>" + std::to_string(outside) +
           " incidents outside the theatre</strong> were kept but not judged (see incidents.csv).</p>\n";
  return out;
}

// The page around its data block.
void write_page(const verify::VerifyResult& result, json data, std::ostream& out, const VerifyPageOptions& options) {
  data["layers"] = layers_json(result, options);
  const bool bands = data["layers"].contains("bands");
  std::string attributions;
  if (data["layers"].contains("attributions"))
    for (const auto& text : data["layers"]["attributions"]) attributions += escape_html(text.get<std::string>()) + " ";
  const std::string title = escape_html(result.agreement.name);
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Ceasefire monitoring: " << title
      << "</title><style>" << script_safe_source(detail::VERIFY_PAGE_CSS) << "</style></head><body>\n"
      << "<h1>Ceasefire monitoring</h1><p>Agreement: " << title << ". <span id=\"counts\"></span></p>\n"
      << scope_warnings(result)
      << "<p>Attributions are shown as each side's reports claim them; none is inferred.</p>\n"
      << "<div id=\"filters\"><label>Provision <select id=\"f-provision\"></select></label>"
         "<label>Party claimed <select id=\"f-party\"></select></label>"
         "<label>Grade <select id=\"f-credibility\"></select></label>"
         "<label>Outcome <select id=\"f-outcome\"></select></label></div>\n"
      << "<h2>Map</h2><p id=\"aggregation\"></p><svg id=\"map\" width=\"900\" height=\"560\" "
         "viewBox=\"0 0 900 560\"></svg>\n"
      << "<p class=\"legend\"><span style=\"color:#c0392b\">■ violation</span><span style=\"color:#e67e22\">■ "
         "undetermined</span><span style=\"color:#27ae60\">■ no violation</span><span style=\"color:#7f8c8d\">■ no "
         "provision concerned</span><span>shaded red: occupied area; dark red line: line of contact</span>"
         "<span id=\"band-legend\"></span></p>\n"
      << "<p><small>" << attributions << "</small></p>\n"
      << "<h2>Selected incident</h2><div id=\"detail\"><p>Click an incident, a cell or an incident id.</p></div>\n"
      << "<h2>Findings over time, by provision and party claimed</h2><svg id=\"timeline\" width=\"900\" "
         "height=\"60\"></svg>\n"
      << "<h2>Findings by provision</h2><div id=\"provisions\"></div>\n"
      << "<h2>Rejected input</h2><ul id=\"rejected\"></ul>\n"
      // script_safe_json turns every < > & in the data into \u escapes: no report text can end
      // the element or open a comment ("<!--<script>") that would swallow the rest of the page.
      << "<script type=\"application/json\" id=\"verify-data\">"
      << script_safe_json(data.dump(-1, ' ', false, json::error_handler_t::replace)) << "</script>\n"
      << (bands ? "<script>" + script_safe_source(detail::classic_script(detail::BAND_GEOMETRY_JS)) + "</script>\n"
                : "")
      << "<script>" << script_safe_source(detail::VERIFY_PAGE_JS) << "</script>\n</body></html>\n";
}

}  // namespace

void write_verify_page(const verify::VerifyResult& result, std::ostream& out, const VerifyPageOptions& options) {
  write_page(result, detail::build_verify_page_data(result), out, options);
}

VerifyPageStream::VerifyPageStream() : data_(std::make_unique<detail::VerifyPageData>()) {}
VerifyPageStream::~VerifyPageStream() = default;

void VerifyPageStream::add(const verify::VerifyResult& result, std::size_t first, std::size_t last,
                           const std::vector<verify::Finding>& findings) {
  data_->add(result, first, last, findings);
}

void VerifyPageStream::write(const verify::VerifyResult& result, std::ostream& out, const VerifyPageOptions& options) const {
  write_page(result, data_->finish(result), out, options);
}

}  // namespace guarantor::report
