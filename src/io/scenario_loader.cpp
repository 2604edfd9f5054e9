#include "guarantor/io/scenario_loader.hpp"

#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "guarantor/core/date.hpp"

#include "json_locations.hpp"
#include "loaders.hpp"

namespace guarantor::io {

namespace fs = std::filesystem;

namespace {
constexpr std::string_view PACKAGE_PREFIX = "npm:";
constexpr std::string_view DATA_PREFIX = "data:";

// True when `path` lies inside `root` once both are absolute and every symbolic link that exists
// is resolved (so a link inside the root that points out of it is outside).
bool lies_inside(const fs::path& path, const fs::path& root) {
  std::error_code error;
  const fs::path resolved = fs::weakly_canonical(fs::absolute(path), error);
  const fs::path resolved_root = fs::weakly_canonical(fs::absolute(root), error);
  if (error) return false;
  auto root_it = resolved_root.begin();
  auto path_it = resolved.begin();
  for (; root_it != resolved_root.end(); ++root_it, ++path_it) {
    if (root_it->empty()) continue;  // a trailing separator
    if (path_it == resolved.end() || *path_it != *root_it) return false;
  }
  return true;
}
}  // namespace

fs::path builtin_data_root() { return GUARANTOR_BUILTIN_DATA_DIR; }

fs::path resolve_data_path(const std::string& reference, const fs::path& referring_file, const LoadOptions& options) {
  fs::path root;
  fs::path relative;
  std::string_view root_name;
  if (reference.rfind(PACKAGE_PREFIX, 0) == 0) {
    root = options.asset_dir, relative = reference.substr(PACKAGE_PREFIX.size()), root_name = "package directory";
  } else if (reference.rfind(DATA_PREFIX, 0) == 0) {
    root = options.data_root, relative = reference.substr(DATA_PREFIX.size()), root_name = "data root";
  } else {
    root = referring_file.parent_path(), relative = reference, root_name = "scenario directory";
  }
  if (relative.is_absolute()) {
    if (options.allow_outside_root) return relative;
    throw Error(ErrorCode::Reference, reference,
                fmt::format("\"{}\" is an absolute path; expected a path relative to the file that names it, "
                            "\"data:<path>\" or \"npm:<package>/<path>\" (or allow paths outside the scenario "
                            "explicitly: --allow-outside-root)",
                            excerpt(reference)));
  }
  const fs::path path = root / relative;
  if (!options.allow_outside_root && !lies_inside(path, root)) {
    throw Error(ErrorCode::Reference, reference,
                fmt::format("\"{}\" leaves the {} ({}); expected a file inside it (or allow paths outside the "
                            "scenario explicitly: --allow-outside-root)",
                            excerpt(reference), root_name, root.string()));
  }
  return path;
}

void check_input_file(const fs::path& path, const LoadOptions& options) {
  std::error_code error;
  const auto status = fs::status(path, error);
  if (!fs::exists(status)) return;  // the reader reports a missing file in its own words
  if (!fs::is_regular_file(status))
    throw Error(ErrorCode::FileNotFound, path.string(),
                "not a regular file (a device, a pipe or a directory); expected a data file");
  const auto size = fs::file_size(path, error);
  if (!error && size > options.max_file_bytes)
    throw Error(ErrorCode::FileNotFound, path.string(),
                fmt::format("is {} bytes; expected at most {} bytes (the largest file a scenario may name; "
                            "raise it with --max-file-mb)",
                            size, options.max_file_bytes));
}

namespace {
using detail::FileContext;

// Reads one file named by the manifest and hands it to its reader; a file that cannot be read
// or parsed becomes a diagnostic so the other files are still checked.
template <typename ReadFn>
void load_part(const std::string& role, const std::string& reference, const std::string& pointer,
               const std::filesystem::path& manifest, const LoadOptions& options, DiagnosticSink& sink,
               model::Scenario& scenario, ReadFn read) {
  std::filesystem::path path;
  JsonFile file;
  try {
    path = resolve_data_path(reference, manifest, options);
  } catch (const Error& error) {
    for (const auto& d : error.diagnostics())
      sink.add(d.code, fmt::format("{} {}", manifest.string(), pointer), d.message);
    return;
  }
  try {
    check_input_file(path, options);
    file = read_json_file(path);
  } catch (const Error& error) {
    for (const auto& d : error.diagnostics())
      sink.add(d.code, d.where, fmt::format("{} (the {} file named in {})", d.message, role, manifest.filename().string()));
    return;
  }
  scenario.files.push_back({role, path.string(), file.sha256});
  FieldReader reader(file, sink);
  read(file, FileContext{path, options}, reader);
}

// The references at `pointer`: one path, or an array of them; each with its own pointer.
std::vector<std::pair<std::string, std::string>> references(const Json& value, const std::string& pointer,
                                                            FieldReader& reader) {
  std::vector<std::pair<std::string, std::string>> refs;
  if (value.is_string()) {
    refs.emplace_back(value.get<std::string>(), pointer);
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (value[i].is_string()) refs.emplace_back(value[i].get<std::string>(), fmt::format("{}/{}", pointer, i));
      else reader.fail(ErrorCode::Schema, fmt::format("{}/{}", pointer, i), "expected a file path string");
    }
  } else {
    reader.fail(ErrorCode::Schema, pointer, fmt::format("got {}; expected a file path or an array of them", describe(value)));
  }
  return refs;
}
// Cross-file checks name "<file name> /pointer"; this adds the file's path and the line of the
// value, read again from the file (only on this error path, so loading keeps no text around).
void with_lines(const DiagnosticSink& found, const std::vector<model::SourceFile>& files, DiagnosticSink& sink) {
  std::map<std::string, std::unique_ptr<detail::JsonLineIndex>> indexes;
  for (const auto& d : found.diagnostics()) {
    const auto split = d.where.find(" /");
    const model::SourceFile* file = nullptr;
    if (split != std::string::npos) {
      for (const auto& candidate : files)
        if (std::filesystem::path(candidate.path).filename() == d.where.substr(0, split)) file = &candidate;
    }
    if (file == nullptr) {
      sink.add(d.code, d.where, d.message);
      continue;
    }
    auto& index = indexes[file->path];
    if (!index) {
      std::ifstream in(file->path, std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      index = std::make_unique<detail::JsonLineIndex>(text.str());
    }
    const std::string pointer = d.where.substr(split + 1);
    sink.add(d.code, fmt::format("{}:{} {}", file->path, index->line_of(pointer), pointer), d.message);
  }
}
}  // namespace

model::Scenario load_scenario(const std::filesystem::path& manifest, const LoadOptions& options) {
  check_input_file(manifest, options);
  const JsonFile file = read_json_file(manifest);
  DiagnosticSink sink;
  FieldReader reader(file, sink);
  model::Scenario scenario;
  scenario.files.push_back({"scenario", manifest.string(), file.sha256});
  if (reader.object(file.root, "") == nullptr) sink.throw_if_any();
  scenario.name = reader.string(file.root, "name", "");
  scenario.description = reader.string(file.root, "description", "", false);
  scenario.as_of = reader.date(file.root, "as_of", "");

  auto parts = [&](const Json& obj, std::string_view key, const std::string& pointer, bool required) {
    reader.known(pointer, key);
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) reader.fail(ErrorCode::Schema, pointer + "/" + std::string(key), "missing; expected a file path");
      return std::vector<std::pair<std::string, std::string>>{};
    }
    return references(*it, pointer + "/" + std::string(key), reader);
  };

  if (const Json* theatre = reader.member_object(file.root, "theatre", "")) {
    auto& t = scenario.theatre;
    for (const auto& [ref, ref_pointer] : parts(*theatre, "countries", "/theatre", true))
      load_part("theatre.countries", ref, ref_pointer, manifest, options, sink, scenario,
                [&](const JsonFile& f, const FileContext& c, FieldReader& r) {
                  detail::read_countries(f, c, r, t, scenario.files);
                });
    for (const auto& [ref, ref_pointer] : parts(*theatre, "regions", "/theatre", false))
      load_part("theatre.regions", ref, ref_pointer, manifest, options, sink, scenario,
                [&](const JsonFile& f, const FileContext&, FieldReader& r) { detail::read_regions(f, r, t); });
    for (const auto& [ref, ref_pointer] : parts(*theatre, "places", "/theatre", false))
      load_part("theatre.places", ref, ref_pointer, manifest, options, sink, scenario,
                [&](const JsonFile& f, const FileContext& c, FieldReader& r) { detail::read_places(f, c, r, t); });
    for (const auto& [ref, ref_pointer] : parts(*theatre, "sites", "/theatre", false))
      load_part("theatre.sites", ref, ref_pointer, manifest, options, sink, scenario,
                [&](const JsonFile& f, const FileContext&, FieldReader& r) { detail::read_sites(f, r, t); });
    for (const auto& [ref, ref_pointer] : parts(*theatre, "areas", "/theatre", false))
      load_part("theatre.areas", ref, ref_pointer, manifest, options, sink, scenario,
                [&](const JsonFile& f, const FileContext&, FieldReader& r) { detail::read_areas(f, r, t); });
  }
  for (const auto& [ref, ref_pointer] : parts(file.root, "catalogue", "", true))
    load_part("catalogue", ref, ref_pointer, manifest, options, sink, scenario,
              [&](const JsonFile& f, const FileContext&, FieldReader& r) {
                detail::read_catalogue(f, r, scenario.catalogue);
              });
  for (const auto& [ref, ref_pointer] : parts(file.root, "coalition", "", true))
    load_part("coalition", ref, ref_pointer, manifest, options, sink, scenario,
              [&](const JsonFile& f, const FileContext&, FieldReader& r) {
                detail::read_coalition(f, r, scenario.coalition);
              });
  for (const auto& [ref, ref_pointer] : parts(file.root, "mandate", "", true))
    load_part(
        "mandate", ref, ref_pointer, manifest, options, sink, scenario,
        [&](const JsonFile& f, const FileContext&, FieldReader& r) { detail::read_mandate(f, r, scenario.mandate); });

  if (const auto it = file.root.find("theatre"); it != file.root.end()) reader.close_object(*it, "/theatre");
  reader.close_object(file.root, "");
  // Cross-file checks run whatever else is wrong, so one run lists every problem; they skip the
  // values a reader already rejected (left empty).
  DiagnosticSink cross_file;
  detail::check_references(scenario, cross_file);
  with_lines(cross_file, scenario.files, sink);
  sink.throw_if_any();
  return scenario;
}

}  // namespace guarantor::io
