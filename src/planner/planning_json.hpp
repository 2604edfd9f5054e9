#pragma once
// Small helpers the planner's rule files share (threat axes, forward posture, protection,
// Montreux): read a JSON file with its hash for provenance, and read a planning factor
// {value, unit, source} so that no number in these files comes without its source.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "guarantor/core/error.hpp"
#include "guarantor/geo/lon_lat.hpp"
#include "guarantor/planner/plan.hpp"

namespace guarantor::planner::detail {

/// Parses `path`; problems go to `sink` (FileNotFound, Syntax) and an empty object is returned.
/// A file read is appended to `files` (role "planning.<stem>", path, SHA-256) when given.
nlohmann::json read_planning_json(const std::filesystem::path& path, DiagnosticSink& sink,
                                  std::vector<InputFile>* files = nullptr);

/// The value of the factor `parent[key]` = {"value": number, "unit": ..., "source": ...}; a
/// missing or bare number, or a value that is not positive (non-negative when !positive), is
/// reported at "<file> <pointer>/<key>".
double planning_factor(const nlohmann::json& parent, const std::string& file, const std::string& pointer,
                       const std::string& key, DiagnosticSink& sink, bool positive = true);

/// A non-empty string field, reported at "<file> <pointer>/<key>" when missing.
std::string planning_string(const nlohmann::json& parent, const std::string& file, const std::string& pointer,
                            const std::string& key, DiagnosticSink& sink);

/// A [lon, lat] point, range-checked.
std::optional<geo::LonLat> planning_point(const nlohmann::json& value, const std::string& where, DiagnosticSink& sink);

}  // namespace guarantor::planner::detail
