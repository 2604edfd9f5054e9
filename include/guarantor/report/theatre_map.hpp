#pragma once
// The theatre's geography as the maps draw it, without any coalition data: the offline theatre
// page embeds it with the pledges added, and the workspace's pages read it from the server.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "guarantor/model/theatre.hpp"
#include "guarantor/report/page_options.hpp"

namespace guarantor::report {

/// {view: [min_lon, min_lat, max_lon, max_lat] | null, attributions, countries, regions, areas
/// (the one in force on `as_of` marked current), places (above options' population thresholds),
/// place_thresholds, sites}; geometry clipped and simplified per `options`, coordinates [lon, lat].
nlohmann::json theatre_map_json(const model::Theatre& theatre, std::optional<Date> as_of, const PageOptions& options);

}  // namespace guarantor::report
