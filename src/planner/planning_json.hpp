#pragma once
// Small helpers the planner's rule files share (threat axes, forward posture, protection,
// Montreux): read a JSON file through io's field reader with its hash for provenance, and read a planning factor
// {value, unit, source} so that no number in these files comes without its source.
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "guarantor/core/error.hpp"
#include "guarantor/geo/lon_lat.hpp"
#include "guarantor/io/json_fields.hpp"
#include "guarantor/planner/plan.hpp"

namespace guarantor::planner::detail {

/// Reads and parses `path` through io's reader; problems go to `sink` (FileNotFound, Syntax with
/// line and column, Schema when the top level is not an object) and the root is then an empty
/// object. The file is named by its file name in messages ("threat_axes.json:12 /axes/0/id").
/// A file read is appended to `files` (role "planning.<stem>", path, SHA-256) when given.
io::JsonFile read_planning_json(const std::filesystem::path& path, DiagnosticSink& sink,
                                std::vector<InputFile>* files = nullptr);

/// The value of the factor `parent[key]` = {"value": number, "unit": ..., "source": ...}; a
/// missing or bare number, or a value that is not positive (non-negative when !positive), is
/// reported at "<file>:<line> <pointer>/<key>".
double planning_factor(const nlohmann::json& parent, io::FieldReader& reader, const std::string& pointer,
                       const std::string& key, bool positive = true);

/// A non-empty string field, reported at "<file>:<line> <pointer>/<key>" when missing.
std::string planning_string(const nlohmann::json& parent, io::FieldReader& reader, const std::string& pointer,
                            const std::string& key);

/// Refuses every key of the object `obj` (found at `pointer`) other than `keys`, naming the
/// nearest known key ("did you mean"): a misspelt key in a rule file is reported where it is
/// instead of leaving the number it meant at its default. A value that is not an object is left
/// to the reader that expected one.
void close_planning_object(const nlohmann::json& obj, io::FieldReader& reader, const std::string& pointer,
                           std::initializer_list<std::string_view> keys);

/// The members a planning factor may carry: {value, unit, source} and an optional [min, max].
void close_planning_factor(const nlohmann::json& parent, io::FieldReader& reader, const std::string& pointer,
                           const std::string& key);

/// A [lon, lat] point found at `pointer`, range-checked.
std::optional<geo::LonLat> planning_point(const nlohmann::json& value, io::FieldReader& reader, const std::string& pointer);

}  // namespace guarantor::planner::detail
