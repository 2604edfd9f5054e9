// Reads data/planning/protection.json: the force-protection requirement lines and the numbers
// they are measured with.
#include <fmt/format.h>

#include "guarantor/planner/protection_rules.hpp"
#include "planning_json.hpp"

namespace guarantor::planner {

namespace {
bool known_kind(std::string_view kind) { return kind == "air_defence" || kind == "surgery" || kind == "escort"; }

std::vector<std::string> codes(const nlohmann::json& doc, const std::string& file, const std::string& key, DiagnosticSink& sink) {
  std::vector<std::string> out;
  if (!doc.contains(key) || !doc[key].is_array() || doc[key].empty()) {
    sink.add(ErrorCode::Schema, fmt::format("{} /{}", file, key), "missing; expected a non-empty array of capability codes");
    return out;
  }
  for (const auto& v : doc[key]) {
    if (!v.is_string()) sink.add(ErrorCode::Schema, fmt::format("{} /{}", file, key), "expected capability codes (strings)");
    else out.push_back(v.get<std::string>());
  }
  return out;
}
}  // namespace

ProtectionRules load_protection_rules(const std::filesystem::path& file, std::vector<InputFile>* files) {
  DiagnosticSink sink;
  const auto doc = detail::read_planning_json(file, sink, files);
  sink.throw_if_any();
  const std::string name = file.filename().string();
  ProtectionRules rules;
  if (!doc.contains("lines") || !doc["lines"].is_array() || doc["lines"].empty()) {
    sink.add(ErrorCode::Schema, name + " /lines", "missing; expected an array of {id, kind, title, source}");
  } else {
    for (std::size_t i = 0; i < doc["lines"].size(); ++i) {
      const auto& entry = doc["lines"][i];
      const std::string pointer = fmt::format("/lines/{}", i);
      ProtectionLineRule line{detail::planning_string(entry, name, pointer, "id", sink),
                              detail::planning_string(entry, name, pointer, "kind", sink),
                              detail::planning_string(entry, name, pointer, "title", sink),
                              detail::planning_string(entry, name, pointer, "source", sink)};
      if (!line.kind.empty() && !known_kind(line.kind))
        sink.add(ErrorCode::Schema, fmt::format("{} {}/kind", name, pointer),
                 fmt::format("got \"{}\"; expected air_defence, surgery or escort", line.kind));
      rules.lines.push_back(std::move(line));
    }
  }
  rules.air_defence_capabilities = codes(doc, name, "air_defence_capabilities", sink);
  rules.escort_capabilities = codes(doc, name, "escort_capabilities", sink);
  rules.role2_capability = detail::planning_string(doc, name, "", "role2_capability", sink);
  rules.medevac_capability = detail::planning_string(doc, name, "", "medevac_capability", sink);
  rules.surgery_within_h = detail::planning_factor(doc, name, "", "surgery_within_h", sink);
  rules.road_evacuation_kmh = detail::planning_factor(doc, name, "", "road_evacuation_kmh", sink);
  rules.medevac_dispatch_h = detail::planning_factor(doc, name, "", "medevac_dispatch_h", sink, false);
  sink.throw_if_any();
  return rules;
}

}  // namespace guarantor::planner
