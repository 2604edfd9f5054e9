#pragma once
// The per-file readers behind load_scenario. Each reads one file's shape into the model and
// records problems in the reader's sink; cross-file references are checked afterwards.
#include <filesystem>

#include "guarantor/io/scenario_loader.hpp"
#include "json_fields.hpp"

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

/// Checks references across files (capabilities, nations, countries, site ids) and invariants
/// that span records (unique ids, sites inside their country).
void check_references(const model::Scenario& scenario, DiagnosticSink& sink);

}  // namespace guarantor::io::detail
