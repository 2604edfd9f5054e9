// Reads data/planning/threat_axes.json: the threat axes besides the line of contact and the
// basing filters that requirement lines' own texts impose.
#include <algorithm>

#include <fmt/format.h>

#include "guarantor/planner/demand.hpp"
#include "guarantor/planner/threat.hpp"
#include "planning_json.hpp"

namespace guarantor::planner {

namespace {
// The basing filters the planner can enforce (demand.hpp's west_of_dnipro on the site).
bool known_filter(std::string_view filter) { return filter == "west_of_dnipro" || filter == "sites"; }
}  // namespace

ThreatRules load_threat_rules(const std::filesystem::path& file, std::vector<InputFile>* files) {
  DiagnosticSink sink;
  const io::JsonFile planning = detail::read_planning_json(file, sink, files);
  const auto& doc = planning.root;
  io::FieldReader reader(planning, sink);
  sink.throw_if_any();
  ThreatRules rules;
  if (!doc.contains("axes") || !doc["axes"].is_array() || doc["axes"].empty())
    reader.fail(ErrorCode::Schema, "/axes", "missing; expected an array of threat axes");
  else
    for (std::size_t i = 0; i < doc["axes"].size(); ++i) {
      const auto& entry = doc["axes"][i];
      const std::string pointer = fmt::format("/axes/{}", i);
      ThreatAxis axis;
      axis.id = detail::planning_string(entry, reader, pointer, "id");
      axis.name = detail::planning_string(entry, reader, pointer, "name");
      axis.band_km = detail::planning_factor(entry, reader, pointer, "band_km");
      axis.source = entry.is_object() && entry.contains("band_km") && entry["band_km"].is_object()
                        ? entry["band_km"].value("source", "")
                        : "";
      const bool has_country = entry.is_object() && entry.contains("country");
      const bool has_points = entry.is_object() && entry.contains("points");
      if (has_country == has_points) {
        reader.fail(ErrorCode::Schema, fmt::format("{}", pointer),
                 "expected exactly one of \"country\" (ISO 3166-1 alpha-2) or \"points\" ([[lon, lat], ...])");
      } else if (has_country) {
        axis.country = detail::planning_string(entry, reader, pointer, "country");
      } else if (!entry["points"].is_array() || entry["points"].empty()) {
        reader.fail(ErrorCode::Schema, fmt::format("{}/points", pointer), "expected a non-empty array of [lon, lat]");
      } else {
        for (std::size_t k = 0; k < entry["points"].size(); ++k)
          if (const auto p = detail::planning_point(entry["points"][k], reader, fmt::format("{}/points/{}", pointer, k)))
            axis.points.push_back(*p);
      }
      detail::close_planning_object(entry, reader, pointer, {"id", "name", "band_km", "country", "points"});
      rules.axes.push_back(std::move(axis));
    }
  if (doc.contains("line_basing")) {
    if (!doc["line_basing"].is_array())
      reader.fail(ErrorCode::Schema, "/line_basing", "expected an array of {line, filter, source}");
    else
      for (std::size_t i = 0; i < doc["line_basing"].size(); ++i) {
        const auto& entry = doc["line_basing"][i];
        const std::string pointer = fmt::format("/line_basing/{}", i);
        LineBasingFilter filter;
        filter.line_id = detail::planning_string(entry, reader, pointer, "line");
        filter.filter = detail::planning_string(entry, reader, pointer, "filter");
        filter.source = detail::planning_string(entry, reader, pointer, "source");
        if (!filter.filter.empty() && !known_filter(filter.filter))
          reader.fail(ErrorCode::Schema, fmt::format("{}/filter", pointer),
                   fmt::format("got \"{}\"; expected west_of_dnipro or sites", filter.filter));
        if (filter.filter == "sites") {
          // The sites a line's text names ("in Kyiv", "at the Rzeszów hub"), as site ids.
          if (!entry.contains("sites") || !entry["sites"].is_array() || entry["sites"].empty())
            reader.fail(ErrorCode::Schema, fmt::format("{}/sites", pointer), "missing; filter \"sites\" lists the site ids the line names");
          else
            for (const auto& site : entry["sites"]) {
              if (site.is_string() && !site.get<std::string>().empty()) filter.sites.push_back(site.get<std::string>());
              else reader.fail(ErrorCode::Schema, fmt::format("{}/sites", pointer), "expected site ids (non-empty strings)");
            }
        }
        detail::close_planning_object(entry, reader, pointer, {"line", "filter", "sites", "source"});
        rules.line_basing.push_back(std::move(filter));
      }
  }
  detail::close_planning_object(doc, reader, "", {"description", "axes", "line_basing"});
  sink.throw_if_any();
  return rules;
}

bool site_passes_basing(const LineBasingFilter& filter, std::string_view site_id, geo::LonLat p,
                        const std::vector<geo::LonLat>& dnipro_line) {
  if (filter.filter == "west_of_dnipro") return west_of_dnipro(p, dnipro_line);
  if (filter.filter == "sites") return std::find(filter.sites.begin(), filter.sites.end(), site_id) != filter.sites.end();
  return true;  // load_threat_rules admits known filters only
}

}  // namespace guarantor::planner
