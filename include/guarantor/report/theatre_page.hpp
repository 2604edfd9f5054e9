#pragma once
// The theatre page: one self-contained, offline HTML file with the map of the theatre (Leaflet,
// no tile layer), the pledged units as APP-6 symbols (milsymbol) and the force-generation gap
// tables. Every library is inlined from PageOptions::asset_dir; the page fetches nothing.
#include <iosfwd>
#include <string>

#include "guarantor/force/force_generation.hpp"
#include "guarantor/model/scenario.hpp"
#include "guarantor/report/page_options.hpp"

namespace guarantor::report {

/// Renders the whole page. Every string from the scenario is escaped. Throws guarantor::Error
/// (FileNotFound) naming every missing or unreadable asset file under options.asset_dir.
std::string render_theatre_page(const model::Scenario& scenario, const force::ForceGenerationResult& force,
                                const PageOptions& options);

/// Renders the page and writes it to `out` in one piece; the caller writes the file atomically
/// (temporary file, then rename). Throws guarantor::Error (OutputFailed) when the stream fails,
/// and as render_theatre_page.
void write_theatre_page(std::ostream& out, const model::Scenario& scenario, const force::ForceGenerationResult& force,
                        const PageOptions& options);

}  // namespace guarantor::report
