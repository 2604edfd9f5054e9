#include "guarantor/io/scenario_loader.hpp"

#include <fmt/format.h>

#include "loaders.hpp"

namespace guarantor::io {

std::filesystem::path resolve_data_path(const std::string& reference, const std::filesystem::path& referring_file,
                                        const LoadOptions& options) {
  constexpr std::string_view NPM_PREFIX = "npm:";
  if (reference.rfind(NPM_PREFIX, 0) == 0) return options.asset_dir / reference.substr(NPM_PREFIX.size());
  const std::filesystem::path path(reference);
  if (path.is_absolute()) return path;
  return referring_file.parent_path() / path;
}

namespace {
using detail::FieldReader;
using detail::FileContext;
using detail::Json;
using detail::JsonFile;

// Reads one file named by the manifest and hands it to its reader; a file that cannot be read
// or parsed becomes a diagnostic so the other files are still checked.
template <typename ReadFn>
void load_part(const std::string& role, const std::string& reference, const std::filesystem::path& manifest,
               const LoadOptions& options, DiagnosticSink& sink, model::Scenario& scenario, ReadFn read) {
  const auto path = resolve_data_path(reference, manifest, options);
  JsonFile file;
  try {
    file = detail::read_json_file(path);
  } catch (const Error& error) {
    for (const auto& d : error.diagnostics())
      sink.add(d.code, d.where, fmt::format("{} (the {} file named in {})", d.message, role, manifest.filename().string()));
    return;
  }
  scenario.files.push_back({role, path.string(), file.sha256});
  FieldReader reader(file.name, sink);
  read(file, FileContext{path, options}, reader);
}

std::vector<std::string> references(const Json& value, const std::string& pointer, FieldReader& reader) {
  std::vector<std::string> refs;
  if (value.is_string()) {
    refs.push_back(value.get<std::string>());
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (value[i].is_string()) refs.push_back(value[i].get<std::string>());
      else reader.fail(ErrorCode::Schema, fmt::format("{}/{}", pointer, i), "expected a file path string");
    }
  } else {
    reader.fail(ErrorCode::Schema, pointer, fmt::format("got {}; expected a file path or an array of them", detail::describe(value)));
  }
  return refs;
}
}  // namespace

model::Scenario load_scenario(const std::filesystem::path& manifest, const LoadOptions& options) {
  const JsonFile file = detail::read_json_file(manifest);
  DiagnosticSink sink;
  FieldReader reader(file.name, sink);
  model::Scenario scenario;
  scenario.files.push_back({"scenario", manifest.string(), file.sha256});
  if (reader.object(file.root, "") == nullptr) sink.throw_if_any();
  scenario.name = reader.string(file.root, "name", "");
  scenario.description = reader.string(file.root, "description", "", false);
  scenario.as_of = reader.string(file.root, "as_of", "");

  auto parts = [&](const Json& obj, std::string_view key, const std::string& pointer, bool required) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) reader.fail(ErrorCode::Schema, pointer + "/" + std::string(key), "missing; expected a file path");
      return std::vector<std::string>{};
    }
    return references(*it, pointer + "/" + std::string(key), reader);
  };

  if (const Json* theatre = reader.member_object(file.root, "theatre", "")) {
    auto& t = scenario.theatre;
    for (const auto& ref : parts(*theatre, "countries", "/theatre", true))
      load_part("theatre.countries", ref, manifest, options, sink, scenario,
                [&](const JsonFile& f, const FileContext& c, FieldReader& r) { detail::read_countries(f, c, r, t, scenario.files); });
    for (const auto& ref : parts(*theatre, "regions", "/theatre", false))
      load_part("theatre.regions", ref, manifest, options, sink, scenario,
                [&](const JsonFile& f, const FileContext&, FieldReader& r) { detail::read_regions(f, r, t); });
    for (const auto& ref : parts(*theatre, "places", "/theatre", false))
      load_part("theatre.places", ref, manifest, options, sink, scenario,
                [&](const JsonFile& f, const FileContext& c, FieldReader& r) { detail::read_places(f, c, r, t); });
    for (const auto& ref : parts(*theatre, "sites", "/theatre", false))
      load_part("theatre.sites", ref, manifest, options, sink, scenario,
                [&](const JsonFile& f, const FileContext&, FieldReader& r) { detail::read_sites(f, r, t); });
    for (const auto& ref : parts(*theatre, "areas", "/theatre", false))
      load_part("theatre.areas", ref, manifest, options, sink, scenario,
                [&](const JsonFile& f, const FileContext&, FieldReader& r) { detail::read_areas(f, r, t); });
  }
  for (const auto& ref : parts(file.root, "catalogue", "", true))
    load_part("catalogue", ref, manifest, options, sink, scenario,
              [&](const JsonFile& f, const FileContext&, FieldReader& r) { detail::read_catalogue(f, r, scenario.catalogue); });
  for (const auto& ref : parts(file.root, "coalition", "", true))
    load_part("coalition", ref, manifest, options, sink, scenario,
              [&](const JsonFile& f, const FileContext&, FieldReader& r) { detail::read_coalition(f, r, scenario.coalition); });
  for (const auto& ref : parts(file.root, "mandate", "", true))
    load_part("mandate", ref, manifest, options, sink, scenario,
              [&](const JsonFile& f, const FileContext&, FieldReader& r) { detail::read_mandate(f, r, scenario.mandate); });

  // Cross-file checks only make sense once every file has its own shape right.
  if (sink.empty()) detail::check_references(scenario, sink);
  sink.throw_if_any();
  return scenario;
}

}  // namespace guarantor::io
