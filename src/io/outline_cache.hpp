#pragma once
// Country outlines decoded from a TopoJSON file, remembered by the file's content. Decoding the
// world atlas (3.6 MB of arcs) is most of the cost of loading a scenario, and a process that
// loads the same scenario again (the workspace server on every import, plan or verify job; a test
// binary running many cases) would otherwise decode the same bytes each time. Keyed by the
// SHA-256 of the bytes, so an edited file is always decoded afresh.
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "guarantor/io/geojson_geometry.hpp"

namespace guarantor::io::detail {

using Outlines = std::vector<TopoFeature>;

/// The outlines decoded earlier from a file with these bytes, object and wanted ids; null if none.
std::shared_ptr<const Outlines> remembered_outlines(const std::string& sha256, const std::string& object_name,
                                                    const std::set<std::string>& wanted_ids);

/// Remembers outlines decoded without any problem (never a partial decoding). Keeps the few most
/// recent files only: a process rarely loads more than one or two atlases.
void remember_outlines(const std::string& sha256, const std::string& object_name,
                       const std::set<std::string>& wanted_ids, std::shared_ptr<const Outlines> outlines);

}  // namespace guarantor::io::detail
