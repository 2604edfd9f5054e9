#pragma once
// The data the page's map script draws, as one JSON document embedded in the page.
#include <nlohmann/json.hpp>

#include "guarantor/model/scenario.hpp"
#include "guarantor/report/page_options.hpp"

namespace guarantor::report::detail {

/// Builds the map document: view, countries, regions, dated areas, places, sites and pledged
/// units, with geometry clipped and simplified per `options`. Coordinates are [lon, lat].
nlohmann::json build_map_data(const model::Scenario& scenario, const PageOptions& options);

/// The initial view: the host country's bounds plus options.view_margin_deg, or the theatre's
/// bounds when no country is the host.
geo::BoundingBox initial_view(const model::Theatre& theatre, const PageOptions& options);

}  // namespace guarantor::report::detail
