// Decoding single records through the scenario file readers, which refuse unknown members
// (with the nearest known one as "did you mean") as they do in a scenario file.
#include "guarantor/io/record_codec.hpp"

#include <fmt/format.h>

#include "loaders.hpp"

namespace guarantor::io {

namespace {

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
  return parse_json_text(text, name).root;
}

model::Pledge decode_pledge(const Json& value, const std::string& name) {
  return decode<model::Pledge>(value, name, [](const Json& object, FieldReader& reader) {
    return detail::read_pledge(object, "", reader);
  });
}

model::Nation decode_nation(const Json& value, const std::string& name) {
  return decode<model::Nation>(value, name, [](const Json& object, FieldReader& reader) {
    return detail::read_nation(object, "", reader);
  });
}

model::RequirementLine decode_requirement_line(const Json& value, const std::string& name) {
  return decode<model::RequirementLine>(value, name, [](const Json& object, FieldReader& reader) {
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
  detail::read_mandate(JsonFile{name, value, {}, nullptr}, reader, mandate);
  sink.throw_if_any();
  return mandate;
}

}  // namespace guarantor::io
