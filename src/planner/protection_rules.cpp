// Reads data/planning/protection.json: the force-protection requirement lines and the numbers
// they are measured with.
#include <fmt/format.h>

#include "guarantor/planner/protection_rules.hpp"
#include "planning_json.hpp"

namespace guarantor::planner {

namespace {
std::vector<std::string> codes(const nlohmann::json& doc, io::FieldReader& reader, const std::string& key) {
  std::vector<std::string> out = reader.strings(doc, key, "");
  // A value that is not an array was reported by strings(); an absent or empty one is reported here.
  if (out.empty() && (!doc.contains(key) || doc[key].is_array()))
    reader.fail(ErrorCode::Schema, "/" + key, "missing; expected a non-empty array of capability codes");
  return out;
}
}  // namespace

ProtectionRules load_protection_rules(const std::filesystem::path& file, std::vector<InputFile>* files) {
  DiagnosticSink sink;
  const io::JsonFile planning = detail::read_planning_json(file, sink, files);
  const auto& doc = planning.root;
  io::FieldReader reader(planning, sink);
  sink.throw_if_any();
  ProtectionRules rules;
  if (!doc.contains("lines") || !doc["lines"].is_array() || doc["lines"].empty()) {
    reader.fail(ErrorCode::Schema, "/lines", "missing; expected an array of {id, kind, title, source}");
  } else {
    for (std::size_t i = 0; i < doc["lines"].size(); ++i) {
      const auto& entry = doc["lines"][i];
      const std::string pointer = fmt::format("/lines/{}", i);
      ProtectionLineRule line;
      line.id = detail::planning_string(entry, reader, pointer, "id");
      // Decoded once, here: the measurement switches on the kind.
      line.kind = reader.enumeration(entry, "kind", pointer, protection_kind_from_string, PROTECTION_KIND_NAMES,
                                     ProtectionKind::AirDefence);
      line.title = detail::planning_string(entry, reader, pointer, "title");
      line.source = detail::planning_string(entry, reader, pointer, "source");
      detail::close_planning_object(entry, reader, pointer, {"id", "kind", "title", "source"});
      rules.lines.push_back(std::move(line));
    }
  }
  rules.air_defence_capabilities = codes(doc, reader, "air_defence_capabilities");
  rules.escort_capabilities = codes(doc, reader, "escort_capabilities");
  rules.role2_capability = detail::planning_string(doc, reader, "", "role2_capability");
  rules.medevac_capability = detail::planning_string(doc, reader, "", "medevac_capability");
  rules.surgery_within_h = detail::planning_factor(doc, reader, "", "surgery_within_h");
  rules.road_evacuation_kmh = detail::planning_factor(doc, reader, "", "road_evacuation_kmh");
  rules.medevac_dispatch_h = detail::planning_factor(doc, reader, "", "medevac_dispatch_h", false);
  detail::close_planning_object(doc, reader, "",
                                {"description", "lines", "air_defence_capabilities", "escort_capabilities", "role2_capability",
                                 "medevac_capability", "surgery_within_h", "road_evacuation_kmh", "medevac_dispatch_h"});
  sink.throw_if_any();
  return rules;
}

}  // namespace guarantor::planner
