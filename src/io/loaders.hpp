#pragma once
// The per-file readers behind load_scenario. Each reads one file's shape into the model and
// records problems in the reader's sink; cross-file references are checked afterwards.
#include <filesystem>

#include "guarantor/io/scenario_loader.hpp"
#include "guarantor/io/json_fields.hpp"

namespace guarantor::io::detail {

/// Where a scenario file came from and how to resolve the paths it names.
struct FileContext {
  std::filesystem::path path;
  const LoadOptions& options;
};

void read_countries(const JsonFile& file, const FileContext& context, FieldReader& reader, model::Theatre& theatre,
                    std::vector<model::SourceFile>& provenance);
void read_regions(const JsonFile& file, FieldReader& reader, model::Theatre& theatre);
void read_places(const JsonFile& file, const FileContext& context, FieldReader& reader, model::Theatre& theatre);
void read_sites(const JsonFile& file, FieldReader& reader, model::Theatre& theatre);
void read_areas(const JsonFile& file, FieldReader& reader, model::Theatre& theatre);
void read_catalogue(const JsonFile& file, FieldReader& reader, model::CapabilityCatalogue& catalogue);
void read_coalition(const JsonFile& file, FieldReader& reader, model::Coalition& coalition);
void read_mandate(const JsonFile& file, FieldReader& reader, model::Mandate& mandate);

/// One record of coalition.json or mandate.json at `pointer`; shared by the file readers and by
/// the record decoders of the workspace API, so both accept exactly the same shape.
model::Nation read_nation(const Json& entry, const std::string& pointer, FieldReader& reader);
model::Pledge read_pledge(const Json& entry, const std::string& pointer, FieldReader& reader);
model::RequirementLine read_requirement_line(const Json& entry, const std::string& pointer, FieldReader& reader);

/// Checks references across files (capabilities, nations, countries, site ids) and invariants
/// that span records (unique ids, sites inside their country).
void check_references(const model::Scenario& scenario, DiagnosticSink& sink);
/// The references of one pledge / requirement line (nation, capability, sites, phase), each
/// problem located as "<pointer>/<member>".
void check_pledge_references(const model::Scenario& scenario, const model::Pledge& pledge, const std::string& pointer,
                             DiagnosticSink& sink);
void check_requirement_references(const model::Scenario& scenario, const model::RequirementLine& line,
                                  const std::string& pointer, DiagnosticSink& sink);

}  // namespace guarantor::io::detail
