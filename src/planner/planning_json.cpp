// Shared readers of the planner's rule files.
#include "planning_json.hpp"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "guarantor/core/sha256.hpp"

namespace guarantor::planner::detail {

using nlohmann::json;

json read_planning_json(const std::filesystem::path& path, DiagnosticSink& sink, std::vector<InputFile>* files) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    sink.add(ErrorCode::FileNotFound, path.string(), "cannot be read; expected a planner rule file (data/planning)");
    return json::object();
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  if (files != nullptr) files->push_back({fmt::format("planning.{}", path.stem().string()), path.string(), sha256_hex(text)});
  try {
    json doc = json::parse(text);
    if (!doc.is_object()) {
      sink.add(ErrorCode::Schema, path.string(), "expected a JSON object at the top level");
      return json::object();
    }
    return doc;
  } catch (const json::parse_error& error) {
    sink.add(ErrorCode::Syntax, fmt::format("{} byte {}", path.string(), error.byte), "not well-formed JSON");
  } catch (const json::exception& error) {
    sink.add(ErrorCode::Syntax, path.string(), fmt::format("not well-formed JSON ({})", error.what()));
  }
  return json::object();
}

double planning_factor(const json& parent, const std::string& file, const std::string& pointer, const std::string& key,
                       DiagnosticSink& sink, bool positive) {
  const std::string where = fmt::format("{} {}/{}", file, pointer, key);
  if (!parent.is_object() || !parent.contains(key) || !parent[key].is_object() || !parent[key].contains("value") ||
      !parent[key]["value"].is_number()) {
    sink.add(ErrorCode::Schema, where, "missing; expected {\"value\": number, \"unit\": ..., \"source\": ...}");
    return 0;
  }
  if (!parent[key].contains("source") || !parent[key]["source"].is_string() || parent[key]["source"].get<std::string>().empty())
    sink.add(ErrorCode::Schema, where + "/source", "missing; every planning number names its source");
  const double value = parent[key]["value"].get<double>();
  if (positive ? !(value > 0) : !(value >= 0))
    sink.add(ErrorCode::Schema, where, fmt::format("got {}; expected a {} number", value, positive ? "positive" : "non-negative"));
  return value;
}

std::string planning_string(const json& parent, const std::string& file, const std::string& pointer, const std::string& key,
                            DiagnosticSink& sink) {
  if (!parent.is_object() || !parent.contains(key) || !parent[key].is_string() || parent[key].get<std::string>().empty()) {
    sink.add(ErrorCode::Schema, fmt::format("{} {}/{}", file, pointer, key), "missing; expected a non-empty string");
    return {};
  }
  return parent[key].get<std::string>();
}

std::optional<geo::LonLat> planning_point(const json& value, const std::string& where, DiagnosticSink& sink) {
  if (!value.is_array() || value.size() != 2 || !value[0].is_number() || !value[1].is_number()) {
    sink.add(ErrorCode::Schema, where, "each point must be an array of two numbers [longitude, latitude]");
    return std::nullopt;
  }
  const geo::UncheckedLonLat raw{value[0].get<double>(), value[1].get<double>()};
  if (!geo::is_valid(raw)) {
    sink.add(ErrorCode::Schema, where, "a point is outside the WGS84 ranges");
    return std::nullopt;
  }
  return geo::LonLat{raw.lon, raw.lat};
}

}  // namespace guarantor::planner::detail
