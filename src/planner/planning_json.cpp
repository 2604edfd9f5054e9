// Shared readers of the planner's rule files, on top of io's field reader.
#include "planning_json.hpp"

#include <fmt/format.h>

namespace guarantor::planner::detail {

using nlohmann::json;

io::JsonFile read_planning_json(const std::filesystem::path& path, DiagnosticSink& sink, std::vector<InputFile>* files) {
  io::JsonFile file;
  try {
    file = io::read_json_file(path);
  } catch (const Error& error) {
    for (const auto& diagnostic : error.diagnostics()) {
      if (diagnostic.code == ErrorCode::FileNotFound)
        sink.add(diagnostic.code, diagnostic.where, "cannot be read; expected a planner rule file (data/planning)");
      else
        sink.add(diagnostic.code, diagnostic.where, diagnostic.message);
    }
    file.name = path.filename().string();
    file.root = json::object();
    return file;
  }
  // Messages name the rule file as data/planning's README does: by its file name.
  file.name = path.filename().string();
  if (files != nullptr) files->push_back({fmt::format("planning.{}", path.stem().string()), path.string(), file.sha256});
  if (!file.root.is_object()) {
    sink.add(ErrorCode::Schema, file.name, "expected a JSON object at the top level");
    file.root = json::object();
  }
  return file;
}

double planning_factor(const json& parent, io::FieldReader& reader, const std::string& pointer, const std::string& key,
                       bool positive) {
  const std::string field = fmt::format("{}/{}", pointer, key);
  if (!parent.is_object() || !parent.contains(key) || !parent[key].is_object() || !parent[key].contains("value") ||
      !parent[key]["value"].is_number()) {
    reader.fail(ErrorCode::Schema, field, "missing; expected {\"value\": number, \"unit\": ..., \"source\": ...}");
    return 0;
  }
  if (!parent[key].contains("source") || !parent[key]["source"].is_string() || parent[key]["source"].get<std::string>().empty())
    reader.fail(ErrorCode::Schema, field + "/source", "missing; every planning number names its source");
  const double value = parent[key]["value"].get<double>();
  if (positive ? !(value > 0) : !(value >= 0))
    reader.fail(ErrorCode::Schema, field, fmt::format("got {}; expected a {} number", value, positive ? "positive" : "non-negative"));
  close_planning_factor(parent, reader, pointer, key);
  return value;
}

void close_planning_object(const json& obj, io::FieldReader& reader, const std::string& pointer,
                           std::initializer_list<std::string_view> keys) {
  if (!obj.is_object()) return;
  for (const std::string_view key : keys) reader.known(pointer, key);
  reader.close_object(obj, pointer);
}

void close_planning_factor(const json& parent, io::FieldReader& reader, const std::string& pointer, const std::string& key) {
  if (!parent.is_object() || !parent.contains(key)) return;
  close_planning_object(parent[key], reader, fmt::format("{}/{}", pointer, key), {"value", "unit", "source", "min", "max"});
}

std::string planning_string(const json& parent, io::FieldReader& reader, const std::string& pointer, const std::string& key) {
  if (!parent.is_object() || !parent.contains(key) || !parent[key].is_string() || parent[key].get<std::string>().empty()) {
    reader.fail(ErrorCode::Schema, fmt::format("{}/{}", pointer, key), "missing; expected a non-empty string");
    return {};
  }
  return parent[key].get<std::string>();
}

std::optional<geo::LonLat> planning_point(const json& value, io::FieldReader& reader, const std::string& pointer) {
  return reader.position_value(value, pointer);
}

}  // namespace guarantor::planner::detail
