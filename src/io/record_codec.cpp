// Decoding single records through the scenario file readers, with unknown members refused.
#include "guarantor/io/record_codec.hpp"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "loaders.hpp"

namespace guarantor::io {

namespace {
using detail::FieldReader;
using detail::Json;

// The members each record may carry; anything else is refused with its pointer.
constexpr std::array<std::string_view, 13> PLEDGE_MEMBERS = {
    "id", "nation", "capability", "quantity", "readiness_days", "status", "illustrative",
    "caveats", "home", "valid_until", "source", "includes_rotation", "sites"};
constexpr std::array<std::string_view, 3> CAVEAT_MEMBERS = {"kind", "values", "source"};
constexpr std::array<std::string_view, 6> NATION_MEMBERS = {"iso2", "name", "nato", "eu", "home", "source"};
constexpr std::array<std::string_view, 11> REQUIREMENT_MEMBERS = {
    "id", "capability", "quantity", "phase", "priority", "location", "role", "required_by_day",
    "coverage", "description", "source"};
constexpr std::array<std::string_view, 3> COVERAGE_MEMBERS = {"demand", "fraction", "filter"};

template <std::size_t N>
void refuse_unknown(const Json& object, const std::string& pointer, const std::array<std::string_view, N>& known,
                    FieldReader& reader) {
  if (!object.is_object()) return;
  for (const auto& [key, value] : object.items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string expected;
    for (const auto name : known) expected += (expected.empty() ? "" : ", ") + std::string(name);
    reader.fail(ErrorCode::Schema, pointer + "/" + key, fmt::format("unknown member; expected only {}", expected));
  }
}

template <typename Record, typename ReadFn>
Record decode(const Json& value, const std::string& name, ReadFn read) {
  DiagnosticSink sink;
  FieldReader reader(name, sink);
  Record record{};
  if (reader.object(value, "") != nullptr) record = read(value, reader);
  sink.throw_if_any();
  return record;
}
}  // namespace

Json parse_json_document(const std::string& text, const std::string& name) {
  return detail::parse_json_text(text, name).root;
}

model::Pledge decode_pledge(const Json& value, const std::string& name) {
  return decode<model::Pledge>(value, name, [](const Json& object, FieldReader& reader) {
    refuse_unknown(object, "", PLEDGE_MEMBERS, reader);
    if (auto caveats = object.find("caveats"); caveats != object.end() && caveats->is_array()) {
      for (std::size_t c = 0; c < caveats->size(); ++c)
        refuse_unknown((*caveats)[c], fmt::format("/caveats/{}", c), CAVEAT_MEMBERS, reader);
    }
    return detail::read_pledge(object, "", reader);
  });
}

model::Nation decode_nation(const Json& value, const std::string& name) {
  return decode<model::Nation>(value, name, [](const Json& object, FieldReader& reader) {
    refuse_unknown(object, "", NATION_MEMBERS, reader);
    return detail::read_nation(object, "", reader);
  });
}

model::RequirementLine decode_requirement_line(const Json& value, const std::string& name) {
  return decode<model::RequirementLine>(value, name, [](const Json& object, FieldReader& reader) {
    refuse_unknown(object, "", REQUIREMENT_MEMBERS, reader);
    if (auto coverage = object.find("coverage"); coverage != object.end())
      refuse_unknown(*coverage, "/coverage", COVERAGE_MEMBERS, reader);
    return detail::read_requirement_line(object, "", reader);
  });
}

void check_pledge(const model::Scenario& scenario, const model::Pledge& pledge, const std::string& name) {
  DiagnosticSink sink;
  detail::check_pledge_references(scenario, pledge, name + " ", sink);
  sink.throw_if_any();
}

void check_requirement_line(const model::Scenario& scenario, const model::RequirementLine& line, const std::string& name) {
  DiagnosticSink sink;
  detail::check_requirement_references(scenario, line, name + " ", sink);
  sink.throw_if_any();
}

model::Mandate decode_mandate(const Json& value, const std::string& name) {
  DiagnosticSink sink;
  FieldReader reader(name, sink);
  model::Mandate mandate;
  detail::read_mandate(detail::JsonFile{name, value, {}}, reader, mandate);
  sink.throw_if_any();
  return mandate;
}

}  // namespace guarantor::io
