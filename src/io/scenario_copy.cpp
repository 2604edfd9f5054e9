#include "guarantor/io/scenario_copy.hpp"

#include <fstream>
#include <map>
#include <random>
#include <set>

#include <fmt/format.h>

#include "guarantor/io/json_fields.hpp"

namespace guarantor::io {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view PACKAGE_PREFIX = "npm:";

bool is_package_reference(const std::string& reference) { return reference.rfind(PACKAGE_PREFIX, 0) == 0; }

[[noreturn]] void output_failed(const fs::path& path, const std::string& what) {
  throw Error(ErrorCode::OutputFailed, path.string(), what);
}

// Copies files into a staging directory, one folder per kind (theatre/, catalogue/), keeping
// names unique and copying a file named twice only once.
class Copier {
public:
  Copier(fs::path staging, const LoadOptions& options) : staging_(std::move(staging)), options_(options) {}

  // Copies what `reference` (written in `referring_file`) names into `folder` of the copy and
  // returns the reference to write instead, relative to `referring_folder`. Package references
  // are returned unchanged.
  std::string copy(const std::string& reference, const fs::path& referring_file, const fs::path& folder,
                   const fs::path& referring_folder) {
    if (is_package_reference(reference)) return reference;
    const fs::path source = fs::weakly_canonical(resolve_data_path(reference, referring_file, options_));
    auto [it, inserted] = copied_.emplace(source, fs::path());
    if (inserted) {
      it->second = unique_name(folder, source.filename());
      std::error_code error;
      fs::create_directories(staging_ / it->second.parent_path(), error);
      if (!error) fs::copy_file(source, staging_ / it->second, error);
      if (error)
        output_failed(staging_ / it->second, fmt::format("cannot copy {} ({})", source.string(), error.message()));
      files_.push_back(it->second);
      nested(source, it->second);
    }
    if (referring_folder.empty()) return it->second.generic_string();
    return it->second.lexically_relative(referring_folder).generic_string();
  }

  [[nodiscard]] const std::vector<fs::path>& files() const noexcept { return files_; }

private:
  fs::path unique_name(const fs::path& folder, const fs::path& filename) {
    fs::path candidate = folder / filename;
    for (int k = 2; !names_.insert(candidate.generic_string()).second; ++k)
      candidate = folder / fmt::format("{}-{}{}", filename.stem().string(), k, filename.extension().string());
    return candidate;
  }

  // Files that name files of their own: countries (/outlines/file) and places (/geonames/file).
  // A local one is copied beside its referrer and the reference rewritten; the referrer is then
  // re-serialised, which only happens for scenarios that keep such data locally.
  void nested(const fs::path& source, const fs::path& copied_as) {
    if (source.extension() != ".json") return;
    JsonFile file;
    try {
      file = read_json_file(source);
    } catch (const Error&) {
      return;  // the source scenario loaded, so this is not a file that names others
    }
    bool rewritten = false;
    for (const char* member : {"/outlines/file", "/geonames/file"}) {
      const nlohmann::json::json_pointer pointer(member);
      if (!file.root.is_object() || !file.root.contains(pointer) || !file.root.at(pointer).is_string()) continue;
      const std::string reference = file.root.at(pointer).get<std::string>();
      if (is_package_reference(reference)) continue;
      file.root[pointer] = copy(reference, source, copied_as.parent_path(), copied_as.parent_path());
      rewritten = true;
    }
    if (!rewritten) return;
    std::ofstream out(staging_ / copied_as, std::ios::binary | std::ios::trunc);
    out << file.root.dump(2) << '\n';
    if (!out) output_failed(staging_ / copied_as, "cannot write the file");
  }

  fs::path staging_;
  const LoadOptions& options_;
  std::map<fs::path, fs::path> copied_;
  std::set<std::string> names_;
  std::vector<fs::path> files_;
};

// Rewrites the manifest's reference(s) at `member` of `object` (a string or an array of them).
void copy_member(nlohmann::json& object, const char* member, const fs::path& manifest, const fs::path& folder,
                 Copier& copier) {
  if (!object.is_object() || !object.contains(member)) return;
  auto& value = object[member];
  if (value.is_string()) {
    value = copier.copy(value.get<std::string>(), manifest, folder, "");
  } else if (value.is_array()) {
    for (auto& item : value)
      if (item.is_string()) item = copier.copy(item.get<std::string>(), manifest, folder, "");
  }
}

}  // namespace

ScenarioCopy copy_scenario(const fs::path& source_manifest, const fs::path& destination, const LoadOptions& options) {
  // The source must be valid: copying a broken scenario would only move its errors.
  (void)load_scenario(source_manifest, options);

  std::error_code error;
  if (fs::exists(destination, error) && !(fs::is_directory(destination, error) && fs::is_empty(destination, error)))
    output_failed(destination, "already exists and is not an empty directory; expected a new scenario directory");
  const fs::path parent = destination.parent_path().empty() ? fs::path(".") : destination.parent_path();
  fs::create_directories(parent, error);
  if (error) output_failed(parent, fmt::format("cannot create the directory ({})", error.message()));
  std::random_device entropy;
  const fs::path staging = parent / fmt::format(".{}.new-{:08x}", destination.filename().string(), entropy());
  fs::create_directories(staging, error);
  if (error) output_failed(staging, fmt::format("cannot create the directory ({})", error.message()));

  ScenarioCopy result;
  try {
    JsonFile manifest = read_json_file(source_manifest);
    Copier copier(staging, options);
    if (manifest.root.contains("theatre")) {
      for (const char* member : {"countries", "regions", "places", "sites", "areas"})
        copy_member(manifest.root["theatre"], member, source_manifest, "theatre", copier);
    }
    copy_member(manifest.root, "catalogue", source_manifest, "catalogue", copier);
    copy_member(manifest.root, "coalition", source_manifest, "", copier);
    copy_member(manifest.root, "mandate", source_manifest, "", copier);
    std::ofstream out(staging / "scenario.json", std::ios::binary | std::ios::trunc);
    out << manifest.root.dump(2) << '\n';
    out.close();
    if (!out) output_failed(staging / "scenario.json", "cannot write the file");
    // Proof that the copy stands on its own, before it becomes visible.
    (void)load_scenario(staging / "scenario.json", options);
    result.files = copier.files();
  } catch (...) {
    fs::remove_all(staging, error);
    throw;
  }
  if (fs::exists(destination, error)) fs::remove(destination, error);  // the empty directory checked above
  fs::rename(staging, destination, error);
  if (error) {
    std::error_code ignored;
    fs::remove_all(staging, ignored);
    output_failed(destination, fmt::format("cannot move the new scenario into place ({})", error.message()));
  }
  result.manifest = destination / "scenario.json";
  return result;
}

}  // namespace guarantor::io
